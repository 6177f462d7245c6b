"""The REST API's machinery, in the kernel: tokens (cms.models.api), their authentication,
rate limits, request log, pagination, the `updated_since` filter, and the router every app
adds its own endpoints to through the `register_api_routes` hook (cms.api.registry).

Each feature app keeps its serializers and viewsets in its own `api.py` and registers them
in its `wagtail_hooks.py`; the kernel imports none of them."""
