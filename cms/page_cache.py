"""What is the same for every visitor is built once and kept; a person's own state is
read when it changes and kept for them until it changes again.

What is kept:

- **Anonymous pages**, whole (AnonymousPageCacheMiddleware), for PAGE_CACHE_SECONDS. Anyone
  with a session or a pending message skips them and gets a fresh page.
- **Shared fragments** of signed-in pages (`shared_fragment`, `shared_object`): the route
  from a URL to its page, the site, the menu, breadcrumbs, a course's modules and facts,
  whether a page has a view restriction, the footer.
- **Live fragments** (`live_fragment`): what every visitor sees alike but that shows live
  figures (the mentor directory's open slots), in each process only.
- **Each person's roles** (cms.roles): their group names and permissions.
- **The signed-in person** (`kept_user`) and **their own part of pages**
  (`personal_fragment`, `people_fragment`, `{% personal %}`), in each process only.

Where they are kept: in each process (`_ProcessCopies`), and in the shared cache (Redis, or
the database cache table without Redis) so that a new process starts warm. A process copy
is trusted only while its *generation* is current: a number in the shared cache that every
request reads once (one Redis GET, or one primary-key read of the cache table, for both
generations at once). A change in any process moves the number on, so every process drops
its copies on its next request. No setting is needed: this is safe with one process or many,
with Redis or without.

One invalidation path per kind of change (each has a test in tests/cms/test_page_cache.py):

1. **Content** (pages, sites, view restrictions, the snippets course facts are built from,
   teams, who manages them and who belongs to them):
   `invalidate_pages`, a new content generation. It is connected to Wagtail's publish,
   unpublish and move signals, to every save or delete of those models (`invalidate_on_change`,
   so changes made in code count too), to a person joining or leaving a team or becoming
   (in)active (`invalidate_on_membership_change`) and to the admin's snippet hooks
   (cms.wagtail_hooks).
2. **Roles** (a group's permissions, a person's groups or own permissions): a new roles
   generation (cms.roles.forget_all_roles). A person's active and superuser flags are part
   of their roles key, so saving a person needs nothing.
3. **Live figures** (places left on an event, a mentor's open slots): a template marks them with
   `{% live "name" id %}...{% endlive %}` (cms_tags), and a page served from the cache has
   them filled in afresh from the app's registered `register_live_figure` function (one
   query per kind of figure). The filled page is kept in each process only until what
   the figures count changes: the app calls `live_figures_changed` (a new live
   generation) on every save or delete of those records (events: every booking;
   secondments: every mentor, slot and mentoring booking, which `live_fragment` is kept
   under).
4. **A person's own records** (their enrolments, completions, assignments, certificates,
   CPD entries): each person has a generation of their own, read in the same round trip as
   the others once the request knows who is signed in. An app lists the models that hold
   people's records with `register_personal_records(model, people)`, and every save or
   delete of one moves on the generation of each person it belongs to
   (`people_changed`), and the generation of the team they belong to (`team_key`).
   `personal_fragment` keeps HTML a person sees of their own state (a course page's
   progress and outline, My learning) in this process only, under that generation, the
   content and roles generations and today's date; `people_fragment` does the same for a
   page about several people, under each one's generation, or about a team's members (its
   matrix), under the team's. The signed-in person is kept under their generation too
   (`kept_user`): saving them (a new password, deactivation) loads and checks them
   afresh. Nothing personal is written to the shared cache. A bulk `update()` sends no
   signal: call `people_changed` after one.

Everything else a page shows that changes with time alone (an event passing, a mentoring
slot starting) is dropped by PAGE_CACHE_SECONDS (pages, live fragments) or by the date in a
personal fragment's key (overdue, days left to renew).
"""

import copy
import pickle
import re
import threading
import time
from collections import OrderedDict

from asgiref.local import Local
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete
from django.http import HttpResponse
from django.utils import timezone

GENERATION_KEY = "page-cache:generation"
ROLES_GENERATION_KEY = "roles:generation"
LIVE_GENERATION_KEY = "page-cache:live-generation"
GENERATION_KEYS = (GENERATION_KEY, ROLES_GENERATION_KEY, LIVE_GENERATION_KEY)
# A safety net only: a new generation drops every fragment at once.
FRAGMENT_SECONDS = 60 * 60
_MISSING = object()
HEALTH_PATH = "/healthz"
# Requests this middleware leaves alone: the health check, which must answer for itself,
# and the benchmark's ceiling, which measures Django without the platform's own work.
BYPASS_PATHS = (HEALTH_PATH, "/bench/ceiling")
SKIP_PREFIXES = ("/admin/", "/accounts/", "/learning/", "/bookings/", "/leadership/",
                 "/certificates/", "/calendar/", "/documents/", "/static/", "/media/")


