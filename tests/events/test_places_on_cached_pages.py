"""Places left are right on every view of a cached anonymous page, as soon as a booking
changes them, though the rest of the page still comes from the cache (cms.page_cache,
path 3: live figures)."""

import pytest

from events import services
from events.models import EventBooking

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(settings):
    settings.PAGE_CACHE_SECONDS = 60


def test_a_booking_shows_at_once_on_the_cached_event_page(client, event, alice, cached):
    assert client.get(event.url)["X-Page-Cache"] == "miss"
    assert "10 of 10 places left." in client.get(event.url).text
    services.book_place(event, alice)
    response = client.get(event.url)
    assert response["X-Page-Cache"] == "hit"
    assert "9 of 10 places left." in response.text
    services.cancel_booking(EventBooking.objects.get(user=alice), by=alice)
    assert "10 of 10 places left." in client.get(event.url).text


def test_a_booking_shows_at_once_on_the_cached_event_list(client, event, event_index, alice,
                                                          cached, make_event):
    full = make_event(capacity=1)
    client.get(event_index.url)
    services.book_place(event, alice)
    services.book_place(full, alice)
    response = client.get(event_index.url)
    assert response["X-Page-Cache"] == "hit"
    assert "9 of 10 left" in response.text
    assert "Full" in response.text


def test_a_cached_page_asks_for_places_left_only_after_a_booking_changes(
        client, event, alice, cached, django_assert_num_queries):
    client.get(event.url)
    client.get(event.url)
    # Nothing changed since the last fill: the page comes whole from this process's copy
    # (the test settings' cache is in memory, so the generations cost no query).
    with django_assert_num_queries(0):
        assert "10 of 10 places left." in client.get(event.url).text
    booking = services.book_place(event, alice)
    with django_assert_num_queries(1):  # the places, once
        assert "9 of 10 places left." in client.get(event.url).text
    with django_assert_num_queries(0):
        assert "9 of 10 places left." in client.get(event.url).text
    EventBooking.objects.filter(pk=booking.pk).get().delete()  # a delete in code counts too
    assert "10 of 10 places left." in client.get(event.url).text


def test_a_booking_made_by_another_process_shows_at_once(client, event, alice, cached):
    from django.core.cache import cache

    from cms.page_cache import LIVE_GENERATION_KEY

    client.get(event.url)
    assert "10 of 10 places left." in client.get(event.url).text
    # Another process books: its row is in the database and it moves the shared live
    # generation on; nothing in this process heard of it.
    EventBooking.objects.bulk_create([EventBooking(
        event=event, user=alice, status=EventBooking.Status.CONFIRMED,
        event_title=event.title, event_start=event.start, event_end=event.end)])
    assert "10 of 10 places left." in client.get(event.url).text  # not told yet
    cache.incr(LIVE_GENERATION_KEY)
    assert "9 of 10 places left." in client.get(event.url).text
