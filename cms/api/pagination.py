from rest_framework.pagination import PageNumberPagination


class ApiPagination(PageNumberPagination):
    """Pages of 50 by default, at most 200 (`page_size`)."""
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_paginated_response_schema(self, schema):
        """DRF's own says `nullable`, which OpenAPI 3.1 (JSON Schema) no longer has."""
        described = super().get_paginated_response_schema(schema)
        for link in ("next", "previous"):
            field = described["properties"][link]
            field.pop("nullable", None)
            field["type"] = ["string", "null"]
        return described
