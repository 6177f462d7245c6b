"""Secondment and mentoring reports: applications per opportunity by status and applicant
organisation with the time to a decision; mentoring slots and sessions per mentor and per
mentee organisation, with feedback. Every figure is a database aggregate."""

from django.db.models import Avg, CharField, Count, F, Q, TextField, Value
from django.db.models.functions import Coalesce, Concat, NullIf

from cms import audit
from cms.models import Organisation
from cms.reports.base import (
    ALL,
    EVERYONE,
    Column,
    DaysBetween,
    ProgrammeReportView,
    StringJoin,
    count_of,
)
from secondments.models import MentoringBooking, MentorProfile, SecondmentApplication

A = SecondmentApplication.Status
M = MentoringBooking.Status
DECISIONS = [f"secondments.application.{status}" for status in (A.OFFERED, A.REJECTED)]

def secondments_queryset(*, applications_q=ALL, people=EVERYONE):
    """One row per opportunity and applicant organisation: applications by status and the
    average days from application to the decision (offered or not successful), counting
    the applications `people` (cms.reports.base.People) made."""
    counts = {
        f"status_{status.value}": Count("pk", distinct=True, filter=Q(status=status))
        for status in A
    }
    return (
        SecondmentApplication.objects.filter(applications_q, people.at("applicant__")).order_by()
        .annotate(decided_at=audit.first_time(SecondmentApplication, DECISIONS))
        .values("opportunity_id", "opportunity_title")
        .annotate(organisation=Coalesce(F("applicant__organisation__name"),
                                        F("organisation_name")))
        .values("opportunity_id", "opportunity_title", "organisation")
        .annotate(
            applications=Count("pk", distinct=True),
            **counts,
            decided=Count("decided_at"),
            days_to_decision=Avg(DaysBetween("created_at", "decided_at")),
        )
        .order_by("opportunity_title", "organisation")
    )


class SecondmentsReport(ProgrammeReportView):
    name = "secondments"
    page_title = "Secondments"
    model = SecondmentApplication
    filter_names = ("date", "organisation", "team")
    date_label = "Applied"
    export_filename = "secondments"
    description = (
        "Applications made in the dates chosen, per opportunity and applicant organisation, "
        "by their status now. Days to decision run from the application to the offer or the "
        "'not successful' decision."
    )
    columns_spec = [
        Column("opportunity_title", "Opportunity"),
        Column("organisation", "Applicant organisation"),
        Column("applications", "Applications", "int"),
        *[Column(f"status_{status.value}", status.label, "int") for status in A],
        Column("decided", "Decided", "int"),
        Column("days_to_decision", "Average days to decision", "days"),
    ]

    def get_report_queryset(self):
        return secondments_queryset(applications_q=self.in_period("created_at"),
                                    people=self.people)


def _feedback(bookings, inner):
    from cms.reports.base import aggregate_of

    text = Concat(F("mentee__full_name"), Value(": "), F("mentee_feedback"),
                  output_field=TextField())
    return Coalesce(aggregate_of(bookings.exclude(mentee_feedback=""), inner, StringJoin(text)),
                    Value(""), output_field=TextField())


def mentoring_by_mentor_queryset(*, slots_q=ALL, bookings_q=ALL, people=EVERYONE):
    """Mentors annotated with slots offered (in the period) and their bookings booked,
    held, not held, cancelled, and feedback. `slots_q` narrows slots (e.g. by starts_at),
    `bookings_q` the bookings (e.g. by slot__starts_at), `people` the mentees counted."""
    from secondments.models import MentoringSlot

    bookings = MentoringBooking.objects.filter(bookings_q, people.at("mentee__"))
    return (
        MentorProfile.objects.select_related("user").only("id", "user__full_name",
                                                          "user__email", "role")
        .annotate(
            mentor_name=Coalesce(NullIf(F("user__full_name"), Value("")), F("user__email"),
                                 output_field=CharField()),
            slots_offered=count_of(MentoringSlot.objects.filter(slots_q), inner="mentor"),
            booked=count_of(bookings.filter(status__in=MentoringBooking.ACTIVE),
                            inner="slot__mentor"),
            held=count_of(bookings.filter(status=M.HELD), inner="slot__mentor"),
            not_held=count_of(bookings.filter(status=M.NOT_HELD), inner="slot__mentor"),
            cancelled=count_of(bookings.filter(status=M.CANCELLED), inner="slot__mentor"),
            feedback_count=count_of(bookings.exclude(mentee_feedback=""),
                                    inner="slot__mentor"),
            feedback=_feedback(bookings, "slot__mentor"),
        )
        .order_by("user__full_name", "pk")
    )


