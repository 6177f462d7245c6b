"""What signed-in pages share (routes, menu, breadcrumbs, view restrictions, roles) comes
from the cache, and every change to what it was built from shows on the next request."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms import roles
from cms.models import ContentPage

pytestmark = pytest.mark.django_db


COURSE = "/courses/family-group-conferences/"


def test_the_route_menu_and_course_facts_come_from_the_cache(client, demo_content, alice):
    client.force_login(alice)
    client.get(COURSE)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(COURSE).status_code == 200
    page_queries = [q["sql"] for q in queries.captured_queries
                    if "wagtailcore_page" in q["sql"] or "wagtailcore_site" in q["sql"]]
    assert page_queries == []


def test_a_new_slug_moves_the_page_at_once(client, demo_content, alice):
    client.force_login(alice)
    assert client.get("/about/").status_code == 200
    page = ContentPage.objects.get(slug="about")
    page.slug = "about-us"
    page.save_revision().publish()
    assert client.get("/about/").status_code == 404
    assert client.get("/about-us/").status_code == 200


def _between(html, start, end):
    return html.split(start, 1)[1].split(end, 1)[0]


def test_a_published_title_shows_in_the_menu_and_breadcrumbs_at_once(client, demo_content,
                                                                      alice):
    from courses.models import CourseIndexPage

    client.force_login(alice)
    html = client.get(COURSE).content.decode()
    catalogue = CourseIndexPage.objects.get()
    assert catalogue.title in _between(html, 'class="breadcrumbs', "</nav>")
    catalogue.title = "Learning offer"
    catalogue.save_revision().publish()
    html = client.get(COURSE).content.decode()
    assert "Learning offer" in _between(html, 'class="breadcrumbs', "</nav>")
    assert "Learning offer" in _between(html, 'aria-label="Main"', "</ul>")


def test_an_unpublished_section_leaves_the_menu_at_once(client, demo_content, alice):
    client.force_login(alice)
    assert 'href="/about/"' in client.get("/learning/").content.decode()
    ContentPage.objects.get(slug="about").unpublish()
    assert 'href="/about/"' not in client.get("/learning/").content.decode()


def test_a_page_deleted_in_code_is_gone_at_once(client, demo_content, alice):
    client.force_login(alice)
    assert client.get("/about/").status_code == 200
    ContentPage.objects.get(slug="about").delete()
    assert client.get("/about/").status_code == 404


def test_a_new_view_restriction_applies_at_once(client, demo_content):
    assert client.get("/about/").status_code == 200
    PageViewRestriction.objects.create(page=ContentPage.objects.get(slug="about"),
                                       restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/about/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_new_role_shows_in_the_menu_at_once(client, alice):
    client.force_login(alice)
    assert "Team training" not in client.get("/learning/").content.decode()
    alice.groups.add(Group.objects.get(name=roles.TEAM_MANAGERS))
    assert "Team training" in client.get("/learning/").content.decode()


def test_removing_staff_from_their_group_takes_away_the_admin_at_once(client, staff):
    client.force_login(staff)
    assert "/admin/" in client.get("/learning/").content.decode()
    Group.objects.get(name=roles.CENTRE_STAFF).user_set.remove(staff)
    assert 'href="/admin/"' not in client.get("/learning/").content.decode()


def test_a_group_losing_a_permission_loses_it_at_once(client, staff):
    from django.contrib.auth.models import Permission

    client.force_login(staff)
    assert 'href="/admin/"' in client.get("/learning/").content.decode()
    group = Group.objects.get(name=roles.CENTRE_STAFF)
    group.permissions.remove(Permission.objects.get(codename="access_admin"))
    assert 'href="/admin/"' not in client.get("/learning/").content.decode()


def test_a_new_generation_from_another_process_drops_this_process_copies():
    from django.core.cache import cache

    from cms.page_cache import GENERATION_KEY, generation, shared_fragment

    built = []

    def build():
        built.append(1)
        return f"version {len(built)}"

    assert shared_fragment("example", build) == "version 1"
    assert shared_fragment("example", build) == "version 1"
    generation()
    cache.incr(GENERATION_KEY)  # what a publish in another server process does
    assert shared_fragment("example", build) == "version 2"
    cache.clear()  # the cache emptied (a restarted Redis): nothing old may come back
    assert shared_fragment("example", build) == "version 3"


@pytest.mark.parametrize("tag", ["shared", "personal"])
def test_a_kept_fragment_cannot_hold_a_block(tag):
    """Django's search for blocks does not look inside kept fragments (it runs over the
    parent template on every render), so a block there would be silently ignored: it is
    refused when the template is read."""
    from django.template import Template, TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError, match="cannot hold"):
        Template("{% load cms_tags %}{% " + tag + " \"x\" %}{% block a %}{% endblock %}"
                 "{% end" + tag + " %}")


def test_each_request_gets_its_own_copy_of_a_kept_page(client, demo_content):
    """The route (site and page) is unpickled once per process and copied per request:
    what one request sets on its page never reaches the next."""
    from django.test import RequestFactory

    from cms.page_cache import _request, route_from_cache

    client.get("/about/")
    request = RequestFactory().get("/about/")
    _request.active = True
    try:
        route_from_cache(request, "/about/")
        first_site, (first_page, _args, _kwargs) = (request._wagtail_site,
                                                    request._wagtail_route_for_request)
        first_page.scratch = "set by one request"
        again = RequestFactory().get("/about/")
        route_from_cache(again, "/about/")
        page = again._wagtail_route_for_request[0]
    finally:
        _request.active, _request.generations = False, None
    assert page.pk == first_page.pk and page is not first_page
    assert not hasattr(page, "scratch")
    assert again._wagtail_site is not first_site
