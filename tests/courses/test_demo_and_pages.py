import os

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.test.utils import WagtailTestUtils  # noqa: F401

from cms.models import HomePage
from courses import reports
from courses.models import (
    Assignment,
    Certificate,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    KnowledgeCheckAttempt,
    ModulePage,
)

pytestmark = pytest.mark.django_db


def test_the_page_tree_rules_are_declared():
    assert CourseIndexPage.parent_page_types == ["cms.HomePage"]
    assert CoursePage.allowed_parent_page_models() == [CourseIndexPage]
    assert CoursePage.allowed_subpage_models() == [ModulePage]
    assert ModulePage.allowed_subpage_models() == []
    assert CourseIndexPage in HomePage.allowed_subpage_models()


def test_the_demo_has_courses_and_progress_and_a_second_run_changes_nothing(demo_content):
    courses = CoursePage.objects.live()
    assert courses.count() >= 6
    for course in courses:
        assert 3 <= course.get_modules().count() <= 6
        assert any(m.knowledge_checks() for m in course.get_modules())
    priya = Enrolment.objects.filter(user__email="practitioner@example.org")
    assert priya.filter(status=Enrolment.Status.COMPLETED).count() == 1
    assert priya.filter(status=Enrolment.Status.ACTIVE).count() == 1
    assert Certificate.objects.filter(user__email="practitioner@example.org").count() == 1
    assignment = Assignment.objects.get(user__email="practitioner@example.org")
    assert assignment.due_on < timezone.localdate()
    index = CourseIndexPage.objects.get(slug="courses")
    assert index.show_in_menus and index.live
    counts = [Enrolment.objects.count(), Certificate.objects.count(),
              KnowledgeCheckAttempt.objects.count(), ModulePage.objects.count()]
    call_command("seed_demo", stdout=open(os.devnull, "w"))
    assert counts == [Enrolment.objects.count(), Certificate.objects.count(),
                      KnowledgeCheckAttempt.objects.count(), ModulePage.objects.count()]


def test_every_demo_page_renders(client, demo_content):
    from cms.models import User

    client.force_login(User.objects.get(email="practitioner@example.org"))
    for page in [CourseIndexPage.objects.get(), *CoursePage.objects.all(),
                 *ModulePage.objects.all()]:
        assert client.get(page.url).status_code == 200, page.url
    for url in ["/learning/", "/learning/cpd/", "/courses/?level=advanced&q=restorative",
                "/courses/?programme=nope"]:
        assert client.get(url).status_code == 200, url


def test_the_demo_manager_sees_the_team_matrix(client, demo_content):
    from cms.models import User

    manager = User.objects.get(email="manager@example.org")
    client.force_login(manager)
    html = client.get("/learning/team/").content.decode()
    assert "Priya Shah" in html and "Overdue" in html and "Completed" in html
    members = User.objects.filter(team=manager.team)
    matrix = reports.training_matrix(members, CoursePage.objects.live())
    assert len(matrix["rows"]) == members.count()


def test_previews_render(demo_content, rf):
    from django.contrib.auth.models import AnonymousUser

    module = ModulePage.objects.filter(slug="private-family-time").first()
    request = rf.get("/")
    request.user = AnonymousUser()
    for page in [module, module.get_parent().specific]:
        response = page.serve_preview(request, page.default_preview_mode)
        response.render()
        assert response.status_code == 200


def test_catalogue_filters(client, demo_content):
    def cards(query):
        html = client.get(f"/courses/?{query}").content.decode()
        return {slug for slug in ["motivational-interviewing", "family-group-conferences",
                                  "restorative-practice-essentials",
                                  "outcomes-based-accountability",
                                  "leading-restorative-early-support"]
                if f'href="/courses/{slug}/"' in html}

    assert cards("programme=motivational-interviewing") == {"motivational-interviewing"}
    assert cards("q=circles") == {"restorative-practice-essentials"}
    assert cards("mode=face_to_face") == {"leading-restorative-early-support"}
    assert cards("level=advanced&mode=online") == set()
