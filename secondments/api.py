"""The secondments app's endpoint: open secondment opportunities (public)."""

from django.utils import timezone
from rest_framework import serializers

from cms.api.base import PublicViewSet
from cms.site_url import absolute_url
from secondments.models import SecondmentOpportunityPage


class OpportunitySerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    places_left = serializers.IntegerField()

    class Meta:
        model = SecondmentOpportunityPage
        fields = ["id", "title", "url", "host_service", "summary", "start_date", "end_date",
                  "places", "places_left", "application_deadline", "location",
                  "time_commitment"]

    def get_url(self, page) -> str:
        return absolute_url(page.get_url(request=self.context["request"]._request) or "/")


class OpportunityViewSet(PublicViewSet):
    """Secondment opportunities still taking applications, closing soonest first."""
    serializer_class = OpportunitySerializer

    def records(self):
        return (SecondmentOpportunityPage.objects.live().public().with_places_taken()
                .filter(application_deadline__gte=timezone.localdate())
                .order_by("application_deadline", "pk"))
