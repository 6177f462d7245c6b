"""The admin screens Centre staff run an event's day from: today's events, an event's
bookings and places, its attendance register and its printed sign-in sheet.

They are the views of one viewset (`EventDayViewSet`, URL names `events_admin:*`, wired in
wagtail_hooks.py) like secondment decisions, so the admin's door guards them: admin rights
and MFA in this session (cms.middleware.AdminAccessMiddleware). Every change goes through
events.services; a broken rule comes back as a message, never a server error."""

import datetime
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from cms.limits import NAME as MAX_QUERY
from cms.pdf import render_pdf
from events import services
from events.forms import AttendanceForm, CancelEventForm, CapacityForm
from events.models import HOLDS_PLACE, EventBooking, EventPage

Status = EventBooking.Status
ON_THE_REGISTER = [Status.CONFIRMED, Status.ATTENDED, Status.NO_SHOW]


def register_rows(event, query=""):
    """The people who can be marked: confirmed, attended or not attending, by name."""
    rows = (EventBooking.objects.filter(event=event, status__in=ON_THE_REGISTER)
            .select_related("user", "user__organisation").order_by("user__full_name", "pk"))
    if query:
        rows = rows.filter(Q(user__full_name__icontains=query) | Q(user__email__icontains=query)
                           | Q(reference__iexact=query))
    return rows


def with_places_held(events):
    """Each event with `taken`: the places held (HOLDS_PLACE, the one definition)."""
    return events.annotate(taken=Count("bookings", filter=Q(bookings__status__in=HOLDS_PLACE)))


class TodayView(WagtailAdminTemplateMixin, TemplateView):
    """Today's events, then the rest of the week's, each with its register and places."""

    template_name = "events/admin/today.html"
    page_title = "Today's events"
    header_icon = "date"
    days_ahead = 7

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        now = timezone.localtime()
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        tomorrow = midnight + datetime.timedelta(days=1)
        week_end = midnight + datetime.timedelta(days=self.days_ahead)
        events = list(with_places_held(
            EventPage.objects.filter(start__lt=week_end, end__gte=midnight)
            .select_related("venue").order_by("start", "pk")))
        return {
            **super().get_context_data(**kwargs),
            "today": [e for e in events if e.start < tomorrow],
            "this_week": [e for e in events if e.start >= tomorrow],
            "week_end": week_end - datetime.timedelta(days=1),
        }


class EventScreen(WagtailAdminTemplateMixin, TemplateView):
    """One event's screen; reaches the event only through `event`."""

    header_icon = "date"
    screen = ""

    @cached_property
    def event(self):
        event_id = self.kwargs["event_id"]
        if event_id >= 2**31:  # beyond any page id: the lookup would overflow, not miss
            raise Http404
        return get_object_or_404(EventPage.objects.select_related("venue"), pk=event_id)

    def get_page_subtitle(self):
        return self.event.title

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items,
                {"url": reverse("events_admin:today"), "label": "Today's events"},
                {"url": "", "label": self.page_title, "sublabel": self.event.title}]

    def day_links(self):
        """The event's other screens, shown in the page (a phone's header has no room)."""
        links = [("register", "Register"), ("capacity", "Bookings and places"),
                 ("sign_in_sheet", "Sign-in sheet (PDF)")]
        return [(label, reverse(f"events_admin:{name}", args=[self.event.pk]))
                for name, label in links if name != self.screen]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "event": self.event,
                "day_links": self.day_links(),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[self.event.pk])}