# The generations are read once per request (the middleware below marks where a request
# begins and ends), so a page built from several fragments asks the shared cache once.
_request = Local()


def _new_generation():
    # From the clock, not 1: after the shared cache is emptied (a restarted Redis), no
    # process may take its old copies for the new generation's.
    return time.time_ns() // 1000


def person_key(user_id):
    """The key of a person's own generation (path 4)."""
    return f"page-cache:person:{user_id}"


def _load_signed_in_person():
    """Load the person signed in on this request (if it has a session) before the first
    read of the generations: loading them (`kept_user`) reads their own generation with
    all the others, so a signed-in page makes one round trip."""
    request = getattr(_request, "http_request", None)
    if request is not None and not getattr(_request, "reading", False):
        request.user.is_authenticated  # noqa: B018 (evaluates the lazy person)


def _read_generations(keys):
    values = cache.get_many(keys)
    for key in keys:
        if values.get(key) is None:
            cache.add(key, _new_generation(), timeout=None)
            values[key] = cache.get(key, 1)
    return values


def generations(*keys):
    """The current numbers of these generations: read from the shared cache in one round
    trip, the first time each is asked for in a request (the first read also takes the
    global generations and the signed-in person's)."""
    values = getattr(_request, "generations", None)
    if values is None:
        _load_signed_in_person()
        values = getattr(_request, "generations", None)
    if values is None:
        values = _read_generations(sorted(set(keys) | set(GENERATION_KEYS)))
        if getattr(_request, "active", False):
            _request.generations = values
    missing = [key for key in keys if key not in values]
    if missing:
        values.update(_read_generations(missing))
    return [values[key] for key in keys]


def generation(key=GENERATION_KEY):
    """The current number of one generation (see `generations`)."""
    return generations(key)[0]


def bump_generation(key):
    """Move a generation on now and again when the transaction commits: a request in
    between could have kept what it read before the change."""
    def bump():
        values = getattr(_request, "generations", None)
        if values is not None:
            values.pop(key, None)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, _new_generation(), timeout=None)

    bump()
    transaction.on_commit(bump)


def team_key(team_id):
    """The key of a team's generation: any change of its members' records (path 4)."""
    return f"page-cache:team:{team_id}"


def people_changed(*user_ids):
    """Path 4: these people's own records changed: every process drops the personal
    fragments it keeps for them, and for the teams they belong to."""
    from cms.models import User

    user_ids = sorted({pk for pk in user_ids if pk is not None})
    if not user_ids:
        return
    teams = (User.objects.filter(pk__in=user_ids, team__isnull=False).order_by()
             .values_list("team_id", flat=True).distinct())
    for key in [person_key(pk) for pk in user_ids] + [team_key(pk) for pk in sorted(teams)]:
        bump_generation(key)


def invalidate_pages(*args, **kwargs):
    """Path 1: drop every cached page and shared fragment (a new content generation)."""
    bump_generation(GENERATION_KEY)


def live_figures_changed(*args, **kwargs):
    """Path 3: what a live figure counts has changed (a booking made, cancelled or moved
    on): every process fills its cached pages' live figures afresh."""
    bump_generation(LIVE_GENERATION_KEY)


class _ProcessCopies:
    """This process's copies of what the shared cache holds under the current generation.
    A key names its generation and nothing changes under its key, so a copy is right while
    that generation is current (and, for pages, until it expires)."""

    def __init__(self, max_entries):
        self.max_entries = max_entries
        self.generation, self.values, self.lock = None, {}, threading.Lock()

    def get(self, generation, key):
        if generation != self.generation:
            return None
        found = self.values.get(key)
        if found is None or (found[0] and found[0] < time.monotonic()):
            return None
        return found[1]

    def keep(self, generation, key, value, timeout=None):
        expires = time.monotonic() + timeout if timeout else 0
        with self.lock:
            if generation != self.generation or len(self.values) >= self.max_entries:
                self.generation, self.values = generation, {}
            self.values[key] = (expires, value)


_fragments = _ProcessCopies(max_entries=5000)
_pages = _ProcessCopies(max_entries=500)  # whole pages are large: ~30 KB each
_filled_pages = _ProcessCopies(max_entries=500)  # the same, live figures filled in
_objects = _ProcessCopies(max_entries=5000)  # shared_object
roles_copies = _ProcessCopies(max_entries=20000)


