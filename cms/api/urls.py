"""/api/v1/ (every app's endpoints, from the `register_api_routes` hook), the OpenAPI
document at /api/schema/ and its docs page at /api/docs/ (Swagger UI, served from our own
static files: no CDN, and no inline script, so the site's CSP holds)."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from cms.api.registry import api_routes


def _router():
    router = SimpleRouter()
    for route in api_routes():
        router.register(route.prefix, route.viewset, basename=route.basename)
    return router


v1_patterns = [path("api/v1/", include(_router().urls))]

urlpatterns = [
    path("v1/", include(_router().urls)),
    # The document describes /api/v1/ only (cms.api.schema), not Wagtail's admin API.
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api_schema"), name="api_docs"),
]
