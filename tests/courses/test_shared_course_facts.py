"""Course and module pages keep a course's modules, programme, competencies and
prerequisites in the shared cache; a learner's own progress is always read fresh. Each test
fails if the cache were not dropped by the change it makes."""

import pytest

from courses import services
from courses.models import Competency, CompetencyFramework, ModulePage
from tests.courses.conftest import make_course, modules_of
from tests.factories import practitioner

pytestmark = pytest.mark.django_db


def test_a_published_module_title_shows_on_its_course_page_at_once(client, alice, course):
    client.force_login(alice)
    assert "Module 1" in client.get(course.url).content.decode()
    module = ModulePage.objects.get(pk=modules_of(course)[0].pk)
    module.title = "Restorative circles"
    module.save_revision().publish()
    html = client.get(course.url).content.decode()
    assert "Restorative circles" in html
    assert ">Module 1<" not in html


def test_a_new_module_shows_on_the_course_and_module_pages_at_once(client, alice, course):
    client.force_login(alice)
    first = modules_of(course)[0]
    assert "Module 1 of 2" in client.get(first.url).content.decode()
    course.add_child(instance=ModulePage(title="Module 3", estimated_minutes=10))
    assert "Module 1 of 3" in client.get(first.url).content.decode()
    assert "Module 3" in client.get(course.url).content.decode()


def test_an_unpublished_module_leaves_the_course_page_at_once(client, alice, course):
    client.force_login(alice)
    ModulePage.objects.get(pk=modules_of(course)[1].pk).unpublish()
    assert "Module 2" not in client.get(course.url).content.decode()


def test_a_renamed_programme_shows_at_once(client, alice, course, programme):
    client.force_login(alice)
    assert "Restorative practice" in client.get(course.url).content.decode()
    programme.name = "Restorative leadership"
    programme.save()
    assert "Restorative leadership" in client.get(course.url).content.decode()


def test_a_competency_added_in_the_framework_shows_at_once(client, alice, course):
    framework = CompetencyFramework.objects.create(name="Knowledge and skills")
    competency = Competency.objects.create(framework=framework, code="KSS 1",
                                           statement="Relationships")
    course.competencies.add(competency)
    course.save_revision().publish()
    client.force_login(alice)
    assert "Relationships" in client.get(course.url).content.decode()
    competency.statement = "Building relationships"
    competency.save()
    assert "Building relationships" in client.get(course.url).content.decode()


def test_a_learners_progress_shows_at_once_on_both_pages(client, alice, course):
    first, second = modules_of(course)
    client.force_login(alice)
    services.enrol(alice, course)
    assert "0 of 2 required modules complete" in client.get(course.url).content.decode()
    services.complete_module(alice, first)
    assert "1 of 2 required modules complete" in client.get(course.url).content.decode()
    assert "You have completed this module" in client.get(first.url).content.decode()
    assert "You have completed this module" not in client.get(second.url).content.decode()


def test_another_learners_progress_is_not_shown(client, alice, bob, course):
    first = modules_of(course)[0]
    services.enrol(alice, course)
    services.complete_module(alice, first)
    client.force_login(alice)
    client.get(course.url)
    client.force_login(bob)
    html = client.get(course.url).content.decode()
    assert "Start this course" in html
    assert "required modules complete" not in html


def test_a_prerequisite_completed_lets_the_learner_enrol_at_once(client, alice, catalogue):
    basics = make_course(catalogue, title="Basics", modules=2)
    advanced = make_course(catalogue, title="Advanced practice", modules=1)
    advanced.prerequisites.add(basics)
    advanced.save_revision().publish()
    client.force_login(alice)
    assert "Complete Basics before you enrol" in client.get(advanced.url).content.decode()
    services.enrol(alice, basics)
    for module in modules_of(basics):
        services.complete_module(alice, module)
    html = client.get(advanced.url).content.decode()
    assert "Start this course" in html
    assert "before you enrol" not in html


def test_the_team_matrix_shows_courses_a_page_at_a_time(client, manager, team, catalogue):
    practitioner(team=team, full_name="Dan Brooks")
    for i in range(30):
        make_course(catalogue, title=f"Course {i:02d}", modules=1)
    client.force_login(manager)
    html = client.get("/learning/team/").content.decode()
    assert "Courses 1 to 25 of 30" in html
    assert "Course 24" in html and "Course 25" not in html
    assert 'rel="next"' in html
    html = client.get("/learning/team/?page=2").content.decode()
    assert "Courses 26 to 30 of 30" in html
    assert "Course 25" in html and "Course 24" not in html
    assert client.get("/learning/team/?page=abc").status_code == 200
    assert client.get("/learning/team/?page=999").status_code == 200
