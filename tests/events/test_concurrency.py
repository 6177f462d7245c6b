"""50 people press "Book" at the same moment for 10 places (PostgreSQL, real threads).

The second test is the documented "lock removed" check, as pretix keeps one: with the
event row no longer locked, the very same race oversells the event. If it ever stops
overselling, this test no longer proves that the lock is what protects capacity.
"""

import threading
import time

import pytest
from django.db import connection

from cms import locking
from events import services
from events.models import EventBooking, EventPage
from tests import factories

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

Status = EventBooking.Status


def _race(event, users):
    barrier = threading.Barrier(len(users))
    errors = []

    def book(user):
        try:
            barrier.wait()
            services.book_place(event, user)
        except Exception as exc:  # noqa: BLE001 - any error fails the test below
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.fixture
def racers(host):
    return [factories.practitioner(email=f"racer{i}@example.org") for i in range(50)]


def test_fifty_simultaneous_bookings_fill_ten_places_exactly(make_event, racers):
    event = make_event(capacity=10)
    errors = _race(event, racers)
    assert errors == []
    bookings = list(EventBooking.objects.filter(event=event).order_by("pk"))
    confirmed = [b for b in bookings if b.status == Status.CONFIRMED]
    waiting = [b for b in bookings if b.status == Status.WAITLISTED]
    assert len(confirmed) == 10
    assert len(waiting) == 40
    # Rows are inserted while the event row is locked, so pk order is commit order: the
    # ten who got the lock first hold the places, the rest queue in the order they came.
    assert max(b.pk for b in confirmed) < min(b.pk for b in waiting)
    positions = [
        b.waitlist_position
        for b in EventBooking.objects.filter(event=event, status=Status.WAITLISTED)
        .with_waitlist_position().order_by("pk")
    ]
    assert positions == list(range(1, 41))
    created = [b.created_at for b in waiting]
    assert created == sorted(created)


def test_without_the_row_lock_the_same_race_oversells(make_event, racers, monkeypatch):
    """Documented check: turn the lock off and the invariant breaks."""
    event = make_event(capacity=10)
    monkeypatch.setattr(locking, "ENABLED", False)
    count = EventPage.places_taken

    def slow_count(event):
        # Widen the gap between counting and inserting, as a busy server would.
        held = count(event)
        time.sleep(0.05)
        return held

    monkeypatch.setattr(EventPage, "places_taken", slow_count)
    _race(event, racers)
    confirmed = EventBooking.objects.filter(event=event, status=Status.CONFIRMED).count()
    assert confirmed > 10, "without the lock the event should have been oversold"
