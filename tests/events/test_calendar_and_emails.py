import datetime
import zoneinfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time
from icalendar import Calendar

from cpd.models import CPDEntry
from events import services
from events.calendar import entries_for
from events.models import EventBooking, EventFeedback

LONDON = zoneinfo.ZoneInfo("Europe/London")
Status = EventBooking.Status


def _vevent(ics):
    calendar = Calendar.from_ical(ics)
    return calendar, calendar.walk("VEVENT")[0]


@pytest.mark.parametrize("local_start, utc_hour", [
    # British Summer Time: 10:00 in Leeds is 09:00 UTC.
    (datetime.datetime(2027, 3, 27, 10, 0), 10),   # Saturday before the March change (GMT)
    (datetime.datetime(2027, 3, 29, 10, 0), 9),    # Monday after it (BST)
    (datetime.datetime(2027, 10, 30, 10, 0), 9),   # Saturday before the October change (BST)
    (datetime.datetime(2027, 11, 1, 10, 0), 10),   # Monday after it (GMT)
])
def test_the_ics_carries_utc_times_either_side_of_a_clock_change(
        client, make_event, alice, local_start, utc_hour):
    with freeze_time("2027-01-10 12:00"):
        event = make_event(start=local_start.replace(tzinfo=LONDON))
        booking = services.book_place(event, alice)
    client.force_login(alice)
    response = client.get(reverse("events:booking_calendar", args=[booking.reference]))
    assert response["Content-Type"].startswith("text/calendar")
    _, vevent = _vevent(response.content)
    start = vevent.decoded("dtstart")
    assert start.utcoffset() == datetime.timedelta(0)
    assert (start.hour, start.minute) == (utc_hour, 0)
    assert b"DTSTART:2027" in response.content and b"Z\r\n" in response.content
    assert vevent.decoded("dtend") - start == datetime.timedelta(hours=3)


def test_the_uid_is_stable_the_sequence_rises_and_a_cancellation_cancels(client, event, alice):
    from events.calendar import booking_ics

    booking = services.book_place(event, alice)
    _, first = _vevent(booking_ics(booking))
    services.cancel_booking(booking, alice)
    booking.refresh_from_db()
    calendar, cancelled = _vevent(booking_ics(booking))
    assert cancelled["uid"] == first["uid"]
    assert cancelled["uid"].startswith(f"event-booking-{booking.pk}@")
    assert cancelled["sequence"] > first["sequence"]
    assert calendar["method"] == "CANCEL"
    assert cancelled["status"] == "CANCELLED"


def test_the_cancellation_email_carries_a_cancel_ics(event, alice,
                                                    django_capture_on_commit_callbacks):
    booking = services.book_place(event, alice)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_booking(booking, alice)
    name, content, mimetype = mail.outbox[-1].attachments[0]
    calendar, _ = _vevent(content)
    assert calendar["method"] == "CANCEL"


def test_the_personal_feed_lists_booked_events(event, make_event, alice):
    other = make_event()
    services.book_place(event, alice)
    cancelled = services.book_place(other, alice)
    services.cancel_booking(cancelled, alice)
    entries = entries_for(alice)
    statuses = sorted(str(e["status"]) for e in entries)
    assert statuses == ["CANCELLED", "CONFIRMED"]


def test_a_changed_time_is_announced_once_with_a_new_sequence(
        event, alice, staff, django_capture_on_commit_callbacks):
    booking = services.book_place(event, alice)
    mail.outbox.clear()
    event.start += datetime.timedelta(hours=1)
    event.end += datetime.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision(user=staff).publish()  # announces (page_published)
        assert services.announce_event_changes(event, by=staff) == 0
    booking_after = EventBooking.objects.get(pk=booking.pk)
    assert booking_after.sequence == booking.sequence + 1
    assert booking_after.event_start == event.start
    assert [m.subject for m in mail.outbox] == [f"Event changed: {event.title}"]


def test_reminders_are_sent_once_in_the_last_24_hours(
        make_event, alice, bob, django_capture_on_commit_callbacks):
    soon = make_event(start=timezone.now() + datetime.timedelta(hours=20))
    later = make_event(start=timezone.now() + datetime.timedelta(days=3))
    services.book_place(soon, alice)
    services.book_place(later, bob)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=open("/dev/null", "w"))
        call_command("send_reminders", stdout=open("/dev/null", "w"))
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([alice.email], f"Reminder: {soon.title} is tomorrow")
    ]


def test_attendance_adds_a_cpd_entry_once(event, alice, staff):
    booking = services.book_place(event, alice)
    services.mark_attendance(booking, True, staff, now=event.start)
    services.mark_attendance(booking, True, staff, now=event.start)
    entry = CPDEntry.objects.get(user=alice)
    assert entry.kind == CPDEntry.Kind.EVENT
    assert entry.source_id == booking.pk
    assert entry.hours == 3


def test_a_no_show_gets_no_cpd_entry(event, alice, staff):
    booking = services.book_place(event, alice)
    services.mark_attendance(booking, False, staff, now=event.start)
    assert not CPDEntry.objects.filter(user=alice).exists()


def test_attendees_are_asked_for_feedback_once_and_give_it(
        client, make_event, alice, bob, staff, django_capture_on_commit_callbacks):
    event = make_event(start=timezone.now() + datetime.timedelta(hours=1))
    booking = services.book_place(event, alice)
    absent = services.book_place(event, bob)
    services.mark_attendance(booking, True, staff, now=event.start)
    services.mark_attendance(absent, False, staff, now=event.start)
    mail.outbox.clear()
    with freeze_time(timezone.now() + datetime.timedelta(hours=5)):
        with django_capture_on_commit_callbacks(execute=True):
            assert services.ask_for_feedback() == 1
            assert services.ask_for_feedback() == 0
    assert mail.outbox[0].to == [alice.email]
    client.force_login(alice)
    url = reverse("events:feedback", args=[booking.reference])
    assert client.post(url, {"rating": "9"}).status_code == 200  # form error, not a 500
    client.post(url, {"rating": "5", "most_useful": "The restorative circle",
                      "do_differently": "Start with a check-in"})
    feedback = EventFeedback.objects.get(booking=booking)
    assert feedback.rating == 5
    with pytest.raises(services.BookingError):
        services.submit_feedback(absent, bob, 4)


def test_access_requirements_are_erased_after_the_retention_period(make_event, alice, settings):
    settings.ACCESS_REQUIREMENTS_RETENTION_DAYS = 7
    event = make_event(start=timezone.now() + datetime.timedelta(hours=2))
    booking = services.book_place(event, alice, "Wheelchair user")
    with freeze_time(timezone.now() + datetime.timedelta(days=6)):
        assert services.erase_access_requirements() == 0
    with freeze_time(timezone.now() + datetime.timedelta(days=8)):
        call_command("send_reminders", stdout=open("/dev/null", "w"))
    booking.refresh_from_db()
    assert booking.access_requirements == ""
    assert booking.access_requirements_erased_at is not None