def kept(copies, generation_key, key, build, timeout):
    """`build()`'s value under `key` for the current generation: this process's copy, else
    the shared cache's, else built (and kept in both). None is never kept."""
    current = generation(generation_key)
    key = f"{current}:{key}"
    value = copies.get(current, key)
    if value is not None:
        return value
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        if value is None:
            return None
        cache.set(key, value, timeout)
    copies.keep(current, key, value)
    return value


def shared_fragment(name, build, timeout=FRAGMENT_SECONDS):
    """`build()`'s value, kept for everyone until the next change of content (path 1).
    Only for things that are the same for every visitor; None is never kept. Each caller
    gets its own copy (kept pickled), so no two requests share, and might change, one
    object; a string (HTML) is shared as it is."""
    pickled = kept(_fragments, GENERATION_KEY, f"page-cache:fragment:{name}",
                   lambda: _pickled(build()), timeout)
    if pickled is None or isinstance(pickled, str):
        return pickled  # HTML: a string cannot be changed, so every caller can share it
    return pickle.loads(pickled)


def shared_object(name, build, copier, timeout=FRAGMENT_SECONDS):
    """Like `shared_fragment`, for objects dear to unpickle (a page with a StreamField):
    this process keeps one, and each caller gets `copier(kept)`, a copy of its own that
    shares what no request changes."""
    current = generation()
    key = f"{current}:object:{name}"
    found = _objects.get(current, key)
    if found is None:
        found = shared_fragment(name, build, timeout)
        if found is None:
            return None
        _objects.keep(current, key, found)
    return copier(found)


def _pickled(value):
    if value is None or isinstance(value, str):
        return value
    return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


def invalidate_on_change(sender, **kwargs):
    """Receiver of post_save and post_delete: a change to a page (draft saves, moves and
    deletes made in code included), a site, a view restriction, or a model listed in
    FRAGMENT_SOURCES drops the cached pages and fragments."""
    from wagtail.models import Page, PageViewRestriction, Site

    if issubclass(sender, (Page, Site, PageViewRestriction)) or (
        f"{sender._meta.app_label}.{sender.__name__}" in FRAGMENT_SOURCES
    ):
        invalidate_pages()


def invalidate_on_membership_change(sender, instance, created=False, update_fields=None,
                                    **kwargs):
    """Receiver of a person's post_save and post_delete: joining or leaving a team, or
    becoming active or inactive in one, changes who the team's matrix lists (path 1). A
    save that cannot tell what it changed counts as a change."""
    if update_fields is not None and not {"team", "team_id", "is_active"} & set(update_fields):
        return
    loaded = getattr(instance, "_loaded_membership", None)
    now = None if kwargs.get("signal") is post_delete else instance.membership
    if created:
        changed = instance.team_id is not None
    elif now is None and loaded is not None:
        changed = loaded[0] is not None  # deleted, or the fields were not read
    else:
        changed = loaded is None or loaded != now
    instance._loaded_membership = now
    if changed:
        invalidate_pages()


# Snippets that shared fragments show (course facts), and teams (a team's name and who
# manages it, on the team matrix); the admin's snippet hooks cover edits there, these cover
# changes made in code. cms.apps connects the teams' managers too.
FRAGMENT_SOURCES = {"courses.Programme", "courses.Competency", "courses.CompetencyFramework",
                    "cms.Team"}


# --- live figures (path 3) -----------------------------------------------------------------

_live_figures = {}
LIVE = re.compile(rb"<!--live:([\w.-]+):([\w-]+)-->.*?<!--/live-->", re.DOTALL)


def register_live_figure(name, render):
    """`render(ids)` returns {id: HTML} for the figure `name` of each id (strings), from
    one query: what `{% live name id %}` shows now. Apps call this from AppConfig.ready."""
    _live_figures[name] = render


def live_marker(name, key, html):
    return f"<!--live:{name}:{key}-->{html}<!--/live-->"


def fill_live_figures(content):
    """The page with each marked live figure as it is now."""
    found = LIVE.findall(content)
    if not found:
        return content
    wanted = {}
    for name, key in found:
        wanted.setdefault(name.decode(), set()).add(key.decode())
    current = {name: _live_figures[name](sorted(keys)) if name in _live_figures else {}
               for name, keys in wanted.items()}

    def replace(match):
        name, key = match.group(1).decode(), match.group(2).decode()
        html = current[name].get(key)
        if html is None:
            return match.group(0)
        return live_marker(name, key, html).encode()

    return LIVE.sub(replace, content)


