"""What this app puts on Centre staff's admin home (cms.registry.STAFF_TODO): today's and
this week's events, each linked to its register, and waiting-list offers about to lapse."""

import datetime

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from cms import roles
from cms.registry import Todo, TodoItem
from events.models import EventBooking, EventPage

SHOWN = 8
LAPSING_WITHIN = datetime.timedelta(hours=24)


def _events_between(start, end):
    return (EventPage.objects.live().filter(start__lt=end, end__gt=start,
                                            cancelled_at__isnull=True)
            .annotate(taken=Count("bookings", filter=Q(
                bookings__status__in=EventBooking.HOLDS_PLACE)))
            .select_related("venue").order_by("start", "pk"))


def _event_item(event, day_format):
    start = timezone.localtime(event.start)
    return TodoItem(
        # The register is where staff act on the day (the lead repoints this link to the
        # admin's register when that lands).
        title=event.title, url=reverse("events_admin:register", args=[event.pk]),
        meta=(f"{start:{day_format}}, {event.location or 'venue to be confirmed'}. "
              f"{event.taken} of {event.capacity} places taken. Open the register."))


def staff_todos(request):
    if not roles.is_centre_staff(request.user):
        return []
    now = timezone.localtime()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    tomorrow = midnight + datetime.timedelta(days=1)
    week_end = midnight + datetime.timedelta(days=7)
    today = list(_events_between(midnight, tomorrow))
    week = _events_between(tomorrow, week_end)
    lapsing = (EventBooking.objects.filter(status=EventBooking.Status.OFFERED,
                                           offer_expires_at__gt=now,
                                           offer_expires_at__lte=now + LAPSING_WITHIN)
               .select_related("user", "event").order_by("offer_expires_at", "pk"))
    lapsing_shown = list(lapsing[:SHOWN])
    return [
        Todo(key="events-today", title="Today's events",
             items=tuple(_event_item(e, "%H:%M") for e in today), count=len(today),
             noun=("event", "events"), summary="today: take the register",
             empty="No events today.", urgent=bool(today), order=1),
        Todo(key="events-week", title="Events in the next six days",
             items=tuple(_event_item(e, "%a %-d %b, %H:%M") for e in week[:SHOWN]),
             count=week.count(), noun=("event", "events"),
             summary="in the next six days", empty="No events in the next six days.",
             order=20),
        Todo(key="offers-lapsing", title="Waiting-list offers about to lapse",
             items=tuple(TodoItem(
                 title=f"{b.user.get_full_name()}: {b.event.title}",
                 url=reverse("events_admin:capacity", args=[b.event_id]),
                 meta=(f"Offer lapses {timezone.localtime(b.offer_expires_at):%a %-d %b at %H:%M}"
                       f" unless they accept. {b.user.email}"),
                 tag="Offered", tag_colour="purple") for b in lapsing_shown),
             count=lapsing.count(), noun=("offer", "offers"),
             summary="lapse in the next 24 hours",
             empty="No waiting-list offers lapse in the next 24 hours.", order=30),
    ]
