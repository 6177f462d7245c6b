"""cms.locking: the one way to take row locks. (That each lock matters is proved by the
concurrency tests on PostgreSQL, which turn cms.locking.ENABLED off.)"""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from cms import locking
from events import services
from events.models import EventBooking, EventPage
from tests.events.conftest import event, event_index, make_event, people, venue  # noqa: F401

pytestmark = pytest.mark.django_db
# ruff: noqa: F811 - the events fixtures, imported above, are parameters below


def test_it_returns_the_rows_re_read_in_the_order_given(event, alice):
    booking = services.book_place(event, alice)
    EventBooking.objects.filter(pk=booking.pk).update(status=EventBooking.Status.CANCELLED)
    with transaction.atomic():
        fresh_booking, fresh_event = locking.lock(booking, EventPage(pk=event.pk))
    assert fresh_booking.status == EventBooking.Status.CANCELLED  # read after locking
    assert fresh_event.pk == event.pk and fresh_event.title == event.title


def test_it_locks_a_row_before_the_rows_that_point_to_it(event, alice):
    """An event before its bookings, whatever order the caller names them in, so two rules
    locking the same rows can never wait on each other in a circle."""
    booking = services.book_place(event, alice)
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        locking.lock(booking, event)
    tables = [q["sql"].split(" FROM ")[1].split()[0].strip('"') for q in queries
              if q["sql"].startswith("SELECT")]
    assert tables.index("events_eventpage") < tables.index("events_eventbooking")


def test_lock_all_returns_every_row_in_primary_key_order(make_event, people):
    event = make_event(capacity=3)
    for person in people(3):
        services.book_place(event, person)
    with transaction.atomic():
        rows = locking.lock_all(EventBooking.objects.filter(event=event).order_by("-pk"),
                                limit=2)
    assert [r.pk for r in rows] == sorted(r.pk for r in rows) and len(rows) == 2
