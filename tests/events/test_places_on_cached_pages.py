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
