"""Partner authority engagement: per organisation, its Ofsted judgement, registered leaders,
secondments completed, mentoring sessions held, event attendances, courses completed and the
date of its last activity. Authorities judged inadequate or requiring improvement come first."""

import datetime

from django.db.models import Case, DateTimeField, IntegerField, Max, Q, Value, When
from django.db.models.functions import Coalesce, Greatest, NullIf

from cms import roles
from cms.models import Organisation, User
from cms.reports.base import Column, ProgrammeReportView, aggregate_of, count_of

NEVER = datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC)

SUPPORT_ORDER = Case(
    When(ofsted_judgement=Organisation.Ofsted.INADEQUATE, then=Value(0)),
    When(ofsted_judgement=Organisation.Ofsted.REQUIRES_IMPROVEMENT, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def _latest(queryset, inner, field):
    return Coalesce(aggregate_of(queryset, inner, Max(field)), Value(NEVER),
                    output_field=DateTimeField())


def engagement_queryset(*, period=lambda field: Q(), organisation=None):
    """Partner organisations (not the host) annotated with the engagement figures.
    `period(field)` returns the Q narrowing a record's date field to the dates chosen."""
    from courses.models import Enrolment
    from events.models import EventBooking
    from secondments.models import MentoringBooking, SecondmentApplication

    completions = Enrolment.objects.filter(period("completed_at"),
                                           status=Enrolment.Status.COMPLETED)
    attendances = EventBooking.objects.filter(period("event_start"),
                                              status=EventBooking.Status.ATTENDED)
    sessions = MentoringBooking.objects.filter(period("slot__starts_at"),
                                               status=MentoringBooking.Status.HELD)
    applications = SecondmentApplication.objects.filter(period("created_at"))
    organisations = Organisation.objects.filter(is_host_authority=False)
    if organisation is not None:
        organisations = organisations.filter(pk=organisation.pk)
    return (
        organisations.only("id", "name", "ofsted_judgement", "ofsted_judgement_date")
        .annotate(
            support_order=SUPPORT_ORDER,
            registered_leaders=count_of(
                User.objects.filter(groups__name=roles.VISITING_LEADERS), inner="organisation"),
            secondments_completed=count_of(
                applications.filter(status=SecondmentApplication.Status.COMPLETED),
                inner="applicant__organisation"),
            mentoring_held=count_of(sessions, inner="mentee__organisation"),
            event_attendances=count_of(attendances, inner="user__organisation"),
            courses_completed=count_of(completions, inner="user__organisation"),
            last_activity=NullIf(Greatest(
                _latest(completions, "user__organisation", "completed_at"),
                _latest(attendances, "user__organisation", "event_start"),
                _latest(sessions, "mentee__organisation", "slot__starts_at"),
                _latest(applications, "applicant__organisation", "created_at"),
            ), Value(NEVER)),
        )
        .order_by("support_order", "name", "pk")
    )


class EngagementReport(ProgrammeReportView):
    name = "partner_engagement"
    page_title = "Partner authority engagement"
    model = Organisation
    filter_names = ("date", "organisation")
    date_label = "Activity"
    export_filename = "partner-authority-engagement"
    description = (
        "Every partner organisation, those judged inadequate or requiring improvement first. "
        "Activity in the dates chosen: secondment applications made (and completed), "
        "mentoring sessions held, events attended and courses completed by its people. "
        "Registered leaders counts its visiting leaders now."
    )
    columns_spec = [
        Column("name", "Organisation"),
        Column("ofsted", "Ofsted judgement"),
        Column("ofsted_judgement_date", "Judged on", "date"),
        Column("registered_leaders", "Registered leaders", "int"),
        Column("secondments_completed", "Secondments completed", "int"),
        Column("mentoring_held", "Mentoring sessions held", "int"),
        Column("event_attendances", "Event attendances", "int"),
        Column("courses_completed", "Courses completed", "int"),
        Column("last_activity", "Last activity", "date"),
    ]

    def get_report_queryset(self):
        return engagement_queryset(period=self.in_period,
                                   organisation=self.filter_values.get("organisation"))

    def row_values(self, item):
        item.ofsted = item.get_ofsted_judgement_display() if item.ofsted_judgement else \
            "Not inspected"
        return super().row_values(item)