# --- a person's own records (path 4) ------------------------------------------------------

# A safety net only: a person's generation moves on with every change to their records.
PERSONAL_SECONDS = 30 * 60


class _KeptForPeople:
    """This process's personal fragments, the least recently used dropped first. Each key
    names every generation its value was built under, so an entry is never wrong, only
    unused once a generation moves on."""

    def __init__(self, max_entries):
        self.max_entries = max_entries
        self.values, self.lock = OrderedDict(), threading.Lock()

    def get(self, key):
        found = self.values.get(key)
        if found is None or found[0] < time.monotonic():
            return None
        with self.lock:
            if key in self.values:
                self.values.move_to_end(key)
        return found[1]

    def keep(self, key, value, timeout):
        with self.lock:
            self.values[key] = (time.monotonic() + timeout, value)
            self.values.move_to_end(key)
            while len(self.values) > self.max_entries:
                self.values.popitem(last=False)

    def clear(self):
        with self.lock:
            self.values.clear()


# Personal fragments (path 4) and live fragments (path 3), in this process only.
_kept = _KeptForPeople(max_entries=4000)


def _personal_key(name, user_ids, team_ids=()):
    keys = [person_key(pk) for pk in user_ids] + [team_key(pk) for pk in team_ids]
    current = generations(GENERATION_KEY, ROLES_GENERATION_KEY, *keys)
    return (name, timezone.localdate().isoformat(), *current, *user_ids, "teams", *team_ids)


def personal_fragment(user, name, build, timeout=PERSONAL_SECONDS):
    """`build()`'s value (a string of HTML) for this person, kept in this process until
    their records, the content, the roles or the date change. `name` must say everything
    else the value depends on (the page, a query's parameters)."""
    return people_fragment([user.pk], name, build, timeout)


def people_fragment(user_ids, name, build, timeout=PERSONAL_SECONDS, teams=()):
    """`build()`'s value for a page about these people and the members of these teams (a
    team's matrix: its viewer and managers, and the team), kept in this process until any
    one's records change, or the content (which counts who belongs to a team), the roles
    or the date. A team is one generation however many members it has."""
    return _kept_value(_personal_key(name, tuple(user_ids), tuple(teams)), build, timeout)


def live_fragment(name, build, timeout):
    """`build()`'s value (HTML every visitor sees alike, showing live figures such as a
    mentor's open slots), kept in this process until the content or the live figures
    change (paths 1 and 3), or for `timeout` seconds: what changes with time alone (a
    slot starting) is right again after it."""
    content, live = generations(GENERATION_KEY, LIVE_GENERATION_KEY)
    return _kept_value(("live", name, content, live), build, timeout)


def _kept_value(key, build, timeout):
    value = _kept.get(key)
    if value is None:
        value = build()
        if value is not None:
            _kept.keep(key, value, timeout)
    return value


# --- the signed-in person ------------------------------------------------------------------

USER_SECONDS = 5 * 60  # a safety net: every save or delete of a person moves their generation


