import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from events import services
from events.models import EventBooking

Status = EventBooking.Status


@pytest.fixture
def full_event(make_event, people):
    event = make_event(capacity=1, offer_hold_hours=12)
    holder, first, second = people(3)
    booking = services.book_place(event, holder)
    return event, booking, services.book_place(event, first), services.book_place(event, second)


def test_a_cancellation_offers_the_place_to_the_first_waiting(
        full_event, django_capture_on_commit_callbacks):
    event, held, first, second = full_event
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_booking(held, held.user)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Status.OFFERED
    assert second.status == Status.WAITLISTED
    assert services.waitlist_position(second) == 1
    hold = first.offer_expires_at - timezone.now()
    assert datetime.timedelta(hours=11, minutes=59) < hold <= datetime.timedelta(hours=12)
    assert any(m.to == [first.user.email] and "place is free" in m.subject
               for m in mail.outbox)


def test_accepting_confirms_the_place(full_event):
    event, held, first, _ = full_event
    services.cancel_booking(held, held.user)
    booking = services.accept_offer(EventBooking.objects.get(pk=first.pk), first.user)
    assert booking.status == Status.CONFIRMED
    assert event.places_taken() == 1


def test_an_offer_lapses_and_passes_on(full_event, django_capture_on_commit_callbacks):
    event, held, first, second = full_event
    services.cancel_booking(held, held.user)
    mail.outbox.clear()
    with freeze_time(timezone.now() + datetime.timedelta(hours=13)):
        with pytest.raises(services.BookingError, match="run out"):
            services.accept_offer(EventBooking.objects.get(pk=first.pk), first.user)
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_reminders", stdout=open("/dev/null", "w"))
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Status.OFFER_EXPIRED
    assert second.status == Status.OFFERED
    assert {m.to[0] for m in mail.outbox} == {first.user.email, second.user.email}


def test_offers_never_outlast_the_start(make_event, people):
    event = make_event(capacity=1, offer_hold_hours=48,
                       start=timezone.now() + datetime.timedelta(hours=5))
    a, b = people(2)
    held = services.book_place(event, a)
    waiting = services.book_place(event, b)
    services.cancel_booking(held, a)
    waiting.refresh_from_db()
    assert waiting.offer_expires_at == event.start


def test_waitlisted_people_can_leave(full_event):
    event, _, first, second = full_event
    services.leave_waitlist(first, first.user)
    first.refresh_from_db()
    assert first.status == Status.CANCELLED
    assert services.waitlist_position(EventBooking.objects.get(pk=second.pk)) == 1


def test_turning_down_an_offer_passes_it_on(full_event):
    event, held, first, second = full_event
    services.cancel_booking(held, held.user)
    services.leave_waitlist(EventBooking.objects.get(pk=first.pk), first.user)
    second.refresh_from_db()
    assert second.status == Status.OFFERED


def test_raising_capacity_offers_places_in_order(full_event, staff):
    event, _, first, second = full_event
    _, offered = services.change_capacity(event, 3, staff)
    assert [b.pk for b in offered] == [first.pk, second.pk]
    event.refresh_from_db()
    assert event.capacity == 3


def test_capacity_cannot_drop_below_places_held(full_event, staff):
    event, *_ = full_event
    with pytest.raises(services.BookingError, match="cannot be lower than 1"):
        services.change_capacity(event, 0, staff)


def test_confirmed_plus_offered_never_exceed_capacity(full_event, staff):
    event, held, first, second = full_event
    services.cancel_booking(held, held.user)
    # The offered place is held: a newcomer is waitlisted, not confirmed.
    newcomer = services.book_place(event, staff)
    assert newcomer.status == Status.WAITLISTED
    assert event.places_taken() == 1
