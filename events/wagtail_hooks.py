"""Admin wiring for events: venues, bookings (filter, export), feedback, and links from each
event page to its bookings, register and sign-in sheet."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.permissions import RecordPermissionPolicy
from events import services
from events.models import EventBooking, EventFeedback, EventPage, Venue


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

    def get_queryset(self, request):
        return EventBooking.objects.select_related("user", "user__organisation", "event")


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
    items = (EventBookingViewSet, EventFeedbackViewSet, VenueViewSet)
    menu_icon = "date"
    menu_label = "Events"
    menu_name = "events"


@hooks.register("register_admin_viewset")
def register_viewset():
    return EventsGroup()


@hooks.register("register_page_listing_buttons")
def event_buttons(page, user, next_url=None):
    if isinstance(page.specific_deferred if hasattr(page, "specific_deferred") else page,
                  EventPage):
        yield wagtailadmin_widgets.PageListingButton(
            "Bookings", reverse("events:staff_event", args=[page.pk]), priority=60
        )
        yield wagtailadmin_widgets.PageListingButton(
            "Register", reverse("events:register", args=[page.pk]), priority=61
        )
        yield wagtailadmin_widgets.PageListingButton(
            "Sign-in sheet", reverse("events:sign_in_sheet", args=[page.pk]), priority=62
        )


@hooks.register("after_publish_page")
def announce_changes(request, page):
    """Staff moved an event's time or place: tell everyone booked, with an updated .ics."""
    if isinstance(page.specific, EventPage):
        services.announce_event_changes(page.specific, by=request.user)


@hooks.register("register_protected_records")
def bookings_held_by_pages(page_ids):
    """Event pages with bookings are unpublished, not deleted (the kernel's
    before_delete_page rule asks)."""
    return [("event bookings", EventBooking.objects.filter(event_id__in=page_ids).count())]
