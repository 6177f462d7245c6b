"""A shared cache of the pages anonymous visitors see.

Anonymous page views are most of the traffic and are the same for everyone, so their HTML
is kept in the cache (Redis when several servers share it) for PAGE_CACHE_SECONDS. Anyone
with a session or a pending message skips it and gets a fresh page. Publishing, unpublishing,
moving or deleting a page, or changing a snippet, starts a new generation: every cached page
is dropped at once, so an edit shows up straight away.

Signed-in pages cannot be cached whole, but most of what they show is the same for everyone
until the next publish: the route from a URL to its page, the menu, the breadcrumbs, a
course's modules and facts. `shared_fragment` keeps those under the same generation, so
they are dropped by the same edits, plus any save or delete of a page, a site, a view
restriction or a snippet they are built from (see `invalidate_on_change`). They are kept
only where every process sees the same cache (SHARED_FRAGMENTS: Redis, or one process):
a per-process cache would not hear of a change made in another process.
"""

import pickle
import threading
import time

from asgiref.local import Local
from django.conf import settings
from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "page-cache:generation"
# A safety net only: a new generation drops every fragment at once.
FRAGMENT_SECONDS = 60 * 60
_MISSING = object()
SKIP_PREFIXES = ("/admin/", "/accounts/", "/learning/", "/bookings/", "/leadership/",
                 "/certificates/", "/calendar/", "/documents/", "/static/", "/media/")


# The generation read once per request (the middleware below marks where one begins and
# ends), so a page built from several fragments asks the cache for it once.
_request = Local()


def read_generation(key):
    """The current number of a cache generation: everything kept under an older number is
    dropped at once by `bump_generation`. Starts from the clock, not 1: after the cache is
    emptied, no process may take its old copies (_ProcessCopies) for the new generation's."""
    value = cache.get(key)
    if value is None:
        cache.add(key, time.time_ns() // 1000, timeout=None)
        value = cache.get(key, 1)
    return value


def bump_generation(key):
    """Move a generation on now and again when the transaction commits: a request in
    between could have cached what it read before the change."""
    def bump():
        if key == GENERATION_KEY:
            _request.generation = None
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, time.time_ns() // 1000, timeout=None)

    bump()
    transaction.on_commit(bump)


def generation():
    value = getattr(_request, "generation", None)
    if value is None:
        value = read_generation(GENERATION_KEY)
        if getattr(_request, "active", False):
            _request.generation = value
    return value


def invalidate_pages(*args, **kwargs):
    """Drop every cached page and shared fragment (by moving to a new generation)."""
    bump_generation(GENERATION_KEY)


def shared_fragment(name, build, timeout=FRAGMENT_SECONDS):
    """`build()`'s value, kept for everyone until the next change of the page tree.
    Only for things that are the same for every visitor; None is never kept."""
    if not settings.SHARED_FRAGMENTS:
        return build()
    current = generation()
    key = f"page-cache:{current}:fragment:{name}"
    pickled = _copies.get(current, key)
    if pickled is not None:
        return pickle.loads(pickled)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        if value is None:
            return None
        cache.set(key, value, timeout)
    _copies.keep(current, key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
    return value


class _ProcessCopies:
    """This process's copies of the shared fragments of the current generation. A
    fragment's key names its generation and a fragment never changes under its key, so a
    copy is right for as long as the shared cache says that generation is current (read
    once per request): one round trip to Redis a request instead of one per fragment.
    Kept pickled, so no two requests share (and might change) one object."""

    MAX_ENTRIES = 2000

    def __init__(self):
        self.generation, self.values, self.lock = None, {}, threading.Lock()

    def get(self, generation, key):
        return self.values.get(key) if generation == self.generation else None

    def keep(self, generation, key, pickled):
        with self.lock:
            if generation != self.generation or len(self.values) >= self.MAX_ENTRIES:
                self.generation, self.values = generation, {}
            self.values[key] = pickled


_copies = _ProcessCopies()


def invalidate_on_change(sender, **kwargs):
    """Receiver of post_save and post_delete: a change to a page (draft saves, moves and
    deletes made in code included), a site, a view restriction, or a model listed in
    FRAGMENT_SOURCES drops the cached pages and fragments."""
    from wagtail.models import Page, PageViewRestriction, Site

    if issubclass(sender, (Page, Site, PageViewRestriction)) or (
        f"{sender._meta.app_label}.{sender.__name__}" in FRAGMENT_SOURCES
    ):
        invalidate_pages()


# Snippets that shared fragments show (course facts); the admin's snippet hooks cover
# edits there, these cover changes made in code.
FRAGMENT_SOURCES = {"courses.Programme", "courses.Competency", "courses.CompetencyFramework"}


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
        _request.active, _request.generation = True, None
        try:
            return self._respond(request)
        finally:
            _request.active, _request.generation = False, None

    def _respond(self, request):
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


def route_from_cache(request, path):
    """Give Wagtail's serve view the site and page for this URL from the shared cache.
    Wagtail otherwise walks the tree one query per level. It reads both from the request
    (`_wagtail_site`, `_wagtail_route_for_request`) when they are there."""
    from wagtail.models import Page, Site

    def build():
        route = Page.route_for_request(request, path)
        return None if route is None else (Site.find_for_request(request), route)

    host = request._get_raw_host()
    found = shared_fragment(f"route:{host}:{request.get_port()}:{path}", build)
    if found is not None and not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_site, request._wagtail_route_for_request = found


class ViewRestrictionsFromCacheMixin:
    """For page models: most pages have no view restriction on them or their ancestors, and
    Wagtail asks the database that (two queries) on every view. The answer is kept in the
    shared cache; pages that do have restrictions still get them from the database."""

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if not settings.SHARED_FRAGMENTS or self.pk is None:
            return super().get_view_restrictions()
        restricted = shared_fragment(f"restricted:{self.pk}",
                                     lambda: super(ViewRestrictionsFromCacheMixin, self)
                                     .get_view_restrictions().exists())
        if restricted is False:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
