"""What this app adds to a person's home and to My bookings (see cms.home)."""

from django.urls import reverse
from django.utils import timezone

from cms.home import CANCELLED, PAST, UPCOMING, BookingLine, Line, list_panel
from events.models import EventBooking, EventFeedback

Status = EventBooking.Status


def _has_feedback(booking):
    try:
        return booking.feedback is not None
    except EventFeedback.DoesNotExist:
        return False


def booking_lines(request):
    """Event places: before the event, the booking and its calendar file; afterwards,
    feedback (never joining or calendars)."""
    now = timezone.now()
    bookings = (EventBooking.objects.filter(user=request.user)
                .select_related("event", "feedback").with_waitlist_position())
    lines = []
    for b in bookings:
        detail = reverse("events:booking_detail", args=[b.reference])
        if not b.is_active:
            state, actions = CANCELLED, []
        elif b.event_end > now:
            state, actions = UPCOMING, []
            if b.status == Status.OFFERED:
                actions.append(("Accept your place", detail))
            if b.holds_place:
                actions.append(("Add to calendar",
                                reverse("events:booking_calendar", args=[b.reference])))
            actions.append(("View or cancel", detail))
        else:
            state, actions = PAST, []
            if b.status == Status.ATTENDED and not _has_feedback(b):
                actions.append(("Give feedback",
                                reverse("events:feedback", args=[b.reference])))
        note = ""
        if b.waitlist_position:
            note = f"Number {b.waitlist_position} on the waiting list."
        elif b.status == Status.OFFERED and b.offer_expires_at:
            note = f"A place is yours if you accept by {b.offer_expires_at:%-d %B, %H:%M}."
        elif state == PAST and b.status == Status.ATTENDED and _has_feedback(b):
            note = "Thank you for your feedback."
        lines.append(BookingLine(
            kind="Event", title=b.event_title, url=detail, start=b.event_start,
            end=b.event_end, state=state, status=b.get_status_display(),
            status_colour=b.status_tag, reference=b.reference, note=note, actions=actions))
    return lines


def home_panels(request):
    now = timezone.now()
    bookings = list(EventBooking.objects.filter(
        user=request.user, status__in=EventBooking.ACTIVE, event_end__gt=now)
        .order_by("event_start")[:20])
    offers = [b for b in bookings if b.status == Status.OFFERED]
    panels = []
    if offers:
        panels.append(list_panel("A place is offered to you", [
            Line(title=b.event_title, url=reverse("events:booking_detail", args=[b.reference]),
                 meta=f"Accept by {b.offer_expires_at:%-d %B, %H:%M} or the place goes to "
                      "the next person waiting." if b.offer_expires_at else "",
                 tag="Offered", tag_colour="purple", action_label="Accept your place",
                 action_url=reverse("events:booking_detail", args=[b.reference]))
            for b in offers], order=10, urgent=True))
    upcoming = [b for b in bookings if b.status != Status.OFFERED][:3]
    panels.append(list_panel("Your next events", [
        Line(title=b.event_title, url=reverse("events:booking_detail", args=[b.reference]),
             meta=f"{b.event_start:%A %-d %B, %H:%M}", tag=b.get_status_display(),
             tag_colour=b.status_tag) for b in upcoming],
        order=40, more_url=reverse("events:my_bookings"), more_label="All your bookings",
        empty="You have no events booked."))
    return panels


def search_results(request, query):
    """Venues by name, address or postcode, each with its coming events."""
    from django.db.models import Q

    from events.models import EventPage, Venue

    words = query.split()[:5]
    venues = Venue.objects.all()
    for word in words:
        venues = venues.filter(Q(name__icontains=word) | Q(address__icontains=word)
                               | Q(postcode__icontains=word))
    lines = []
    for venue in venues[:10]:
        events = EventPage.objects.live().public().filter(
            venue=venue, start__gte=timezone.now()).order_by("start")[:3]
        coming = ", ".join(e.title for e in events)
        lines.append(Line(
            title=venue.name,
            meta=" ".join(venue.address.split()) + (f". Coming up: {coming}." if coming else ""),
            url=events[0].url if events else ""))
    return [{"kind": "Venues", "lines": lines}]
