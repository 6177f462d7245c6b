import pytest

from cms.models import ContentPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(settings):
    settings.PAGE_CACHE_SECONDS = 60


def test_anonymous_visitors_get_the_cached_page(client, demo_content, cached):
    first = client.get("/about/")
    second = client.get("/about/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert first.content == second.content


def test_publishing_a_change_shows_at_once(client, demo_content, cached):
    assert b"About the Centre" in client.get("/about/").content
    page = ContentPage.objects.get(slug="about")
    page.title = "About us"
    page.save_revision().publish()
    response = client.get("/about/")
    assert response["X-Page-Cache"] == "miss"
    assert b"About us" in response.content


def test_signed_in_people_never_get_a_cached_page(client, demo_content, cached, alice):
    client.get("/about/")
    client.force_login(alice)
    response = client.get("/about/")
    assert "X-Page-Cache" not in response
    assert b"Sign out" in response.content


def test_personal_areas_are_never_cached(client, demo_content, cached):
    client.get("/accounts/login/")
    assert "X-Page-Cache" not in client.get("/accounts/login/")


def test_a_change_in_another_process_drops_this_process_copy(client, demo_content, cached):
    """Path 1 across processes: each process keeps its own copy of a page, trusted only
    while the shared generation is unchanged."""
    from django.core.cache import cache

    from cms.page_cache import GENERATION_KEY, generation

    client.get("/about/")
    assert client.get("/about/")["X-Page-Cache"] == "hit"
    cache.delete(f"{generation()}:page-cache:page:testserver:/about/")
    assert client.get("/about/")["X-Page-Cache"] == "hit"  # this process's own copy
    cache.incr(GENERATION_KEY)  # what a publish in another server process does
    assert client.get("/about/")["X-Page-Cache"] == "miss"


def test_a_person_made_superuser_in_code_gets_the_admin_at_once(client, alice):
    """Path 2: a person's roles are kept per process, under a key that holds their active
    and superuser flags, so a change to those needs no signal."""
    from cms.models import User

    client.force_login(alice)
    assert 'href="/admin/"' not in client.get("/learning/").text
    User.objects.filter(pk=alice.pk).update(is_superuser=True)  # no signal is sent
    assert 'href="/admin/"' in client.get("/learning/").text
