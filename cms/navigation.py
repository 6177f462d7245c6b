"""What the navigation offers each person. Public sections come from the page tree
(pages marked "show in menus"); personal links come from what the person's roles allow."""

import functools
from types import MappingProxyType

from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

from cms import roles
from cms.page_cache import shared_fragment


def site_for(request):
    """The Wagtail site serving this request, from the shared cache (Wagtail's own lookup
    is a query on every request that is not a page)."""
    from wagtail.models import Site

    if not hasattr(request, "_wagtail_site"):
        host = request._get_raw_host()
        # "No site for this host" is kept too (as False: None is never kept), or every
        # view on such a host would ask again.
        request._wagtail_site = shared_fragment(
            f"site:{host}:{request.get_port()}",
            lambda: Site.find_for_request(request) or False) or None
    return request._wagtail_site


def sections_for(request):
    """The menu: the site's top-level pages marked "show in menus", each marked current
    when the request is for it or a page below it."""
    site = site_for(request)
    if site is None:
        return []

    def build():
        pages = site.root_page.get_children().live().public().in_menu()
        return [{"title": page.title, "url": page.get_url(request=request)} for page in pages]

    return [
        {**section, "current": bool(section["url"]) and section["url"] != "/"
         and request.path.startswith(section["url"])}
        for section in shared_fragment(f"menu:{site.pk}", build)
    ]


def breadcrumbs_for(page, request):
    """The page's ancestors below the tree's root, as links."""
    site = site_for(request)

    def build():
        return [{"title": ancestor.title, "url": ancestor.get_url(request=request)}
                for ancestor in page.get_ancestors() if ancestor.depth > 1]

    return shared_fragment(f"breadcrumbs:{site.pk if site else ''}:{page.pk}", build)


def _link(label, url_name, primary=False):
    try:
        return {"label": label, "url": reverse(url_name), "primary": primary}
    except NoReverseMatch:
        # The app that serves this link is not installed in this build.
        return None


def personal_links(user):
    """The person's own pages. The few marked primary stay in the header's compact row at
    every width; the rest sit behind the Menu button on a phone. They follow from the
    person's roles alone, so each set of roles' links is worked out once per process."""
    if not user.is_authenticated:
        return []
    staff = roles.is_centre_staff(user)
    leader = roles.is_visiting_leader(user)
    flags = (roles.is_team_manager(user) or staff, leader, leader or staff,
             roles.is_mentor(user), roles.can_access_admin(user))
    return _links_for(flags, get_script_prefix(), get_urlconf())


@functools.lru_cache(maxsize=64)
def _links_for(flags, _script_prefix, _urlconf):
    manages, leads, sees_mentors, mentors, admin = flags
    links = [
        _link("Home", "personal_home", primary=True),
        _link("My learning", "courses:my_learning", primary=True),
        _link("My bookings", "events:my_bookings", primary=True),
        _link("CPD record", "cpd:record"),
    ]
    if manages:
        links.append(_link("Team training", "courses:team_matrix"))
    if leads:
        links.append(_link("My development", "secondments:development"))
    if sees_mentors:
        links.append(_link("Mentors", "secondments:mentor_directory"))
    if mentors:
        links.append(_link("My mentoring", "secondments:mentor_dashboard"))
    links.append(_link("Profile", "profile"))
    if admin:
        links.append({"label": "Admin", "url": "/admin/", "primary": False})
    # A tuple of read-only rows: every request of these roles shares it.
    return tuple(MappingProxyType(link) for link in links if link)
