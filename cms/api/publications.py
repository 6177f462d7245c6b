"""The kernel's own endpoint: publications (live pages anyone may read)."""

from rest_framework import serializers

from cms.api.base import PublicViewSet, filter_updated_since
from cms.models import PublicationPage
from cms.site_url import absolute_url


class PublicationSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    document_url = serializers.SerializerMethodField()
    updated_at = serializers.DateTimeField(source="last_published_at", allow_null=True)

    class Meta:
        model = PublicationPage
        fields = ["id", "title", "url", "kind", "summary", "published_on", "document_url",
                  "updated_at"]

    def get_url(self, page) -> str:
        return absolute_url(page.get_url(request=self.context["request"]._request) or "/")

    def get_document_url(self, page) -> str | None:
        return absolute_url(page.document.url) if page.document else None


class PublicationViewSet(PublicViewSet):
    """Guides, reports, toolkits and briefings the Centre has published."""
    serializer_class = PublicationSerializer

    def records(self):
        pages = (PublicationPage.objects.live().public().select_related("document")
                 .order_by("-published_on", "pk"))
        return filter_updated_since(pages, self.request, "last_published_at")
