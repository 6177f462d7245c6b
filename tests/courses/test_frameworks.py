"""Frameworks change over time: versions with dates, statements per version, a new version
mapped from the old without losing a course's mapping or a person's evidence; coverage
with the gaps named; the catalogue filtered by statement; each person's profile."""

import datetime
import importlib
import re

import pytest
from django.apps import apps as django_apps
from freezegun import freeze_time

from courses import frameworks
from courses.models import Competency, CompetencyFramework, CoursePage, FrameworkVersion
from tests.courses.conftest import make_course
from tests.courses.test_completion import finish

pytestmark = pytest.mark.django_db


@pytest.fixture
def kss(db):
    framework = CompetencyFramework.objects.create(name="KSS")
    version = FrameworkVersion.objects.create(framework=framework, label="Published 2018")
    for order, (code, text) in enumerate([("KSS3", "Child development"),
                                          ("KSS5", "Abuse and neglect of children")]):
        Competency.objects.create(framework=framework, version=version, code=code,
                                  statement=text, sort_order=order)
    return framework


def map_course(course, competency):
    CoursePage.competencies.through.objects.create(coursepage=course, competency=competency)


def statement(framework, code, version=None):
    version = version or frameworks.versions_in_order(framework)[0]
    return Competency.objects.get(framework=framework, version=version, code=code)


@freeze_time("2026-11-28")
def test_a_new_version_is_mapped_from_the_old_keeping_courses_and_evidence(alice, kss,
                                                                           catalogue):
    course = make_course(catalogue, title="Child development")
    map_course(course, statement(kss, "KSS3"))
    finish(alice, course)
    new = frameworks.map_new_version(kss, label="From 1 April 2027",
                                     effective_from=datetime.date(2027, 4, 1))
    old = frameworks.versions_in_order(kss)[0]
    assert old.effective_until == datetime.date(2027, 3, 31)
    assert [s.code for s in new.competencies.order_by("sort_order")] == ["KSS3", "KSS5"]
    new_kss3 = statement(kss, "KSS3", new)
    assert new_kss3.carried_from == statement(kss, "KSS3")
    assert set(CoursePage.objects.get(pk=course.pk).competencies.all()) == {
        statement(kss, "KSS3"), new_kss3}  # the old mapping is kept, the new one added
    assert frameworks.version_in_force(kss) == old
    with freeze_time("2027-04-01"):
        assert frameworks.version_in_force(kss) == new
        profile = frameworks.profile_for(alice)
        assert [(s.code, done) for s, done in profile[0][2]] == [("KSS3", True),
                                                                  ("KSS5", False)]
    with pytest.raises(frameworks.FrameworkError):
        frameworks.map_new_version(kss, label="Earlier", effective_from=datetime.date(2027,
                                                                                      1, 1))


def test_evidence_of_an_old_statement_counts_for_the_one_carried_from_it(alice, kss,
                                                                         catalogue):
    course = make_course(catalogue, title="Neglect")
    map_course(course, statement(kss, "KSS5"))
    new = frameworks.map_new_version(kss, label="2027",
                                     effective_from=datetime.date(2027, 4, 1))
    CoursePage.competencies.through.objects.filter(
        competency=statement(kss, "KSS5", new)).delete()  # remapped by staff later
    finish(alice, course)
    assert statement(kss, "KSS5", new).pk in frameworks.evidenced_statement_ids(alice)


def test_the_migration_puts_todays_statements_into_a_first_version(kss, catalogue):
    course = make_course(catalogue)
    kss3 = statement(kss, "KSS3")
    map_course(course, kss3)
    Competency.objects.update(version=None)
    FrameworkVersion.objects.all().delete()
    migration = importlib.import_module(
        "courses.migrations.0012_statements_join_a_first_version")
    migration.statements_join_a_first_version(django_apps, None)
    version = FrameworkVersion.objects.get(framework=kss)
    assert version.label == "First version"
    assert set(Competency.objects.values_list("version", flat=True)) == {version.pk}
    assert list(CoursePage.objects.get(pk=course.pk).competencies.all()) == [kss3]


