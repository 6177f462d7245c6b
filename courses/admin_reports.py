"""Admin reports on learning: course completion, and the training matrix for any team or
organisation (built by the same `courses.reports.training_matrix` the team manager's page
uses)."""

import datetime
import statistics
from types import SimpleNamespace

from django.db.models import Case, Count, Exists, F, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce, Concat
from django.utils import timezone

from cms.models import User
from cms.reports.base import (
    ALL,
    EVERYONE,
    Column,
    DaysBetween,
    ProgrammeReportView,
    count_of,
    median_of,
    percent,
)
from courses.models import Certificate, CoursePage, Enrolment, KnowledgeCheckAttempt
from courses.reports import matrix_courses, training_matrix

EXPIRING_DAYS = 90

def course_completion_queryset(*, enrolments_q=ALL, people=EVERYONE, programme=None,
                               today=None):
    """Courses annotated with enrolled, in_progress, completed, completion_rate,
    median_days and expiring_certificates. `enrolments_q` narrows the enrolments counted
    (e.g. by enrolment date); `people` (cms.reports.base.People) the learners. The
    first-attempt pass rate comes from first_attempt_pass_rates()."""
    today = today or timezone.localdate()
    enrolments = Enrolment.objects.filter(enrolments_q, people.at("user__"))
    completed = enrolments.filter(status=Enrolment.Status.COMPLETED,
                                  completed_at__isnull=False)
    courses = CoursePage.objects.all()
    if programme is not None:
        courses = courses.filter(programme=programme)
    return (
        courses.only("id", "title", "programme__name").select_related("programme")
        .annotate(
            enrolled=count_of(enrolments, inner="course"),
            in_progress=count_of(enrolments.filter(status=Enrolment.Status.ACTIVE),
                                 inner="course"),
            completed=count_of(completed, inner="course"),
        )
        .annotate(
            completion_rate=percent("completed", "enrolled"),
            median_days=median_of(completed, "course",
                                  DaysBetween("enrolled_at", "completed_at")),
            expiring_certificates=count_of(
                Certificate.objects.filter(
                    people.at("user__"), revoked_at__isnull=True, expires_on__gte=today,
                    expires_on__lte=today + datetime.timedelta(days=EXPIRING_DAYS)),
                inner="course"),
        )
        .order_by("title", "pk")
    )


def deleted_course_rows(*, enrolments_q=ALL, people=EVERYONE, today=None):
    """The course completion figures of courses whose page was deleted, from the
    enrolments' own snapshot of the title (the records outlive the page): one row per
    title, labelled "(deleted)", with the same fields as course_completion_queryset."""
    today = today or timezone.localdate()
    enrolments = Enrolment.objects.filter(enrolments_q, people.at("user__"),
                                          course__isnull=True)
    rows = {}
    for title, status, enrolled_at, completed_at in enrolments.values_list(
            "course_title", "status", "enrolled_at", "completed_at"):
        row = rows.setdefault(title, {"enrolled": 0, "in_progress": 0, "completed": 0,
                                      "days": []})
        row["enrolled"] += 1
        if status == Enrolment.Status.ACTIVE:
            row["in_progress"] += 1
        elif status == Enrolment.Status.COMPLETED and completed_at:
            row["completed"] += 1
            row["days"].append((completed_at - enrolled_at).days)
    expiring = dict(
        Certificate.objects.filter(
            people.at("user__"), course__isnull=True, course_title__in=list(rows),
            revoked_at__isnull=True, expires_on__gte=today,
            expires_on__lte=today + datetime.timedelta(days=EXPIRING_DAYS))
        .order_by().values("course_title").annotate(n=Count("pk"))
        .values_list("course_title", "n"))
    return [
        SimpleNamespace(
            pk=None, title=title, course_label=f"{title} (deleted)", programme_name="",
            enrolled=row["enrolled"], in_progress=row["in_progress"],
            completed=row["completed"],
            completion_rate=round(100 * row["completed"] / row["enrolled"], 1)
            if row["enrolled"] else None,
            median_days=statistics.median(row["days"]) if row["days"] else None,
            expiring_certificates=expiring.get(title, 0),
        )
        for title, row in sorted(rows.items())
    ]


def first_attempt_pass_rates(course_ids, *, enrolments_q=ALL, people=EVERYONE):
    """{course id: percentage of first attempts passed} for the given courses; a course
    with no attempts is absent. `enrolments_q` narrows the attempts by their enrolment
    (lookups from the attempt, e.g. `enrolment__enrolled_at`); `people` to its learners.

    A first attempt is an enrolment's lowest-numbered attempt at a knowledge check, so a
    check retaken counts once, as first tried. One grouped aggregate query: attempts with
    no earlier attempt at the same check in the same enrolment (an anti-join the database
    runs as a single hash join), joined to their enrolment's course and counted per
    course."""
    earlier = KnowledgeCheckAttempt.objects.filter(
        enrolment=OuterRef("enrolment"), check_id=OuterRef("check_id"), pk__lt=OuterRef("pk"))
    rates = (
        KnowledgeCheckAttempt.objects
        .filter(~Exists(earlier), enrolments_q, people.at("enrolment__user__"),
                enrolment__course_id__in=course_ids)
        .order_by().values("enrolment__course_id")
        .annotate(rate=percent(Count("pk", filter=Q(passed=True)), Count("pk")))
        .values_list("enrolment__course_id", "rate")
    )
    return dict(rates)


