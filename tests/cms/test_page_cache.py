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