def test_the_coverage_view_names_each_gap_in_words(client, staff, kss, catalogue):
    course = make_course(catalogue, title="Child development")
    map_course(course, statement(kss, "KSS3"))
    version = frameworks.versions_in_order(kss)[0]
    client.force_login(staff)
    response = client.get(f"/admin/frameworks/coverage/{version.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Gap: no course" in html and "1 is a gap" in html and "KSS5" in html
    assert "Covered by 1 course" in html and "Child development" in html
    html = client.get("/admin/frameworks/coverage/").content.decode()
    assert "KSS5 Abuse and neglect of children" in html and "1 is a gap" in html
    assert client.get("/admin/frameworks/coverage/999999/").status_code == 404


def test_the_coverage_view_is_for_staff_only(client, alice, kss):
    client.force_login(alice)
    assert client.get("/admin/frameworks/coverage/").status_code in (302, 403)


def test_the_catalogue_filters_by_statement_without_javascript(client, kss, catalogue):
    development = make_course(catalogue, title="Child development")
    map_course(development, statement(kss, "KSS3"))
    make_course(catalogue, title="Circles")
    html = client.get(catalogue.url, {"statement": statement(kss, "KSS3").pk}).content.decode()
    assert "Child development" in html and "Circles" not in html
    assert 'name="statement"' in html and "KSS5 Abuse and neglect of children" in html
    assert client.get(catalogue.url, {"statement": "nonsense"}).status_code == 200


def test_a_person_sees_the_statements_their_completions_evidence(client, alice, kss,
                                                                 catalogue):
    course = make_course(catalogue, title="Child development")
    map_course(course, statement(kss, "KSS3"))
    neglect = make_course(catalogue, title="Responding to neglect")
    map_course(neglect, statement(kss, "KSS5"))
    finish(alice, course)
    client.force_login(alice)
    html = client.get("/learning/frameworks/").content.decode()
    assert re.search(r"KSS3 Child development</strong>\s*<strong class=\"tag tag--green\">"
                     r"Evidenced", html)
    assert re.search(r"KSS5 Abuse and neglect of children</strong>\s*<strong class=\"tag "
                     r"tag--grey\">Not yet evidenced", html)
    assert "Not yet evidenced" in html and "Responding to neglect" in html
    assert "/learning/frameworks/" in client.get("/learning/").content.decode()


def test_staff_edit_a_framework_with_its_versions_in_the_admin(client, staff, kss):
    client.force_login(staff)
    html = client.get(f"/admin/snippets/courses/competencyframework/edit/{kss.pk}/"
                      ).content.decode()
    assert "Published 2018" in html and "Versions" in html
    assert "Framework coverage" in client.get("/admin/").content.decode()


@freeze_time("2026-11-28")
def test_the_demo_frameworks_have_versions_and_courses_close_kss3_and_kss5(catalogue):
    from courses import demo

    def seed():
        competencies = demo._seed_frameworks()
        demo._seed_courses(catalogue, demo._seed_programmes(), competencies)
        demo._seed_later_versions()

    seed()
    kss = CompetencyFramework.objects.get(name__startswith="Knowledge and skills statement")
    old, new = frameworks.versions_in_order(kss)
    assert (old.effective_until, new.effective_from) == (datetime.date(2027, 3, 31),
                                                         datetime.date(2027, 4, 1))
    for version in (old, new):
        covered = {row.statement.code: [c.title for c in row.courses]
                   for row in frameworks.coverage(version)}
        assert covered["KSS3"] and covered["KSS5"], version
    centre = CompetencyFramework.objects.get(name="Knowledge and skills framework for "
                                                  "supporting families across early help "
                                                  "and targeted services")
    assert [r.statement.code for r in frameworks.coverage(
        frameworks.version_in_force(centre))][:3] == ["EH1", "EH2", "EH3"]
    counts = (Competency.objects.count(), FrameworkVersion.objects.count())
    seed()  # a second run adds nothing
    assert (Competency.objects.count(), FrameworkVersion.objects.count()) == counts


def test_the_course_page_shows_a_new_version_from_its_date_with_no_edit(client, kss, catalogue):
    """The course page keeps its facts in the shared cache until the page tree changes; a
    version taking effect is no change of any page, so the day is part of the key."""
    course = make_course(catalogue, title="Child development")
    map_course(course, statement(kss, "KSS3"))
    with freeze_time("2026-11-28"):
        new = frameworks.map_new_version(kss, label="From 1 April 2027",
                                         effective_from=datetime.date(2027, 4, 1))
        Competency.objects.filter(version=new, code="KSS3").update(
            statement="Child development, as revised")
    with freeze_time("2027-03-31 12:00"):
        page = client.get(course.url).content.decode()
        assert "Child development, as revised" not in page
    with freeze_time("2027-04-01 12:00"):
        page = client.get(course.url).content.decode()
        assert "Child development, as revised" in page
