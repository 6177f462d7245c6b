import datetime

import pytest

from courses import services
from courses.models import Reflection
from cpd.models import CPDEntry
from tests.courses.conftest import RIGHT, modules_of

# Due dates run at most five years ahead (cms.limits).
IN_THREE_MONTHS = (datetime.date.today() + datetime.timedelta(days=90)).isoformat()

pytestmark = pytest.mark.django_db


def complete(user, course):
    services.enrol(user, course)
    first, second = modules_of(course)
    services.complete_module(user, first)
    services.submit_knowledge_check(user, second, "check-1", RIGHT)
    return user.certificates.get()


def test_a_learner_never_sees_anothers_progress_on_the_course_page(client, alice, bob, course):
    services.enrol(alice, course)
    services.complete_module(alice, modules_of(course)[0])
    client.force_login(bob)
    html = client.get(course.url).content.decode()
    assert "Start this course" in html
    assert "% complete" not in html


def test_reflections_are_private(client, alice, bob, course):
    module = modules_of(course)[0]
    services.enrol(alice, course)
    services.save_reflection(alice, module, "reflect-0", "Something only Alice writes")
    client.force_login(alice)
    assert "Something only Alice writes" in client.get(module.url).content.decode()
    client.force_login(bob)
    assert "Something only Alice writes" not in client.get(module.url).content.decode()
    client.logout()
    assert "Something only Alice writes" not in client.get(module.url).content.decode()


def test_saving_a_reflection_through_the_view(client, alice, course):
    module = modules_of(course)[0]
    client.force_login(alice)
    client.post(f"/learning/modules/{module.pk}/reflections/reflect-0/", {"text": "Mine"})
    assert Reflection.objects.get(user=alice).text == "Mine"
    response = client.post(f"/learning/modules/{module.pk}/reflections/unknown/",
                           {"text": "x"}, follow=True)
    assert response.status_code == 200 and Reflection.objects.count() == 1


def test_only_the_holder_and_staff_download_the_certificate_pdf(client, alice, bob, staff,
                                                                course):
    certificate = complete(alice, course)
    url = f"/certificates/{certificate.public_id}/pdf/"
    client.force_login(bob)
    assert client.get(url).status_code == 404
    client.force_login(alice)
    assert client.get(url).status_code == 200
    client.force_login(staff)
    assert client.get(url).status_code == 200
    client.logout()
    assert client.get(url).status_code == 302


def test_a_learner_cannot_edit_or_delete_anothers_cpd_entry(client, alice, bob):
    entry = CPDEntry.objects.create(user=alice, title="Reading", date="2026-01-01")
    client.force_login(bob)
    assert client.get(f"/learning/cpd/{entry.pk}/edit/").status_code == 404
    assert client.post(f"/learning/cpd/{entry.pk}/delete/").status_code == 404
    assert "Reading" not in client.get("/learning/cpd/?year=2026").content.decode()
    assert CPDEntry.objects.filter(pk=entry.pk).exists()


def test_the_team_matrix_is_for_the_teams_managers_and_staff(client, alice, bob, charlie,
                                                           manager, staff, team):
    from tests.factories import TeamFactory, team_manager

    client.force_login(alice)
    assert client.get("/learning/team/").status_code == 404
    client.force_login(manager)
    response = client.get("/learning/team/")
    assert response.status_code == 200 and "Alice Adams" in response.content.decode()
    other_team = TeamFactory(name="Inner East RES team")
    other_manager = team_manager(other_team, email="other@example.org")
    assert client.get(f"/learning/team/?team={other_team.pk}").status_code == 404
    client.force_login(other_manager)
    assert "Alice Adams" not in client.get("/learning/team/").content.decode()
    assert client.get(f"/learning/team/?team={team.pk}").status_code == 404
    assert client.get("/learning/team/?team=abc").status_code == 404
    client.force_login(staff)
    assert "Alice Adams" in client.get(f"/learning/team/?team={team.pk}").content.decode()


def test_a_manager_can_only_assign_their_own_team(client, manager, team, course, charlie):
    client.force_login(manager)
    response = client.post("/learning/team/assign/", {
        "team": team.pk, "course": course.pk, "members": [charlie.pk], "due_on": IN_THREE_MONTHS})
    assert response.status_code == 200  # charlie is not a choice: a form error
    from courses.models import Assignment
    assert not Assignment.objects.exists()
