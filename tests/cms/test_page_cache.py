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
    and superuser flags; saving the person moves their own generation on (path 4), so the
    kept copy of them, and of their header, is read afresh."""
    client.force_login(alice)
    assert 'href="/admin/"' not in client.get("/learning/").text
    alice.is_superuser = True
    alice.save()
    assert 'href="/admin/"' in client.get("/learning/").text


def test_a_live_fragment_is_kept_until_the_live_figures_change_or_it_times_out():
    """Path 3 for fragments: what shows figures that change with time alone (a mentoring
    slot starting) is built again once its timeout passes."""
    import time

    from cms.page_cache import live_figures_changed, live_fragment

    built = []

    def build():
        built.append(1)
        return f"<p>{len(built)}</p>"

    assert live_fragment("test-live", build, timeout=60) == "<p>1</p>"
    assert live_fragment("test-live", build, timeout=60) == "<p>1</p>"
    live_figures_changed()
    assert live_fragment("test-live", build, timeout=60) == "<p>2</p>"
    assert live_fragment("test-live-short", build, timeout=0.05) == "<p>3</p>"
    time.sleep(0.1)
    assert live_fragment("test-live-short", build, timeout=0.05) == "<p>4</p>"


def test_a_personal_fragment_moves_on_with_that_person_only(alice, bob):
    """Path 4: one person's change drops their fragments, not another's."""
    from cms.page_cache import people_changed, people_fragment, personal_fragment

    counts = {"alice": 0, "bob": 0, "team": 0}

    def build(name):
        def inner():
            counts[name] += 1
            return f"{name} {counts[name]}"
        return inner

    assert personal_fragment(alice, "p", build("alice")) == "alice 1"
    assert personal_fragment(bob, "p", build("bob")) == "bob 1"
    assert people_fragment([alice.pk, bob.pk], "t", build("team")) == "team 1"
    people_changed(alice.pk)
    assert personal_fragment(alice, "p", build("alice")) == "alice 2"
    assert personal_fragment(bob, "p", build("bob")) == "bob 1"
    assert people_fragment([alice.pk, bob.pk], "t", build("team")) == "team 2"


def test_joining_or_leaving_a_team_moves_the_content_on_and_a_login_does_not(alice, team):
    """Path 1: who belongs to a team is part of the team (its matrix lists them)."""
    from django.contrib.auth.models import update_last_login

    from cms.models import User
    from cms.page_cache import GENERATION_KEY, generation

    def moved(change):
        before = generation(GENERATION_KEY)
        change()
        return generation(GENERATION_KEY) != before

    person = User.objects.get(pk=alice.pk)
    assert not moved(lambda: update_last_login(None, person))
    person.job_title = "Senior practitioner"
    assert not moved(person.save)
    person.team = None
    assert moved(person.save)
    person.team = team
    assert moved(lambda: person.save(update_fields=["team"]))
    person.is_active = False
    assert moved(person.save)
    assert moved(lambda: User.objects.get(pk=alice.pk).delete())


def test_a_team_fragment_moves_on_with_any_member_and_no_one_else(alice, bob, charlie, team):
    """Path 4: a page about a team's members is kept under the team's generation."""
    from cms.page_cache import people_changed, people_fragment

    built = []

    def build():
        built.append(1)
        return f"matrix {len(built)}"

    assert people_fragment([], "m", build, teams=[team.pk]) == "matrix 1"
    people_changed(charlie.pk)  # not in the team
    assert people_fragment([], "m", build, teams=[team.pk]) == "matrix 1"
    people_changed(bob.pk)
    assert people_fragment([], "m", build, teams=[team.pk]) == "matrix 2"