def mentoring_by_organisation_queryset(*, bookings_q=ALL, people=EVERYONE):
    """Mentee organisations annotated with sessions booked, held, not held, cancelled and
    feedback (only organisations whose people booked, and of those only `people`)."""
    bookings = MentoringBooking.objects.filter(bookings_q, people.at("mentee__"))
    organisations = Organisation.objects.filter(
        pk__in=bookings.values("mentee__organisation"))
    return (
        organisations.only("id", "name")
        .annotate(
            booked=count_of(bookings.filter(status__in=MentoringBooking.ACTIVE),
                            inner="mentee__organisation"),
            held=count_of(bookings.filter(status=M.HELD), inner="mentee__organisation"),
            not_held=count_of(bookings.filter(status=M.NOT_HELD),
                              inner="mentee__organisation"),
            cancelled=count_of(bookings.filter(status=M.CANCELLED),
                               inner="mentee__organisation"),
            feedback_count=count_of(bookings.exclude(mentee_feedback=""),
                                    inner="mentee__organisation"),
            feedback=_feedback(bookings, "mentee__organisation"),
        )
        .order_by("name", "pk")
    )


MENTORING_DESCRIPTION = (
    "Sessions whose slot starts in the dates chosen. Booked counts every booking that was not "
    "cancelled (booked, held or did not take place). Choosing an organisation or team counts "
    "only its people's bookings."
)


class MentoringReport(ProgrammeReportView):
    name = "mentoring"
    page_title = "Mentoring by mentor"
    model = MentorProfile
    filter_names = ("date", "organisation", "team")
    date_label = "Session"
    export_filename = "mentoring-by-mentor"
    description = MENTORING_DESCRIPTION + " Slots offered counts the mentor's slots starting in those dates."
    columns_spec = [
        Column("mentor_name", "Mentor"),
        Column("role", "Role"),
        Column("slots_offered", "Slots offered", "int"),
        Column("booked", "Booked", "int"),
        Column("held", "Held", "int"),
        Column("not_held", "Did not take place", "int"),
        Column("cancelled", "Cancelled", "int"),
        Column("feedback_count", "Feedback given", "int"),
        Column("feedback", "Feedback"),
    ]

    def get_report_queryset(self):
        return mentoring_by_mentor_queryset(slots_q=self.in_period("starts_at"),
                                            bookings_q=self.in_period("slot__starts_at"),
                                            people=self.people)


class MentoringByOrganisationReport(ProgrammeReportView):
    name = "mentoring_organisations"
    page_title = "Mentoring by mentee organisation"
    model = Organisation
    filter_names = ("date", "organisation", "team")
    date_label = "Session"
    export_filename = "mentoring-by-organisation"
    description = MENTORING_DESCRIPTION
    columns_spec = [
        Column("name", "Mentee organisation"),
        Column("booked", "Booked", "int"),
        Column("held", "Held", "int"),
        Column("not_held", "Did not take place", "int"),
        Column("cancelled", "Cancelled", "int"),
        Column("feedback_count", "Feedback given", "int"),
        Column("feedback", "Feedback"),
    ]

    def get_report_queryset(self):
        return mentoring_by_organisation_queryset(bookings_q=self.in_period("slot__starts_at"),
                                                  people=self.people)
