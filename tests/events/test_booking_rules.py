import datetime

import pytest
from django.core import mail
from django.db import IntegrityError
from django.utils import timezone
from freezegun import freeze_time

from cms import audit
from events import services
from events.models import Audience, EventBooking

Status = EventBooking.Status


def test_it_confirms_while_places_remain_then_waitlists(make_event, people,
                                                         django_capture_on_commit_callbacks):
    event = make_event(capacity=2)
    a, b, c, d = people(4)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.book_place(event, a)
        services.book_place(event, b)
        third = services.book_place(event, c)
        fourth = services.book_place(event, d)
    assert first.status == Status.CONFIRMED
    assert third.status == Status.WAITLISTED
    assert services.waitlist_position(third) == 1
    assert services.waitlist_position(fourth) == 2
    subjects = [m.subject for m in mail.outbox]
    assert subjects[0].startswith("Your place is confirmed")
    assert subjects[2].startswith("You are on the waiting list")
    assert "number 1" in mail.outbox[2].body
    # The confirmation carries the .ics.
    assert mail.outbox[0].attachments[0][2] == "text/calendar"


def test_it_refuses_a_second_active_booking(event, alice):
    services.book_place(event, alice)
    with pytest.raises(services.BookingError, match="already have a booking"):
        services.book_place(event, alice)


def test_the_database_holds_one_active_booking_per_person(event, alice):
    booking = services.book_place(event, alice)
    with pytest.raises(IntegrityError):
        EventBooking.objects.create(
            event=event, user=alice, status=Status.WAITLISTED, event_title="x",
            event_start=booking.event_start, event_end=booking.event_end,
        )


def test_a_cancelled_booking_does_not_block_booking_again(event, alice):
    booking = services.book_place(event, alice)
    services.cancel_booking(booking, alice)
    again = services.book_place(event, alice)
    assert again.status == Status.CONFIRMED


def test_it_refuses_outside_the_booking_window(make_event, alice):
    now = timezone.now()
    not_yet = make_event(booking_opens=now + datetime.timedelta(days=1))
    closed = make_event(booking_closes=now - datetime.timedelta(hours=1))
    started = make_event(start=now - datetime.timedelta(minutes=5))
    with pytest.raises(services.BookingError, match="Booking opens"):
        services.book_place(not_yet, alice)
    with pytest.raises(services.BookingError, match="closed"):
        services.book_place(closed, alice)
    with pytest.raises(services.BookingError, match="started"):
        services.book_place(started, alice)


def test_audience_rules(make_event, alice, leader, staff):
    host_only = make_event(audience=Audience.HOST_STAFF)
    leaders_only = make_event(audience=Audience.VISITING_LEADERS)
    with pytest.raises(services.BookingError, match="host authority"):
        services.book_place(host_only, leader)
    with pytest.raises(services.BookingError, match="visiting leaders"):
        services.book_place(leaders_only, alice)
    assert services.book_place(host_only, alice).status == Status.CONFIRMED
    assert services.book_place(leaders_only, leader).status == Status.CONFIRMED


def test_a_full_event_without_a_waitlist_refuses(make_event, people):
    event = make_event(capacity=1, waitlist_enabled=False)
    a, b = people(2)
    services.book_place(event, a)
    with pytest.raises(services.BookingError, match="full"):
        services.book_place(event, b)


def test_attendees_cancel_up_to_the_start_staff_any_time(make_event, alice, staff):
    event = make_event(start=timezone.now() + datetime.timedelta(hours=1))
    booking = services.book_place(event, alice)
    with freeze_time(timezone.now() + datetime.timedelta(hours=2)):
        with pytest.raises(services.BookingError, match="started"):
            services.cancel_booking(booking, alice)
        services.cancel_booking(booking, staff, "Room closed")
    booking.refresh_from_db()
    assert booking.status == Status.CANCELLED


def test_nobody_cancels_another_persons_booking_through_the_service(event, alice, bob):
    booking = services.book_place(event, alice)
    with pytest.raises(services.BookingError):
        services.cancel_booking(booking, bob)


def test_every_change_is_written_to_history(make_event, people, staff):
    event = make_event(capacity=1)
    a, b = people(2)
    first = services.book_place(event, a)
    second = services.book_place(event, b)
    services.cancel_booking(first, a)
    services.accept_offer(second, b)
    rows = [(e.action, e.data["from_status"], e.data["to_status"])
            for e in audit.history_of(second)]
    assert rows == [("events.booking.waitlisted", "", "waitlisted"),
                    ("events.booking.offered", "waitlisted", "offered"),
                    ("events.booking.confirmed", "offered", "confirmed")]
    assert audit.history_of(first).filter(user=a, action="events.booking.cancelled").exists()


def test_staff_cancel_the_whole_event_and_everyone_is_emailed(
        make_event, people, staff, django_capture_on_commit_callbacks):
    event = make_event(capacity=1)
    a, b = people(2)
    services.book_place(event, a)
    services.book_place(event, b)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.cancel_event(event, staff, "Venue flooded") == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([a.email, b.email])
    assert all("cancelled" in m.subject for m in mail.outbox)
    assert not EventBooking.objects.filter(event=event).active().exists()
    with pytest.raises(services.BookingError, match="cancelled"):
        services.book_place(event, people(1)[0])