class RegisterView(EventScreen):
    """Mark who came, from the event's start, on a phone at the door: search by name, one
    large button per state. Marking is a POST through services.mark_attendance."""

    template_name = "events/admin/register.html"
    page_title = "Register"
    screen = "register"

    def query(self):
        return self.request.GET.get("q", "").strip()[:MAX_QUERY]

    def post(self, request, *args, **kwargs):
        form = AttendanceForm(request.POST)
        query = request.POST.get("q", "").strip()[:MAX_QUERY]
        if not form.is_valid():
            messages.error(request, "Choose attended or did not attend.")
            return redirect(self._url(query))
        booking = EventBooking.objects.filter(
            event=self.event, pk=form.cleaned_data["booking"]).select_related("user").first()
        if booking is None:
            raise Http404
        try:
            services.mark_attendance(booking, form.cleaned_data["attended"], request.user)
        except services.BookingError as exc:
            messages.error(request, str(exc))
        else:
            label = "attended" if form.cleaned_data["attended"] else "did not attend"
            messages.success(request, f"{booking.user.get_full_name()}: {label}.")
        return redirect(f"{self._url(query)}#booking-{booking.pk}")

    def _url(self, query):
        url = reverse("events_admin:register", args=[self.event.pk])
        return f"{url}?{urlencode({'q': query})}" if query else url

    def get_context_data(self, **kwargs):
        query = self.query()
        everyone = register_rows(self.event)
        counts = dict(everyone.order_by().values_list("status").annotate(n=Count("pk")))
        return {
            **super().get_context_data(**kwargs),
            "rows": list(register_rows(self.event, query)) if query else list(everyone),
            "query": query,
            "on_register": sum(counts.values()),
            "attended": counts.get(Status.ATTENDED, 0),
            "absent": counts.get(Status.NO_SHOW, 0),
            "not_marked": counts.get(Status.CONFIRMED, 0),
            "not_yet": services.attendance_closed_reason(self.event),
        }


class CapacityView(EventScreen):
    """Every booking, the places held against the capacity, changing the capacity (the
    waiting list is offered new places at once) and cancelling the event."""

    template_name = "events/admin/capacity.html"
    page_title = "Bookings and places"
    screen = "capacity"

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        capacity_form, cancel_form = self._forms()
        form = capacity_form if action == "capacity" else cancel_form
        form = type(form)(request.POST)
        if action in ("capacity", "cancel_event") and form.is_valid():
            try:
                if action == "capacity":
                    _, offered = services.change_capacity(
                        self.event, form.cleaned_data["capacity"], request.user)
                    messages.success(request, f"Capacity changed. {len(offered)} place(s) "
                                     "offered to the waiting list.")
                else:
                    count = services.cancel_event(self.event, request.user,
                                                  form.cleaned_data["reason"])
                    messages.success(request, f"Event cancelled; {count} people emailed.")
                return redirect("events_admin:capacity", event_id=self.event.pk)
            except services.BookingError as exc:
                form.add_error(None, str(exc))
        forms = {"capacity_form": form if action == "capacity" else capacity_form,
                 "cancel_form": form if action == "cancel_event" else cancel_form}
        return self.render_to_response(self.get_context_data(**forms))

    def _forms(self):
        return CapacityForm(initial={"capacity": self.event.capacity}), CancelEventForm()

    def get_context_data(self, **kwargs):
        capacity_form, cancel_form = self._forms()
        bookings = (EventBooking.objects.filter(event=self.event)
                    .select_related("user", "user__organisation")
                    .with_waitlist_position().order_by("pk"))
        return {
            "capacity_form": capacity_form, "cancel_form": cancel_form,
            **super().get_context_data(**kwargs),
            "bookings": bookings, "places_taken": self.event.places_taken(),
        }


def sign_in_sheet(request, event_id):
    """The register on paper, to print for the door."""
    if event_id >= 2**31:
        raise Http404
    event = get_object_or_404(EventPage.objects.select_related("venue"), pk=event_id)
    pdf = render_pdf("events/sign_in_sheet.html", {"event": event,
                                                   "rows": list(register_rows(event))})
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="sign-in-{event.slug}.pdf"'
    return response


class EventDayViewSet(ViewSet):
    """Running events on the day, in the admin (/admin/events/...)."""

    name = "events_admin"
    url_prefix = "events"
    icon = "date"
    menu_label = "Today's events"
    menu_order = 0

    def get_urlpatterns(self):
        return [
            path("today/", TodayView.as_view(), name="today"),
            path("<int:event_id>/register/", RegisterView.as_view(), name="register"),
            path("<int:event_id>/", CapacityView.as_view(), name="capacity"),
            path("<int:event_id>/sign-in-sheet.pdf", sign_in_sheet, name="sign_in_sheet"),
        ]
