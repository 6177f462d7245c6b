"""Query counts stay the same as modules, enrolments and team members grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import services
from tests.courses.conftest import make_course, modules_of
from tests.factories import practitioner

pytestmark = pytest.mark.django_db


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["course", "module"])
def test_course_and_module_pages_do_not_grow_with_modules(client, alice, catalogue, page):
    counts = []
    for n, title in [(2, "Small"), (50, "Large")]:
        course = make_course(catalogue, title=title, modules=n, checks=(1,))
        services.enrol(alice, course)
        for module in modules_of(course)[:2]:
            services.complete_module_for_attendance(alice, module)
        client.force_login(alice)
        url = course.url if page == "course" else modules_of(course)[1].url
        count(client, url)  # warm caches (site root, etc.)
        counts.append(count(client, url))
    assert counts[0] == counts[1]


def test_my_learning_does_not_grow_with_enrolments(client, alice, catalogue, manager):
    """Courses in progress, assigned, completed and with certificates about to expire: each
    row links to its course, and none of those links costs a query of its own."""
    import datetime

    from django.utils import timezone

    from courses.models import Certificate

    counts = []
    for batch, n in [("a", 2), ("b", 20)]:
        for i in range(n):
            course = make_course(catalogue, title=f"Course {batch}{i}", modules=2)
            services.enrol(alice, course)
            services.complete_module(alice, modules_of(course)[0])
            services.assign_course(course, [alice], datetime.date(2099, 1, 1), manager)
            if i % 2:
                services.complete_module(alice, modules_of(course)[1])
        Certificate.objects.filter(user=alice).update(
            expires_on=timezone.localdate() + datetime.timedelta(days=10))
        client.force_login(alice)
        count(client, "/learning/")
        counts.append(count(client, "/learning/"))
        response = client.get("/learning/")
        expiring = Certificate.objects.filter(user=alice).count()
        assert expiring and response.text.count("Take the refresher") == expiring
    assert counts[0] == counts[1]


def test_the_team_matrix_does_not_grow_with_members(client, manager, team, catalogue):
    courses = [make_course(catalogue, title=f"Course {i}", modules=3) for i in range(3)]
    counts = []
    for n in (2, 50):
        while team.members.count() < n:
            person = practitioner(team=team)
            services.enrol(person, courses[0])
            services.complete_module(person, modules_of(courses[0])[0])
        client.force_login(manager)
        count(client, "/learning/team/")
        counts.append(count(client, "/learning/team/"))
    assert counts[0] == counts[1]


def test_the_catalogue_does_not_grow_with_courses(client, alice, catalogue):
    counts = []
    for batch, n in [("a", 2), ("b", 20)]:
        for i in range(n):
            services.enrol(alice, make_course(catalogue, title=f"C {batch}{i}", modules=1))
        client.force_login(alice)
        count(client, catalogue.url)
        counts.append(count(client, catalogue.url))
    assert counts[0] == counts[1]
