"""Rules of competency frameworks that change over time.

A framework has versions, each with its dates and its own statements. Courses map to the
statements of a version. A new version is mapped from the old (`map_new_version`): each
statement is carried forward with a link to the one it came from, and every course that
evidenced the old statement evidences the new one, so nobody's completion loses its
evidence. Coverage (which courses evidence each statement, and the gaps) and a person's
profile (the statements their completions evidence) are read here too."""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from cms.locking import lock
from courses.models import (
    Certificate,
    Competency,
    CompetencyFramework,
    CoursePage,
    FrameworkVersion,
)


class FrameworkError(Exception):
    pass


def versions_in_order(framework):
    return list(framework.versions.order_by(F("effective_from").asc(nulls_first=True), "pk"))


def latest_version(framework):
    versions = versions_in_order(framework)
    return versions[-1] if versions else None


def version_in_force(framework, on=None):
    """The version in force on a date (today by default): the latest that has started and
    not ended; None if none has."""
    on = on or timezone.localdate()
    in_force = [v for v in versions_in_order(framework) if v.in_force_on(on)]
    return in_force[-1] if in_force else None


def map_new_version(framework, *, label, effective_from):
    """Start a new version of a framework on `effective_from`, mapped from the latest one:
    every statement is copied forward (code, wording, order) with `carried_from` pointing to
    the old statement, each course mapped to an old statement is mapped to its copy, and the
    old version ends the day before. Staff then edit the new version's wording."""
    with transaction.atomic():
        framework = lock(framework)
        previous = latest_version(framework)
        if previous is not None and previous.effective_from and (
                effective_from <= previous.effective_from):
            raise FrameworkError("A new version must start after the version before it.")
        if framework.versions.filter(label=label).exists():
            raise FrameworkError(f"{framework.name} already has a version called {label}.")
        version = FrameworkVersion.objects.create(
            framework=framework, label=label, effective_from=effective_from,
            sort_order=((previous.sort_order or 0) + 1) if previous else 0)
        if previous is None:
            return version
        if previous.effective_until is None or previous.effective_until >= effective_from:
            previous.effective_until = effective_from - datetime.timedelta(days=1)
            previous.save(update_fields=["effective_until"])
        Mapping = CoursePage.competencies.through
        for old in previous.competencies.order_by("sort_order", "pk"):
            new = Competency.objects.create(
                framework=framework, version=version, carried_from=old, code=old.code,
                statement=old.statement, sort_order=old.sort_order)
            Mapping.objects.bulk_create([
                Mapping(coursepage_id=course_id, competency_id=new.pk)
                for course_id in Mapping.objects.filter(competency_id=old.pk)
                .values_list("coursepage_id", flat=True)])
    return version


@dataclass
class StatementCoverage:
    statement: Competency
    courses: list = field(default_factory=list)

    @property
    def is_gap(self):
        return not self.courses


def coverage(version):
    """Each statement of a version with the live courses that evidence it; a statement
    no course evidences is a gap."""
    statements = list(version.competencies.order_by("sort_order", "pk")
                      .prefetch_related("courses"))
    return [StatementCoverage(s, sorted((c for c in s.courses.all() if c.live),
                                        key=lambda c: c.title))
            for s in statements]


def statement_choices(on=None):
    """The statements of each framework's version in force, for the catalogue's filter:
    [(framework name, [(pk, "KSS3 Child development"), ...])]."""
    versions = versions_in_force(on)
    statements = {}
    for s in (Competency.objects.filter(version__in=[v.pk for v in versions.values()])
              .order_by("sort_order", "pk")):
        statements.setdefault(s.version_id, []).append((s.pk, f"{s.code} {s.statement}"))
    return [(framework.name, statements.get(version.pk, []))
            for framework, version in versions.items()]


def versions_in_force(on=None):
    """{framework: its version in force}, frameworks by name, in two queries."""
    found = {}
    for framework in CompetencyFramework.objects.prefetch_related("versions"):
        in_force = sorted((v for v in framework.versions.all() if v.in_force_on(
            on or timezone.localdate())), key=lambda v: (v.effective_from or datetime.date.min,
                                                         v.pk))
        if in_force:
            found[framework] = in_force[-1]
    return found


def evidenced_statement_ids(user):
    """The statements the person's completed courses evidence (certificates not revoked),
    including every statement carried forward from one they evidence."""
    course_ids = (Certificate.objects.filter(user=user, revoked_at__isnull=True,
                                             course__isnull=False)
                  .values_list("course_id", flat=True))
    evidenced = set(Competency.objects.filter(courses__in=course_ids)
                    .values_list("pk", flat=True))
    frontier = evidenced
    while frontier:
        frontier = set(Competency.objects.filter(carried_from__in=frontier)
                       .values_list("pk", flat=True)) - evidenced
        evidenced |= frontier
    return evidenced


def profile_for(user, on=None):
    """For each framework, the version in force and each of its statements with whether the
    person's completions evidence it: [(framework, version, [(statement, bool)])]."""
    evidenced = evidenced_statement_ids(user)
    versions = versions_in_force(on)
    statements = {}
    for s in (Competency.objects.filter(version__in=[v.pk for v in versions.values()])
              .order_by("sort_order", "pk")):
        statements.setdefault(s.version_id, []).append(s)
    return [(framework, version, [(s, s.pk in evidenced)
                                  for s in statements.get(version.pk, [])])
            for framework, version in versions.items()]


def live_courses_for_statements(statement_ids):
    """{statement id: [live courses that evidence it]}, in one query."""
    Mapping = CoursePage.competencies.through
    found = {}
    for row in (Mapping.objects.filter(competency_id__in=statement_ids,
                                       coursepage__live=True)
                .select_related("coursepage").order_by("coursepage__title")):
        found.setdefault(row.competency_id, []).append(row.coursepage)
    return found
