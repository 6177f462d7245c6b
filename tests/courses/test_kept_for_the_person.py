"""A person's own part of a page is kept for them once read (cms.page_cache, path 4) and
is right on the very next view after anything of theirs changes: in a service, in a form,
in another process. It is never shown to anyone else, and its forms carry the session's
own CSRF token."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.test import Client

from cms.page_cache import person_key
from courses import services
from courses.models import Enrolment
from tests.courses.conftest import modules_of

pytestmark = pytest.mark.django_db


def _progress_line(client, course):
    html = client.get(course.url).content.decode()
    found = re.search(r"(\d+) of (\d+) required modules complete", html)
    return found.group(0) if found else None


def test_a_completed_module_shows_on_the_course_page_at_once(client, alice, course):
    services.enrol(alice, course)
    client.force_login(alice)
    assert _progress_line(client, course) == "0 of 2 required modules complete"
    assert _progress_line(client, course) == "0 of 2 required modules complete"  # kept
    services.complete_module(alice, modules_of(course)[0])
    assert _progress_line(client, course) == "1 of 2 required modules complete"


def test_what_is_kept_for_one_person_is_never_shown_to_another(client, alice, bob, course):
    services.enrol(alice, course)
    client.force_login(alice)
    assert b"Leave this course" in client.get(course.url).content
    other = Client()
    other.force_login(bob)
    html = other.get(course.url).content
    assert b"Leave this course" not in html
    assert b"Start this course" in html


def test_a_change_made_in_another_process_shows_once_its_generation_moves_on(
        client, alice, course):
    """Another process's change reaches this one through the person's generation in the
    shared cache: a bulk update (which sends no signal) is not seen until it moves on."""
    services.enrol(alice, course)
    client.force_login(alice)
    assert b"Leave this course" in client.get(course.url).content
    Enrolment.objects.filter(user=alice).update(status=Enrolment.Status.WITHDRAWN)
    assert b"Leave this course" in client.get(course.url).content  # this process's copy
    cache.incr(person_key(alice.pk))  # what people_changed in another process does
    assert b"Start this course" in client.get(course.url).content


def test_the_forms_of_a_kept_fragment_carry_the_sessions_own_token(alice, course):
    """Signing in again gives a new CSRF secret: a token kept in the fragment from the
    first session would be refused (403) in the second."""
    services.enrol(alice, course)
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    client.get(course.url)
    client.logout()
    client.force_login(alice)
    html = client.get(course.url).content.decode()
    assert "placeholder" not in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = client.post(f"/learning/courses/{course.pk}/unenrol/",
                           {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert not Enrolment.objects.filter(user=alice, status=Enrolment.Status.ACTIVE).exists()


def test_a_reflection_saved_shows_on_the_module_page_at_once(client, alice, catalogue):
    from tests.courses.conftest import make_course

    course = make_course(catalogue, title="Reflective practice", modules=1)
    module = modules_of(course)[0]
    services.enrol(alice, course)
    client.force_login(alice)
    assert b"I will listen first" not in client.get(module.url).content
    prompt_id = module.reflection_prompts()[0][0]
    client.post(f"/learning/modules/{module.pk}/reflections/{prompt_id}/",
                {"text": "I will listen first"})
    assert b"I will listen first" in client.get(module.url).content


def test_an_assignment_shows_on_my_learning_at_once(client, alice, manager, course):
    client.force_login(alice)
    assert b"Nothing is assigned to you." in client.get("/learning/").content
    services.assign_course(course, [alice], datetime.date.today() + datetime.timedelta(days=30),
                           manager)
    html = client.get("/learning/").content
    assert b"Nothing is assigned to you." not in html
    assert course.title.encode() in html


def test_a_cpd_entry_written_shows_on_the_record_at_once(client, alice):
    client.force_login(alice)
    today = datetime.date.today()
    assert b"Family meeting skills day" not in client.get("/learning/cpd/").content
    response = client.post("/learning/cpd/add/", {
        "kind": "reading", "title": "Family meeting skills day", "date": today.isoformat(),
        "hours": "3", "what_learnt": "How to open a meeting.",
        "impact_on_practice": "I open meetings with the family's own words."})
    assert response.status_code == 302, response.content
    assert b"Family meeting skills day" in client.get(response["Location"]).content


def test_the_team_matrix_shows_a_members_progress_and_a_new_member_at_once(
        client, alice, bob, manager, team, course):
    from tests import factories

    client.force_login(manager)
    html = client.get("/learning/team/").content.decode()
    assert "Alice Adams" in html and "In progress" not in html
    services.enrol(bob, course)
    assert "In progress" in client.get("/learning/team/").content.decode()
    factories.practitioner(email="cara@example.org", full_name="Cara Clark", team=team)
    assert "Cara Clark" in client.get("/learning/team/").content.decode()


def test_the_team_matrix_shows_a_renamed_team_and_a_new_co_manager_at_once(
        client, alice, manager, team):
    from tests import factories

    client.force_login(manager)
    assert team.name in client.get("/learning/team/").content.decode()
    team.name = "Duty and assessment east"
    team.save()
    assert "Duty and assessment east" in client.get("/learning/team/").content.decode()
    other = factories.practitioner(email="dee@example.org", full_name="Dee Deputy")
    team.managers.add(other)
    assert "Dee Deputy" in client.get("/learning/team/").content.decode()


def test_the_team_matrix_offers_a_team_the_manager_is_given_at_once(
        client, alice, manager, team, host):
    from tests import factories

    second = factories.TeamFactory(name="Children in care north", organisation=host)
    client.force_login(manager)
    assert 'id="team-choice"' not in client.get("/learning/team/").content.decode()
    second.managers.add(manager)  # who manages a team: no save of a team or a person
    html = client.get("/learning/team/").content.decode()
    assert 'id="team-choice"' in html and "Children in care north" in html


def test_the_team_matrix_drops_a_member_who_leaves_or_is_deactivated_at_once(
        client, alice, bob, manager, team):
    client.force_login(manager)
    html = client.get("/learning/team/").content.decode()
    assert "Alice Adams" in html and "Bob" in html
    alice.team = None
    alice.save()
    assert "Alice Adams" not in client.get("/learning/team/").content.decode()
    bob.is_active = False
    bob.save(update_fields=["is_active"])
    assert bob.full_name not in client.get("/learning/team/").content.decode()


def test_the_team_matrix_closes_to_a_manager_removed_at_once(client, alice, manager, team):
    client.force_login(manager)
    assert client.get("/learning/team/").status_code == 200
    team.managers.remove(manager)
    assert client.get("/learning/team/").status_code == 404
