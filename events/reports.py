"""The events report: per event capacity, confirmed, waitlisted, attended, no-shows,
attendance rate, average rating and the feedback comments, all counted by the database."""

from django.db.models import Avg, F, TextField, Value
from django.db.models.functions import Coalesce, Concat

from cms.reports.base import (
    ALL,
    EVERYONE,
    Column,
    ProgrammeReportView,
    StringJoin,
    aggregate_of,
    count_of,
    percent,
)
from events.models import EventBooking, EventFeedback, EventPage

S = EventBooking.Status
# A confirmed place: confirmed now, or confirmed and then marked attended or not attended.
HAD_PLACE = [S.CONFIRMED, S.ATTENDED, S.NO_SHOW]

def events_queryset(*, events_q=ALL, people=EVERYONE):
    """Events annotated with confirmed, waitlisted, attended, no_shows, attendance_rate
    (attended as a share of attended + no-shows), average_rating, feedback_count and
    comments. `people` (cms.reports.base.People) narrows the bookings and feedback to
    those its people made."""
    bookings = EventBooking.objects.filter(people.at("user__"))
    feedback = EventFeedback.objects.filter(people.at("booking__user__"))
    # Without the person's name: the feedback form promises organisers see answers so.
    comment = Concat(F("most_useful"), Value(" / "), F("do_differently"),
                     output_field=TextField())
    return (
        EventPage.objects.filter(events_q).only("id", "title", "start", "capacity")
        .annotate(
            confirmed=count_of(bookings.filter(status__in=HAD_PLACE), inner="event"),
            waitlisted=count_of(bookings.filter(status=S.WAITLISTED), inner="event"),
            attended=count_of(bookings.filter(status=S.ATTENDED), inner="event"),
            no_shows=count_of(bookings.filter(status=S.NO_SHOW), inner="event"),
            average_rating=aggregate_of(feedback, "booking__event", Avg("rating")),
            feedback_count=count_of(feedback, inner="booking__event"),
            comments=Coalesce(aggregate_of(
                feedback.exclude(most_useful="", do_differently=""), "booking__event",
                StringJoin(comment)), Value(""), output_field=TextField()),
        )
        .annotate(attendance_rate=percent("attended", F("attended") + F("no_shows")))
        .order_by("-start", "pk")
    )


class EventsReport(ProgrammeReportView):
    name = "events"
    page_title = "Events"
    model = EventPage
    filter_names = ("date", "organisation", "team")
    date_label = "Event starts"
    export_filename = "events"
    description = (
        "Per event starting in the dates chosen. Confirmed counts everyone who had a place "
        "(including those later marked attended or not attended); the attendance rate is "
        "attended as a percentage of attended plus no-shows. Choosing an organisation or "
        "team counts only its people's bookings and feedback."
    )
    columns_spec = [
        Column("title", "Event"),
        Column("start", "Date", "date"),
        Column("capacity", "Capacity", "int"),
        Column("confirmed", "Confirmed", "int"),
        Column("waitlisted", "Waitlisted", "int"),
        Column("attended", "Attended", "int"),
        Column("no_shows", "No-shows", "int"),
        Column("attendance_rate", "Attendance rate (%)", "rate"),
        Column("average_rating", "Average rating (out of 5)", "decimal"),
        Column("feedback_count", "Feedback given", "int"),
        Column("comments", "Feedback comments"),
    ]

    def get_report_queryset(self):
        return events_queryset(events_q=self.in_period("start"), people=self.people)
