"""Issue 10, finding 12: privacy promises kept. Event feedback reaches staff without the
person's name, as the feedback form says; calendar feeds (often synced to other companies'
servers) carry titles and times, never what people wrote."""

import csv
import io

import pytest
from django.test import Client
from icalendar import Calendar

from events import services as event_services

pytestmark = pytest.mark.django_db

COMMENT = "The restorative circle demonstration"
DIFFERENTLY = "Use check-ins at team meetings"


def _staff(world):
    client = Client()
    client.force_login(world.staff)
    session = client.session
    session["account_authentication_methods"] = [{"method": "mfa", "type": "totp"}]
    session.save()
    return client


def _body(response):
    return (b"".join(response.streaming_content) if response.streaming
            else response.content).decode("utf-8", "replace")


def test_the_feedback_form_promises_anonymity(world):
    client = Client()
    client.force_login(world.alice)
    response = client.get(f"/bookings/{world.attended.reference}/feedback/")
    assert "without your name" in response.text


def test_staff_see_event_feedback_without_the_persons_name(world):
    event_services.submit_feedback(world.attended, world.alice, 5, COMMENT, DIFFERENTLY)
    feedback = world.attended.feedback
    staff = _staff(world)
    name, email = world.alice.full_name, world.alice.email
    reference = world.attended.reference
    pages = {
        "events report": staff.get("/admin/reports/events/"),
        "events report csv": staff.get("/admin/reports/events/?export=csv"),
        "feedback list": staff.get("/admin/eventfeedback/"),
        "feedback csv": staff.get("/admin/eventfeedback/?export=csv"),
        "feedback inspect": staff.get(f"/admin/eventfeedback/inspect/{feedback.pk}/"),
    }
    texts = {}
    for where, response in pages.items():
        assert response.status_code == 200, where
        text = texts[where] = _body(response)
        if where != "feedback list":
            assert COMMENT in text, where
        assert name not in text and email not in text, where
        assert reference not in text, where
    rows = list(csv.reader(io.StringIO(texts["events report csv"])))
    assert any(COMMENT in cell and DIFFERENTLY in cell for row in rows for cell in row)


def _feed_text(client, user):
    response = client.get(user.get_calendar_feed_url())
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    events = [c for c in calendar.walk("VEVENT")]
    assert events
    return response.content.decode(), events


@pytest.mark.parametrize("persona", ["mentor", "leader"])
def test_mentoring_feeds_carry_times_and_titles_not_what_people_wrote(world, persona):
    world.session.mentee_feedback = "Mentee private feedback"
    world.session.goals_progress = "Mentee private progress"
    world.session.save()
    text, events = _feed_text(Client(), getattr(world, persona))
    for private in (world.session.goals, world.past_session.goals,
                    world.past_session.mentor_notes, "Mentee private feedback",
                    "Mentee private progress"):
        assert private.replace(" ", "")[:20] not in text.replace("\r\n ", "").replace(" ", "")
    assert all(e.get("dtstart") and e.get("summary") for e in events)


def test_event_feeds_leave_out_access_requirements(world):
    assert world.booking.access_requirements == "Step-free access"
    text, events = _feed_text(Client(), world.alice)
    assert "Step-free" not in text
    assert any(world.booking.event_title in str(e.get("summary")) for e in events)
