"""The benchmark data builder at its smallest: the pages it writes in bulk are a sound
Wagtail tree that routes, renders and is searchable, and its records keep the rules the
site keeps (a finished course has its certificate and its knowledge check passed)."""

import pytest
from django.db.models import Count, Exists, OuterRef
from wagtail.models import Page, Site

from cms.models import HomePage
from courses.models import Certificate, CoursePage, Enrolment, KnowledgeCheckAttempt, ModulePage
from events.models import EventPage
from tests.perf import dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def built(db):
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale

    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=HomePage(title="Home", slug="bench-home"))
    Site.objects.update_or_create(is_default_site=True, defaults={
        "root_page": home, "hostname": "localhost", "port": 80})
    return dataset.build(scale=0.001)


def test_the_bulk_written_pages_are_a_sound_tree(built):
    assert Page.find_problems() == ([], [], [], [], [])
    course = CoursePage.objects.get(slug="bench-course-1")
    assert course.get_parent().specific == built["course_index"]
    assert [m.title for m in ModulePage.objects.child_of(course).order_by("path")] == [
        f"Module {n}" for n in range(1, 7)]
    assert course.numchild == 6 and dataset.already_built()
    # The tree API still works after them (the booking rush adds an event like this).
    index = built["events_index"]
    event = EventPage.objects.child_of(index).first()
    index.add_child(instance=EventPage(title="Rush", slug="rush", summary="Rush.",
                                       start=event.start, end=event.end, is_online=True,
                                       joining_link="https://meet.example.org/r", capacity=5))
    assert Page.find_problems() == ([], [], [], [], [])


def test_the_pages_route_and_render(built, client):
    course = CoursePage.objects.get(slug="bench-course-1")
    second_module = ModulePage.objects.child_of(course).order_by("path")[1]
    event = EventPage.objects.child_of(built["events_index"]).order_by("-start").first()
    for page in (built["course_index"], course, second_module, built["events_index"], event):
        assert client.get(page.url).status_code == 200, page.url
    assert b"Check your understanding" in client.get(second_module.url).content


def test_staff_can_edit_a_page_written_without_revisions(built, client, staff):
    client.force_login(staff)
    course = CoursePage.objects.get(slug="bench-course-1")
    response = client.get(f"/admin/pages/{course.pk}/edit/")
    assert response.status_code == 200
    assert b"Bench course 001" in response.content


def test_the_pages_are_found_by_search(built):
    from wagtail.search.backends import get_search_backend

    found = get_search_backend().search("Bench course", CoursePage)
    assert CoursePage.objects.get(slug="bench-course-1") in list(found)


def test_every_finished_course_has_a_certificate_and_a_passed_check(built):
    completed = Enrolment.objects.filter(status=Enrolment.Status.COMPLETED,
                                         user__email__startswith="bench")
    assert completed.exists()
    assert not completed.exclude(Exists(Certificate.objects.filter(enrolment=OuterRef("pk"))))
    assert not completed.exclude(Exists(KnowledgeCheckAttempt.objects.filter(
        enrolment=OuterRef("pk"), passed=True)))
    modules_done = completed.annotate(n=Count("module_completions")).values_list("n", flat=True)
    assert set(modules_done) == {dataset.MODULES_PER_COURSE}
