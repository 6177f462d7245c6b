"""The CPD record's endpoint: a person's own entries (personal token)."""

from rest_framework import serializers

from cms.api.base import PersonalViewSet, filter_updated_since, with_updated_since
from cpd.models import CPDEntry


class CPDEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = CPDEntry
        fields = ["id", "kind", "title", "provider", "date", "hours", "what_learnt",
                  "impact_on_practice", "impact_on_people", "peer_reflection", "peer_role",
                  "standards", "created_at", "updated_at"]


@with_updated_since
class MyCPDEntryViewSet(PersonalViewSet):
    """Your CPD record, newest activity first."""
    serializer_class = CPDEntrySerializer

    def records(self):
        entries = CPDEntry.objects.filter(user=self.person).order_by("-date", "-pk")
        return filter_updated_since(entries, self.request, "updated_at")