class CourseCompletionReport(ProgrammeReportView):
    name = "course_completion"
    page_title = "Course completion"
    model = CoursePage
    filter_names = ("date", "organisation", "team", "programme")
    date_label = "Enrolled"
    export_filename = "course-completion"
    description = (
        "Per course: the enrolments made in the dates chosen (all dates if none) by learners "
        "in the organisation and team chosen. Completion rate is completed as a percentage of "
        "enrolled; median days runs from enrolment to completion; the first-attempt pass rate "
        "counts each learner's first attempt at each knowledge check; certificates expiring "
        f"are valid ones that expire in the next {EXPIRING_DAYS} days."
    )
    columns_spec = [
        Column("course_label", "Course"),
        Column("programme_name", "Programme"),
        Column("enrolled", "Enrolled", "int"),
        Column("in_progress", "In progress", "int"),
        Column("completed", "Completed", "int"),
        Column("completion_rate", "Completion rate (%)", "rate"),
        Column("median_days", "Median days to complete", "days"),
        Column("first_attempt_pass_rate", "First-attempt pass rate (%)", "rate"),
        Column("expiring_certificates", f"Certificates expiring in {EXPIRING_DAYS} days", "int"),
    ]

    def get_report_queryset(self):
        """Every course page, the unpublished labelled so, then every deleted course
        anyone enrolled on, from the records' snapshots."""
        courses = course_completion_queryset(
            enrolments_q=self.in_period("enrolled_at"),
            people=self.people,
            programme=self.filter_values.get("programme"),
        ).annotate(
            programme_name=Coalesce(F("programme__name"), Value("")),
            course_label=Case(When(live=True, then=F("title")),
                              default=Concat(F("title"), Value(" (unpublished)"))),
        )
        if self.filter_values.get("programme"):
            return courses  # a deleted course's programme is not known
        return [*courses, *deleted_course_rows(
            enrolments_q=self.in_period("enrolled_at"), people=self.people)]

    def decorate_paginated_queryset(self, object_list):
        courses = list(object_list)
        rates = first_attempt_pass_rates(
            [course.pk for course in courses],
            enrolments_q=self.in_period("enrolment__enrolled_at"), people=self.people)
        for course in courses:
            course.first_attempt_pass_rate = rates.get(course.pk)
        return super().decorate_paginated_queryset(courses)


class TrainingMatrixReport(ProgrammeReportView):
    """People of the chosen team or organisation against every live course (or the chosen
    programme's). Each page of people goes through courses.reports.training_matrix, the same
    query code as the team manager's matrix."""

    name = "training_matrix"
    page_title = "Training matrix"
    model = User
    filter_names = ("organisation", "team", "programme")
    export_filename = "training-matrix"
    description = (
        "Choose a team or an organisation. Each cell shows the person's state on the course: "
        "not started, assigned, in progress (with the share of required modules done), "
        "completed (with the date), overdue, expiring soon or expired."
    )

    def courses(self):
        if not hasattr(self, "_courses"):
            self._courses = matrix_courses(programme=self.filter_values.get("programme"))
        return self._courses

    def get_columns(self):
        return [Column("name", "Name"), Column("email", "Email"), Column("team_name", "Team")] + [
            Column(f"course_{course.column_key}", course.column_label)
            for course in self.courses()
        ]

    def get_report_queryset(self):
        if not (self.filter_values.get("organisation") or self.filter_values.get("team")):
            return User.objects.none()
        return (User.objects.filter(self.people.at(""), is_active=True)
                .select_related("team").order_by("full_name", "email"))

    @property
    def no_results_message(self):
        if not (self.filter_values.get("organisation") or self.filter_values.get("team")):
            return "Choose a team or an organisation to see its training matrix."
        return "Nobody in this team or organisation."

    def _matrix_rows(self, users):
        matrix = training_matrix(users, self.courses())
        rows = []
        for row in matrix["rows"]:
            user = row["user"]
            values = {"name": user.get_full_name(), "email": user.email,
                      "team_name": user.team.name if user.team else ""}
            for cell in row["cells"]:
                label = cell["label"] + (f" ({cell['detail']})" if cell["detail"] else "")
                values[f"course_{cell['course'].column_key}"] = label
            rows.append(values)
        return rows

    def decorate_paginated_queryset(self, object_list):
        rows = self._matrix_rows(list(object_list))
        if self.is_export:
            return rows
        return super().decorate_paginated_queryset(rows)
