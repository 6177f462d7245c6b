import pytest
from django.urls import reverse
from icalendar import Calendar

pytestmark = pytest.mark.django_db


def test_a_person_creates_a_private_feed_and_anyone_with_the_address_reads_it(client, alice):
    client.force_login(alice)
    client.post(reverse("reset_calendar_feed"))
    alice.refresh_from_db()
    assert len(alice.calendar_token) >= 40
    client.logout()
    response = client.get(alice.get_calendar_feed_url())
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert "Alice Adams" in str(calendar.get("x-wr-calname"))


def test_making_a_new_address_revokes_the_old_one(client, alice):
    client.force_login(alice)
    client.post(reverse("reset_calendar_feed"))
    alice.refresh_from_db()
    old_url = alice.get_calendar_feed_url()
    client.post(reverse("reset_calendar_feed"))
    assert client.get(old_url).status_code == 404


def test_an_unknown_or_empty_token_reads_nothing(client, alice):
    assert client.get("/calendar/not-a-real-token.ics").status_code == 404
    assert alice.calendar_token == ""
    assert client.get(reverse("calendar_feed", args=["x"])).status_code == 404


def test_the_reset_needs_a_post(client, alice):
    client.force_login(alice)
    assert client.get(reverse("reset_calendar_feed")).status_code == 405