def kept_user(request, load):
    """The person signed in on this request: `load()` (Django's own `get_user`, which checks
    the session's password hash and that the person may sign in) the first time, then a
    copy kept in this process under their generation and the session's own keys. Saving or
    deleting the person (a new password, deactivation, new details) moves their generation
    on (cms.apps), so the next request loads and checks them afresh."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    session = request.session
    user_id = session.get(SESSION_KEY)
    if user_id is None:
        return load()
    _request.reading = True  # the person's generation is read here, with the others
    try:
        person = generations(person_key(user_id))[0]
    finally:
        _request.reading = False
    key = ("user", str(user_id), session.get(BACKEND_SESSION_KEY),
           session.get(HASH_SESSION_KEY), person)
    pickled = _kept.get(key)
    if pickled is not None:
        return pickle.loads(pickled)
    user = load()
    if user.is_authenticated:
        _kept.keep(key, pickle.dumps(user, pickle.HIGHEST_PROTOCOL), USER_SECONDS)
    return user


_personal_records = {}


def register_personal_records(model, people):
    """Every save or delete of `model` moves on the generation of each person
    `people(instance)` names (an iterable of user ids): the records a personal fragment
    shows. Apps call this from AppConfig.ready for every model their fragments read."""
    from django.db.models.signals import post_save

    def changed(sender, instance, **kwargs):
        people_changed(*people(instance))

    _personal_records[model] = changed  # the receivers are weak references: keep them
    for signal in (post_save, post_delete):
        signal.connect(changed, sender=model, weak=False,
                       dispatch_uid=f"page_cache.personal.{model._meta.label}.{signal is post_save}")


# --- anonymous pages -----------------------------------------------------------------------

def _cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.path.startswith(SKIP_PREFIXES)
    )


def _stored(response):
    """What is kept of a page: its status, headers and body (a tuple pickles in a fraction
    of the time of an HttpResponse, and one is built afresh for every hit)."""
    return (response.status_code, list(response.items()), response.content)


def _filled(key, content):
    """The page with its live figures as they are now: filled once per live generation in
    each process (key names the page and its content generation)."""
    if b"<!--live:" not in content:
        return content
    live = generation(LIVE_GENERATION_KEY)
    filled = _filled_pages.get(live, key)
    if filled is None:
        filled = fill_live_figures(content)
        _filled_pages.keep(live, key, filled, settings.PAGE_CACHE_SECONDS)
    return filled


def _response(key, stored):
    status, headers, content = stored
    response = HttpResponse(_filled(key, content), status=status)
    for name, value in headers:
        response[name] = value
    return response


class AnonymousPageCacheMiddleware:
    """Anonymous pages whole, one key per page: a hit costs the generations' read (one
    round trip) and, the first time in each process, the page's read from the shared
    cache; then it is served from this process's copy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info in BYPASS_PATHS:
            # The health check must answer for itself: it reports a cache or database
            # outage, so nothing here may read either before it runs.
            return self.get_response(request)
        _request.active, _request.generations = True, None
        # Who is signed in is known only from the session: without its cookie, nobody.
        _request.http_request = (request if settings.SESSION_COOKIE_NAME in request.COOKIES
                                 else None)
        try:
            return self._respond(request)
        finally:
            _request.active, _request.generations, _request.http_request = False, None, None

    def _respond(self, request):
        if not _cacheable_request(request):
            return self.get_response(_with_site_root_paths(request))
        current = generation()
        key = f"{current}:page-cache:page:{request.get_host()}:{request.get_full_path()}"
        stored = _pages.get(current, key)
        if stored is None:
            stored = cache.get(key)
            if stored is not None:
                _pages.keep(current, key, stored, settings.PAGE_CACHE_SECONDS)
        if stored is not None:
            response = _response(key, stored)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(_with_site_root_paths(request))
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and response.get("Content-Type", "").startswith("text/html")
            and not getattr(request, "_page_cache_skip", False)
        ):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            stored = _stored(response)
            cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
            _pages.keep(current, key, stored, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response


# --- routing -------------------------------------------------------------------------------

def _with_site_root_paths(request):
    """Every page link ({% pageurl %}) needs the sites' root paths; Wagtail reads them from
    the cache (a query with the database cache) once per request unless the request has
    them. They are a shared fragment here: Site and page changes are path 1."""
    from wagtail.models import Site

    request._wagtail_cached_site_root_paths = shared_fragment(
        "site-root-paths", Site.get_site_root_paths)
    return request

def route_from_cache(request, path):
    """Give Wagtail's serve view the site and page for this URL from the shared fragments.
    Wagtail otherwise walks the tree one query per level. It reads both from the request
    (`_wagtail_site`, `_wagtail_route_for_request`) when they are there."""
    from wagtail.models import Page, Site

    def build():
        route = Page.route_for_request(request, path)
        return None if route is None else (Site.find_for_request(request), route)

    host = request._get_raw_host()
    found = shared_object(f"route:{host}:{request.get_port()}:{path}", build, _copy_route)
    if found is not None and not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_site, request._wagtail_route_for_request = found


def _copy_route(found):
    """A request's own site and page (Wagtail sets attributes on both while serving); the
    page's field values, its parsed StreamField included, are shared."""
    site, (page, args, kwargs) = found
    return copy.copy(site), (copy.copy(page), list(args), dict(kwargs))


class ViewRestrictionsFromCacheMixin:
    """For page models: most pages have no view restriction on them or their ancestors, and
    Wagtail asks the database that (two queries) on every view. The answer is kept as a
    shared fragment; pages that do have restrictions still get them from the database."""

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if self.pk is None:
            return super().get_view_restrictions()
        restricted = shared_fragment(f"restricted:{self.pk}",
                                     lambda: super(ViewRestrictionsFromCacheMixin, self)
                                     .get_view_restrictions().exists())
        if restricted is False:
            # Already evaluated (to nothing): iterating it, as Wagtail's serve hook does on
            # every view, compiles no query. Chained calls (the admin's order_by) still work.
            none = PageViewRestriction.objects.none()
            none._result_cache = []
            return none
        return super().get_view_restrictions()
