"""The URLs the OpenAPI document describes (cms.api.schema.ApiSchemaGenerator)."""

from cms.api.urls import v1_patterns as urlpatterns  # noqa: F401
