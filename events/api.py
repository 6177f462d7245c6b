"""The events app's endpoints: upcoming events with places left (public) and a person's
own bookings (personal token)."""

from django.utils import timezone
from rest_framework import serializers

from cms.api.base import PersonalViewSet, PublicViewSet, filter_updated_since, with_updated_since
from cms.site_url import absolute_url
from events.listing import events_with_places
from events.models import EventBooking, EventPage


class EventSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    location = serializers.CharField()
    places_left = serializers.SerializerMethodField()

    class Meta:
        model = EventPage
        fields = ["id", "title", "url", "summary", "start", "end", "location", "is_online",
                  "audience", "capacity", "places_left", "waitlist_enabled", "booking_opens",
                  "booking_closes", "cpd_hours"]

    def get_url(self, page) -> str:
        return absolute_url(page.get_url(request=self.context["request"]._request) or "/")

    def get_places_left(self, page) -> int:
        return page.places_left()


class EventViewSet(PublicViewSet):
    """Upcoming events, soonest first, with the places left (the joining link of an online
    event is never shown here: only people with a place see it)."""
    serializer_class = EventSerializer

    def records(self):
        return events_with_places(
            EventPage.objects.live().public()
            .filter(end__gt=timezone.now(), cancelled_at__isnull=True)
        ).order_by("start", "pk")


class BookingSerializer(serializers.ModelSerializer):
    class Meta:
        model = EventBooking
        fields = ["reference", "event_id", "event_title", "event_start", "event_end",
                  "event_location", "status", "created_at", "updated_at"]


@with_updated_since
class MyBookingViewSet(PersonalViewSet):
    """Your event bookings, newest first."""
    serializer_class = BookingSerializer
    lookup_field = "reference"

    def records(self):
        bookings = EventBooking.objects.filter(user=self.person).order_by("-event_start", "-pk")
        return filter_updated_since(bookings, self.request, "updated_at")
