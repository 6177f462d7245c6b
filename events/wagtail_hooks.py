"""Admin wiring for events: venues, bookings (filter, export), feedback, and links from each
event page to its bookings, register and sign-in sheet."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from cms import audit, registry
from cms.permissions import RecordPermissionPolicy
from cms.training_activity import (
    TRAINING_ACTIVITY_HOOK,
    TrainingActivity,
    count_per_team_and_period,
)
from events.admin_views import EventDayViewSet
from events.models import EventBooking, EventFeedback, EventPage, Venue
from events.reports import EventsReport


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "home"
    menu_label = "Venues"
    list_display = ["name", "postcode"]
    search_fields = ["name", "address"]


register_permission_policy(EventBooking, RecordPermissionPolicy(EventBooking))
register_permission_policy(EventFeedback, RecordPermissionPolicy(EventFeedback))


class EventBookingViewSet(ModelViewSet):
    model = EventBooking
    icon = "tick-inverse"
    menu_label = "Bookings"
    add_to_admin_menu = False
    list_display = ["reference", "user", "event_title", "event_start", "status", "created_at"]
    list_filter = ["status", "event"]
    list_export = ["reference", "event_title", "event_start", "user.full_name", "user.email",
                   "user.organisation.name", "status", "access_requirements", "created_at"]
    export_headings = {"user.full_name": "Name", "user.email": "Email",
                       "user.organisation.name": "Organisation"}
    search_fields = ["reference", "event_title"]
    ordering = ["-event_start", "pk"]
    # Bookings change only through the booking rules (staff use the event's bookings page).
    form_fields = ["access_requirements"]
    inspect_view_enabled = True
    copy_view_enabled = False
    history_view_class = audit.HistoryView

    def get_queryset(self, request):
        return EventBooking.objects.select_related("user", "user__organisation", "event")


BOOKING_ACTIONS = {
    "events.booking.confirmed": "Place confirmed",
    "events.booking.waitlisted": "Added to the waiting list",
    "events.booking.offered": "Place offered",
    "events.booking.cancelled": "Cancelled",
    "events.booking.offer_expired": "Offer expired",
    "events.booking.attended": "Marked attended",
    "events.booking.no_show": "Marked as not attending",
    "events.booking.event_changed": "Event time or place changed",
}


@hooks.register("register_log_actions")
def register_booking_actions(actions):
    audit.register_actions(actions, BOOKING_ACTIONS, EventBooking.Status)


class EventFeedbackViewSet(ModelViewSet):
    """The feedback form promises answers reach the organisers without the person's name:
    no screen or export here shows the booking (its reference leads to the person)."""

    model = EventFeedback
    icon = "comment"
    menu_label = "Feedback"
    list_display = ["event_title", "rating", "created_at"]
    list_filter = ["rating", "booking__event"]
    list_export = ["booking.event_title", "rating", "most_useful", "do_differently",
                   "created_at"]
    export_headings = {"booking.event_title": "Event"}
    form_fields = ["rating", "most_useful", "do_differently"]
    inspect_view_enabled = True
    inspect_view_fields = ["event_title", "rating", "most_useful", "do_differently",
                           "created_at"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return EventFeedback.objects.select_related("booking")


class EventsGroup(ViewSetGroup):
    items = (EventDayViewSet, EventBookingViewSet, EventFeedbackViewSet, VenueViewSet)
    menu_icon = "date"
    menu_label = "Events"
    menu_name = "events"


@hooks.register("register_admin_viewset")
def register_viewset():
    return EventsGroup()


def _event_day_buttons(page, priority):
    if not isinstance(getattr(page, "specific_deferred", page), EventPage):
        return
    for offset, (name, label, icon) in enumerate((
            ("register", "Register", "tick-inverse"),
            ("capacity", "Bookings and places", "group"),
            ("sign_in_sheet", "Sign-in sheet (PDF)", "doc-full"))):
        yield MenuItem(label, reverse(f"events_admin:{name}", args=[page.pk]), icon_name=icon,
                       priority=priority + offset)


@hooks.register("register_page_listing_buttons")
def event_listing_buttons(page, user, next_url=None):
    yield from _event_day_buttons(page, 60)


@hooks.register("register_page_header_buttons")
def event_header_buttons(page, user, view_name, next_url=None):
    """On the event's own admin page: its register, bookings and sign-in sheet."""
    yield from _event_day_buttons(page, 5)


