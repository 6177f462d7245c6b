"""Read-only views of learning built from a fixed number of aggregate queries, however
many people, courses or modules there are. The team matrix here is what the admin report
reuses."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from cms.page_cache import shared_fragment
from courses.models import (
    Assignment,
    Certificate,
    CoursePage,
    ELearningAttempt,
    Enrolment,
    ModulePage,
)
from courses.services import DUE_SOON_DAYS, EXPIRY_NOTICE_DAYS, completed_assignment_ids

STEPLEN = 4  # Wagtail's treebeard path step


def required_module_counts(courses):
    """{course id: number of live required modules}, from the shared cache of counts
    (one query per change of the page tree)."""
    by_course_path = shared_fragment("required-modules-by-course", _required_modules_by_path)
    return {c.pk: by_course_path.get(c.path, 0) for c in courses}


def _required_modules_by_path():
    counts = {}
    paths = ModulePage.objects.live().filter(required=True).values_list("path", flat=True)
    for path in paths:
        counts[path[:-STEPLEN]] = counts.get(path[:-STEPLEN], 0) + 1
    return counts


def _active_enrolments(users_filter, course_ids=None):
    queryset = Enrolment.objects.filter(status=Enrolment.Status.ACTIVE, **users_filter)
    if course_ids is not None:
        queryset = queryset.filter(course_id__in=course_ids)
    return queryset.annotate(done=Count(
        "module_completions", distinct=True,
        filter=Q(module_completions__module__required=True,
                 module_completions__module__live=True),
    ))


def _percent(done, total):
    return min(100, round(100 * done / total)) if total else 0


def _certificate_state(certificate, today):
    status = certificate.status(today)
    if status == Certificate.Status.REVOKED:
        return "Revoked", "grey"
    if status == Certificate.Status.SUPERSEDED:
        return "Superseded", "grey"
    if status == Certificate.Status.EXPIRED:
        return "Expired", "red"
    if certificate.expires_on and certificate.expires_on <= today + datetime.timedelta(
            days=EXPIRY_NOTICE_DAYS):
        return "Expiring soon", "yellow"
    return "Completed", "green"


class DeletedCourse:
    """A matrix column for a course whose page was deleted: what is left of it is the title
    its records (enrolments, certificates) kept."""

    pk = None
    path = ""
    live = False

    def __init__(self, title):
        self.title = title
        self.column_key = f"deleted:{title}"
        self.column_label = f"{title} (deleted)"


class MatrixColumn:
    """A matrix column: what the matrix, its totals and its exports read of a course (a
    course page is heavy to build, and a matrix has hundreds of columns)."""

    def __init__(self, pk, title, path, live):
        self.pk, self.title, self.path, self.live = pk, title, path, live
        self.column_key = pk
        self.column_label = title if live else f"{title} (unpublished)"


def _label(course):
    return MatrixColumn(course.pk, course.title, course.path, course.live)


def _live_columns(programme):
    courses = CoursePage.objects.live().order_by("title", "pk")
    if programme:
        courses = courses.filter(programme=programme)
    return [MatrixColumn(pk, title, path, True)
            for pk, title, path in courses.values_list("pk", "title", "path")]


def matrix_courses(programme=None, live_courses=None):
    """The matrix's columns: the live courses (or `live_courses`, e.g. one page of them),
    then every course someone completed that is no longer live: unpublished pages
    (labelled "unpublished") and deleted ones (labelled "deleted", by their records' own
    title). A completion never drops out of a matrix."""
    if live_courses is None:
        # The same for everyone until the page tree changes (cms.page_cache, path 1).
        key = getattr(programme, "pk", programme) or ""
        columns = shared_fragment(f"matrix-columns:{key}", lambda: _live_columns(programme))
    else:
        columns = [_label(c) for c in live_courses]
    completed = Certificate.objects.all()
    # EXISTS, one index probe per unpublished course; `IN (every certificate's course)`
    # made SQLite list all the certificates first. Read every time: a certificate can be
    # issued on a course that is no longer published.
    retired = CoursePage.objects.not_live().filter(
        Exists(completed.filter(course_id=OuterRef("pk"))))
    if programme:
        retired = retired.filter(programme=programme)
    columns += [_label(c) for c in retired.order_by("title", "pk")
                .only("id", "title", "path", "depth", "live")]
    if not programme:
        titles = (completed.filter(course__isnull=True).order_by("course_title")
                  .values_list("course_title", flat=True).distinct())
        columns += [DeletedCourse(title) for title in titles]
    return columns


def _key(course_id, course_title):
    return course_id if course_id is not None else f"deleted:{course_title}"


def _certificate_detail(certificate, label):
    if label == "Revoked":
        return f"Issued {certificate.issued_on:%-d %b %Y}"
    if label == "Expired":
        return f"Expired {certificate.expires_on:%-d %b %Y}"
    if certificate.expires_on:
        return f"Expires {certificate.expires_on:%-d %b %Y}"
    return f"Completed {certificate.issued_on:%-d %b %Y}"


def _latest_certificates(user_ids, course_ids, deleted_titles):
    """Each person's latest certificate per course (by issue date, then id): one row per
    cell, however many times the course has been renewed."""
    from django.db.models import Exists, OuterRef

    later = Certificate.objects.filter(user_id=OuterRef("user_id")).filter(
        Q(issued_on__gt=OuterRef("issued_on"))
        | Q(issued_on=OuterRef("issued_on"), pk__gt=OuterRef("pk")))
    return Certificate.objects.filter(user_id__in=user_ids).filter(
        Q(course_id__in=course_ids) & ~Exists(later.filter(course_id=OuterRef("course_id")))
        | Q(course__isnull=True, course_title__in=deleted_titles)
        & ~Exists(later.filter(course__isnull=True, course_title=OuterRef("course_title"))))


def training_matrix(users_queryset, courses_queryset, today=None):
    """Members x courses: each cell says not started, in progress (with %), completed (with
    date), overdue, assigned, or that the certificate is expiring or expired. Columns may
    include courses no longer live (see matrix_courses)."""
    today = today or timezone.localdate()
    users = list(users_queryset)
    courses = [c if hasattr(c, "column_key") else _label(c) for c in courses_queryset]
    user_ids = [u.pk for u in users]
    course_ids = [c.pk for c in courses if c.pk is not None]
    deleted_titles = [c.title for c in courses if c.pk is None]
    required = required_module_counts([c for c in courses if c.pk is not None])
    active = {(e.user_id, e.course_id): e for e in _active_enrolments(
        {"user_id__in": user_ids}, course_ids)}
    latest_certificate = {}
    for certificate in _latest_certificates(user_ids, course_ids, deleted_titles):
        key = _key(certificate.course_id, certificate.course_title)
        latest_certificate[(certificate.user_id, key)] = certificate
    assignments = list(Assignment.objects.filter(user_id__in=user_ids, course_id__in=course_ids))
    done_assignments = completed_assignment_ids(assignments)
    assignment_for = {(a.user_id, a.course_id): a for a in assignments}
    rows = []
    for user in users:
        cells = []
        for course in courses:
            key = (user.pk, course.column_key)
            cell = {"course": course, "label": "Not started", "tag": "grey", "detail": "",
                    "state": ""}
            assignment = assignment_for.get(key)
            certificate = latest_certificate.get(key)
            enrolment = active.get(key)
            if assignment and assignment.pk not in done_assignments:
                cell["assignment"] = assignment
            if enrolment is not None:
                percent = _percent(enrolment.done, required.get(course.pk, 0))
                cell.update(label="In progress", tag="yellow", detail=f"{percent}%",
                            percent=percent)
            elif certificate is not None:
                label, tag = _certificate_state(certificate, today)
                cell.update(label=label, tag=tag, detail=_certificate_detail(certificate, label),
                            state={"Expiring soon": "expiring"}.get(label, ""))
            if assignment and assignment.pk not in done_assignments:
                # Each date says what it is: "Overdue since", "Due", "Expires".
                if assignment.due_on < today:
                    cell.update(label="Overdue", tag="red", state="overdue",
                                detail=f"Overdue since {assignment.due_on:%-d %b %Y}"
                                + (f", {cell['detail']}" if enrolment else ""))
                else:
                    if assignment.due_on <= today + datetime.timedelta(days=DUE_SOON_DAYS):
                        cell["state"] = "due_soon"
                    if enrolment is None:
                        cell.update(label="Assigned", tag="purple",
                                    detail=f"Due {assignment.due_on:%-d %b %Y}")
                    else:
                        cell["detail"] += f", due {assignment.due_on:%-d %b %Y}"
            cells.append(cell)
        rows.append({"user": user, "cells": cells})
    return {"courses": courses, "rows": rows}


# What a link to a course needs ({% pageurl %} reads no more). A course page row has dozens
# of columns; joining and loading them all was most of My learning's cost.
COURSE_LINK_FIELDS = ("course__url_path", "course__title", "course__path", "course__depth")


def _with_course_link(queryset):
    own = [field.name for field in queryset.model._meta.concrete_fields]
    return queryset.select_related("course").only(*own, *COURSE_LINK_FIELDS)


def my_learning(user, today=None):
    """A learner's own page: in progress, assigned, completed, certificates, expiring."""
    today = today or timezone.localdate()
    active = list(_with_course_link(_active_enrolments({"user": user})).order_by(
        "-enrolled_at"))
    courses = [e.course for e in active if e.course is not None]
    required = required_module_counts(courses)
    in_progress = [{"enrolment": e,
                    "percent": _percent(e.done, required.get(e.course_id, 0))}
                   for e in active]
    assignments = list(_with_course_link(Assignment.objects.filter(user=user))
                       .order_by("due_on"))
    done = completed_assignment_ids(assignments)
    assigned = [{"assignment": a, "overdue": a.due_on < today} for a in assignments
                if a.pk not in done]
    certificates = list(_with_course_link(Certificate.objects.filter(user=user))
                        .order_by("-issued_on", "-pk"))
    certificate_rows = []
    for certificate in certificates:
        label, tag = _certificate_state(certificate, today)
        label = "Valid" if label == "Completed" else label
        certificate_rows.append({"certificate": certificate, "label": label, "tag": tag})
    latest_by_course = {}
    for certificate in reversed(certificates):
        latest_by_course[certificate.course_title] = certificate
    expiring = [c for c in latest_by_course.values()
                if c.status(today) == Certificate.Status.VALID and c.expires_on
                and c.expires_on <= today + datetime.timedelta(days=EXPIRY_NOTICE_DAYS)]
    completed = list(Enrolment.objects.filter(user=user, status=Enrolment.Status.COMPLETED)
                     .order_by("-completed_at"))  # shown by their snapshot titles
    elearning = list(ELearningAttempt.objects.filter(enrolment__user=user)
                     .select_related("enrolment").order_by("-updated_at", "-pk")[:50])
    return {"in_progress": in_progress, "assigned": assigned, "completed": completed,
            "certificates": certificate_rows, "expiring": expiring, "elearning": elearning}
