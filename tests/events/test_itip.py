"""Invitations that mail clients apply (RFC 5546 iTIP, RFC 6047 iMIP): the Centre as
ORGANIZER, the booker as ATTENDEE with PARTSTAT, METHOD on the calendar and on the MIME part,
SEQUENCE raised on every change, one UID throughout. Each email is read back from the bytes
that would go to the mail server and parsed with icalendar."""

import datetime
import email

from django.core import mail
from icalendar import Calendar

from events import services


def _sent(django_capture_on_commit_callbacks, action):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        action()
    assert len(mail.outbox) == 1
    return email.message_from_bytes(mail.outbox[0].message().as_bytes())


def _invitation(message):
    """The text/calendar part, as a mail client finds it, and its calendar parsed."""
    parts = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    part = parts[0]
    calendar = Calendar.from_ical(part.get_payload(decode=True))
    return part, calendar, calendar.walk("VEVENT")[0]


def _assert_well_formed(calendar, vevent, method, alice):
    """What RFC 5546 section 3.2.2 (REQUEST) and 3.2.5 (CANCEL) require of a VEVENT."""
    assert calendar["method"] == method
    assert calendar["version"] == "2.0" and calendar["prodid"]
    for prop in ("uid", "dtstamp", "dtstart", "sequence", "organizer", "attendee"):
        assert prop in vevent, prop
    assert vevent["organizer"] == "mailto:centre@example.org"
    assert vevent["organizer"].params["CN"]
    attendee = vevent["attendee"]
    assert attendee == f"mailto:{alice.email}"
    assert attendee.params["CN"] == alice.get_full_name()
    assert attendee.params["ROLE"] == "REQ-PARTICIPANT"
    return attendee.params["PARTSTAT"]


def test_a_booking_an_update_and_a_cancel_are_well_formed_itip(
        event, alice, settings, django_capture_on_commit_callbacks):
    settings.DEFAULT_FROM_EMAIL = "Restorative Practice Centre <centre@example.org>"
    booked = _sent(django_capture_on_commit_callbacks,
                   lambda: services.book_place(event, alice))
    part, calendar, first = _invitation(booked)
    assert part.get_param("method") == "REQUEST"
    assert "; method=REQUEST" in part["Content-Type"]  # as Outlook expects it, unquoted
    assert _assert_well_formed(calendar, first, "REQUEST", alice) == "ACCEPTED"

    event.start += datetime.timedelta(days=1)
    event.end += datetime.timedelta(days=1)
    event.save_revision().publish()
    updated = _sent(django_capture_on_commit_callbacks,
                    lambda: services.announce_event_changes(event))
    part, calendar, update = _invitation(updated)
    assert part.get_param("method") == "REQUEST"
    assert _assert_well_formed(calendar, update, "REQUEST", alice) == "ACCEPTED"
    assert update["uid"] == first["uid"]
    assert update["sequence"] > first["sequence"]
    assert update.decoded("dtstart") == first.decoded("dtstart") + datetime.timedelta(days=1)

    booking = alice.event_bookings.get()
    cancelled = _sent(django_capture_on_commit_callbacks,
                      lambda: services.cancel_booking(booking, alice))
    part, calendar, cancel = _invitation(cancelled)
    assert part.get_param("method") == "CANCEL"
    assert _assert_well_formed(calendar, cancel, "CANCEL", alice) == "DECLINED"
    assert cancel["uid"] == first["uid"]
    assert cancel["sequence"] > update["sequence"]
    assert cancel["status"] == "CANCELLED"

    # Each message has its own Message-ID, set when it was queued.
    ids = {booked["Message-ID"], updated["Message-ID"], cancelled["Message-ID"]}
    assert len(ids) == 3 and all(ids)


def test_the_uid_keeps_its_domain_when_the_site_moves(event, alice, settings):
    from events.calendar import booking_uid

    booking = services.book_place(event, alice)
    settings.SITE_URL = "https://centre.example.org"
    before = booking_uid(booking)
    settings.SITE_URL = "https://learning.example.gov.uk"
    assert booking_uid(booking) == before == (
        f"event-booking-{booking.pk}@{settings.CALENDAR_UID_DOMAIN}")
    assert "example" not in before