@hooks.register(TRAINING_ACTIVITY_HOOK)
def register_event_training():
    """Events attended per team and period (programme outcomes show them beside each
    cluster's figures)."""
    attended = EventBooking.objects.filter(status=EventBooking.Status.ATTENDED)
    return [TrainingActivity(
        "event_attendances", "Events attended",
        lambda team_ids, periods: count_per_team_and_period(
            attended, team="user__team", when="event_start", team_ids=team_ids,
            periods=periods),
        20)]


@hooks.register("register_home_panels")
def home_panels(request):
    from events.home import home_panels

    return home_panels(request)


@hooks.register("register_my_bookings")
def my_bookings(request):
    from events.home import booking_lines

    return booking_lines(request)


@hooks.register("register_search_results")
def search_results(request, query):
    from events.home import search_results

    return search_results(request, query)


@hooks.register("register_protected_records")
def bookings_held_by_pages(page_ids):
    """Event pages with bookings are unpublished, not deleted (the kernel's
    before_delete_page rule asks)."""
    return [("event bookings", EventBooking.objects.filter(event_id__in=page_ids).count())]


@hooks.register("register_notification_attachments")
def notification_attachments():
    """The .ics file a booking email carries, rendered by the notification task."""
    from events.calendar import booking_ics

    return {"event-ics": lambda booking, method=None: booking_ics(booking, method=method)}


# --- what events registers with the kernel (cms.registry) ----------------------------------

registry.register_report(EventsReport, "events", "date", order=2)


@hooks.register(registry.DASHBOARD_MEASURES)
def dashboard_measures():
    return [registry.Measure(
        "attendances", "Event attendances",
        EventBooking.objects.filter(status=EventBooking.Status.ATTENDED), "event_start",
        charted=True, order=20)]


@hooks.register(registry.ENGAGEMENT_FIGURES)
def engagement_figures():
    return [registry.EngagementFigure(
        "event_attendances", "Event attendances",
        lambda period: EventBooking.objects.filter(period("event_start"),
                                                   status=EventBooking.Status.ATTENDED),
        "user__organisation", "event_start", order=30)]


@hooks.register(registry.CALENDAR_ENTRIES)
def calendar_entries(user):
    from events.calendar import entries_for

    return entries_for(user)


@hooks.register(registry.PERSONAL_DATA)
def personal_data():
    from events import personal_data

    return registry.PersonalData("events", personal_data.export_for, personal_data.erase_for,
                                 personal_data.purge_expired)


@hooks.register(registry.DEMO_SEEDERS)
def demo_seeder():
    from events import demo

    return demo.seed


@hooks.register("register_api_routes")
def api_routes():
    from cms.api.registry import ApiRoute
    from events import api

    return [ApiRoute("events", api.EventViewSet, "event"),
            ApiRoute("me/bookings", api.MyBookingViewSet, "my-booking")]


@hooks.register(registry.STAFF_TODO)
def staff_todos(request):
    from events.staff_todo import staff_todos

    return staff_todos(request)


@hooks.register(registry.PERSON_BOOKINGS)
def person_bookings(user):
    """A person's event places as their record shows them to staff and their manager:
    what, when and its status, without the booker's own actions."""
    import dataclasses
    import types

    from events.home import booking_lines

    return [dataclasses.replace(line, actions=[], url="")
            for line in booking_lines(types.SimpleNamespace(user=user))]


@hooks.register(registry.ORGANISATION_SUPPORT)
def organisation_support(organisation, since):
    """Events the organisation's people attended."""
    import datetime

    from django.utils import timezone

    attended = (EventBooking.objects.filter(user__organisation=organisation,
                                            status=EventBooking.Status.ATTENDED)
                .select_related("user"))
    if since:
        attended = attended.filter(event_start__gte=datetime.datetime.combine(
            since, datetime.time.min, timezone.get_current_timezone()))
    return [registry.SupportItem(kind="Event", title=b.event_title,
                                 date=timezone.localtime(b.event_start).date(),
                                 person=b.user.get_full_name()) for b in attended]
