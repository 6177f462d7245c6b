"""Each signed-in learning page asks the database a pinned number of questions, and the
same number after the person has 20 more enrolments and completions: what everyone sees
alike is kept (cms.page_cache), the person's own state is a few indexed queries, and once
read it is kept for them until their records change (path 4): a repeat view asks only for
the session."""

import pytest

from cms.page_cache import people_changed
from courses import services
from courses.models import CoursePage
from tests.courses.conftest import make_course, modules_of

pytestmark = pytest.mark.django_db

# The first view after a change: session, user, then the page's own (see each test).
PINNED = {"course": 5, "module": 6, "my_learning": 7, "matrix": 15}
# A repeat view with nothing of the person's changed: the session alone (the person, their
# header and their part of the page are kept; in production the shared cache's read of the
# generations is one more, a query of the cache table without Redis).
KEPT = 1


def _more_learning(alice, catalogue, n=20):
    for i in range(n):
        course = make_course(catalogue, title=f"More {i}", modules=2)
        services.enrol(alice, course)
        services.complete_module(alice, modules_of(course)[0])


def _assert_pinned(client, django_assert_num_queries, url, expected, person):
    """After a change to the person's records the first view reads them afresh; the next
    is kept for them."""
    client.get(url)  # what everyone sees alike is built on the first view
    people_changed(person.pk)  # what every save of one of their records does
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200
    with django_assert_num_queries(KEPT):
        assert client.get(url).status_code == 200


def test_it_pins_the_course_page(client, alice, catalogue, course, django_assert_num_queries):
    # enrolments, assignment, module completions
    services.enrol(alice, course)
    services.complete_module(alice, modules_of(course)[0])
    client.force_login(alice)
    _assert_pinned(client, django_assert_num_queries, course.url, PINNED["course"], alice)
    _more_learning(alice, catalogue)
    _assert_pinned(client, django_assert_num_queries, course.url, PINNED["course"], alice)


def test_it_pins_the_module_page(client, alice, catalogue, course, django_assert_num_queries):
    # enrolment, module completions, knowledge-check attempts, reflections
    services.enrol(alice, course)
    module = modules_of(course)[1]
    client.force_login(alice)
    _assert_pinned(client, django_assert_num_queries, module.url, PINNED["module"], alice)
    _more_learning(alice, catalogue)
    _assert_pinned(client, django_assert_num_queries, module.url, PINNED["module"], alice)


def test_it_pins_my_learning(client, alice, catalogue, course, django_assert_num_queries):
    # enrolments in progress, assignments, certificates, completed, e-learning
    services.enrol(alice, course)
    client.force_login(alice)
    _assert_pinned(client, django_assert_num_queries, "/learning/", PINNED["my_learning"], alice)
    _more_learning(alice, catalogue)
    for course in CoursePage.objects.filter(title__startswith="More")[:10]:
        for module in modules_of(course)[1:]:
            services.complete_module(alice, module)
    _assert_pinned(client, django_assert_num_queries, "/learning/", PINNED["my_learning"], alice)


def test_it_pins_the_team_matrix(client, alice, bob, manager, team, catalogue,
                                 django_assert_num_queries):
    # after a member's change: session, courses (live, then retired titles), a count and a
    # page of people, their enrolments, certificates and assignments, the people's ids, the
    # three totals, the overdue count, who manages the team, the teams to choose from (the
    # team and its people are kept for the manager: their records did not change)
    from tests import factories

    for i in range(3):
        make_course(catalogue, title=f"Course {i}", modules=2)
    client.force_login(manager)
    _assert_pinned(client, django_assert_num_queries, "/learning/team/", PINNED["matrix"], alice)
    for i in range(30):
        member = factories.practitioner(email=f"m{i}@example.org", team=team)
        services.enrol(member, CoursePage.objects.first())
    _assert_pinned(client, django_assert_num_queries, "/learning/team/", PINNED["matrix"], alice)
