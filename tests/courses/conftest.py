import pytest
from wagtail.models import Page, Site

from courses import content
from courses.models import CourseIndexPage, CoursePage, ModulePage, Programme


def simple_check(check_id="check", pass_mark=100):
    """Two questions: q1 single choice (right answer a), q2 multiple choice (a and b)."""
    return content.knowledge_check(check_id, [
        ("q1", "Which question is restorative?", False, [
            ("a", "What happened?", True, ""),
            ("b", "Whose fault is it?", False, "Restorative questions look at harm, not blame."),
        ], "Start with what happened."),
        ("q2", "Which are part of a family group conference?", True, [
            ("a", "Private family time", True, ""),
            ("b", "Agreeing the plan", True, ""),
            ("c", "A court hearing", False, "A conference is not a court."),
        ], ""),
    ], pass_mark=pass_mark)


RIGHT = {"q1": ["a"], "q2": ["a", "b"]}
HALF = {"q1": ["a"], "q2": ["a"]}
WRONG = {"q1": ["b"], "q2": ["c"]}


@pytest.fixture
def catalogue(db):
    # Transactional tests flush Wagtail's initial pages, so make them if they are missing.
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale

    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    parent = Page.objects.filter(depth=2).first()
    if parent is None:
        parent = root.add_child(instance=Page(title="Home", slug="home"))
    if not Site.objects.exists():
        Site.objects.create(hostname="localhost", root_page=parent, is_default_site=True)
    index = CourseIndexPage(title="Courses", slug="courses", show_in_menus=True)
    parent.add_child(instance=index)
    return index


@pytest.fixture
def programme(db):
    return Programme.objects.create(name="Restorative practice", slug="restorative-practice")


def make_course(catalogue, title="Restorative practice essentials", modules=2, checks=(),
                optional=(), programme=None, **fields):
    """A published course with `modules` published modules. `checks` is a list of module
    indexes that hold a knowledge check (ids check-<i>); `optional` likewise."""
    fields.setdefault("cpd_hours", 6)
    fields.setdefault("summary", "Meetings and circles that repair harm.")
    course = CoursePage(title=title, programme=programme, **fields)
    catalogue.add_child(instance=course)
    for i in range(modules):
        blocks = [content.paragraph(f"<p>Module {i + 1} content.</p>")]
        if i in checks:
            blocks.append(simple_check(f"check-{i}"))
        blocks.append(content.reflection(f"reflect-{i}", "What did you notice?"))
        course.add_child(instance=ModulePage(
            title=f"Module {i + 1}", required=i not in optional, estimated_minutes=15,
            body=content.body(*blocks)))
    return CoursePage.objects.get(pk=course.pk)


def modules_of(course):
    return list(course.get_modules())


@pytest.fixture
def course(catalogue, programme):
    return make_course(catalogue, modules=2, checks=(1,), programme=programme,
                       validity_months=12)
