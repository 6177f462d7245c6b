from drf_spectacular.generators import SchemaGenerator


class ApiSchemaGenerator(SchemaGenerator):
    """The OpenAPI document (and drf-spectacular's deploy check) describe /api/v1/ only,
    never the Wagtail admin's own internal API."""

    def __init__(self, *args, urlconf=None, **kwargs):
        super().__init__(*args, urlconf=urlconf or "cms.api.schema_urls", **kwargs)
