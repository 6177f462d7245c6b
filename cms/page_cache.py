"""A shared cache of the pages anonymous visitors see.

Anonymous page views are most of the traffic and are the same for everyone, so their HTML
is kept in the cache (Redis when several servers share it) for PAGE_CACHE_SECONDS. Anyone
with a session or a pending message skips it and gets a fresh page. Publishing, unpublishing,
moving or deleting a page, or changing a snippet, starts a new generation: every cached page
is dropped at once, so an edit shows up straight away.
"""

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "page-cache:generation"
SKIP_PREFIXES = ("/admin/", "/accounts/", "/learning/", "/bookings/", "/leadership/",
                 "/certificates/", "/calendar/", "/documents/", "/static/", "/media/")


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def invalidate_pages(*args, **kwargs):
    """Drop every cached page (by moving to a new generation)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def _cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.path.startswith(SKIP_PREFIXES)
    )


def _key(request):
    return f"page-cache:{generation()}:{request.get_host()}:{request.get_full_path()}"


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and response.get("Content-Type", "").startswith("text/html")
            and not getattr(request, "_page_cache_skip", False)
        ):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
