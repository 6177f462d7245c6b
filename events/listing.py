"""The queries behind the event listing and an event page (kept out of the templates)."""

import datetime
import functools

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils import timezone

from cms.limits import EARLIEST_YEAR
from events import services
from events.models import Audience, EventBooking, EventPage


def _months(now):
    first = timezone.localtime(now).date().replace(day=1)
    months = []
    for i in range(12):
        year = first.year + (first.month - 1 + i) // 12
        month = (first.month - 1 + i) % 12 + 1
        months.append(datetime.date(year, month, 1))
    return months


def events_with_places(queryset):
    return queryset.select_related("venue").annotate(
        taken=Count("bookings", filter=Q(bookings__status__in=EventBooking.HOLDS_PLACE)),
        waiting=Count("bookings", filter=Q(bookings__status=EventBooking.Status.WAITLISTED)),
    )


def listing_context(index, request):
    now = timezone.now()
    archive = request.GET.get("archive") == "1"
    events = EventPage.objects.child_of(index).live().public()
    if archive:
        events = events.filter(end__lte=now).order_by("-start")
    else:
        events = events.filter(end__gt=now).order_by("start")

    audience = request.GET.get("audience", "")
    if audience in Audience.values:
        events = events.filter(audience=audience)
    else:
        audience = ""
    mode = request.GET.get("mode", "")
    if mode == "online":
        events = events.filter(is_online=True)
    elif mode == "in_person":
        events = events.filter(is_online=False)
    else:
        mode = ""
    month = request.GET.get("month", "")
    months = _months(now)
    try:
        chosen = datetime.date.fromisoformat(month + "-01") if month else None
    except ValueError:
        chosen = None
    if chosen and not EARLIEST_YEAR <= chosen.year <= now.year + 10:
        chosen = None  # year 1 or 9999 would overflow in the time-zone sums below
    if chosen:
        tz = timezone.get_current_timezone()
        start = datetime.datetime.combine(chosen, datetime.time(), tz)
        following = (chosen + datetime.timedelta(days=32)).replace(day=1)
        end = datetime.datetime.combine(following, datetime.time(), tz)
        events = events.filter(start__gte=start, start__lt=end)
    else:
        month = ""

    paginator = Paginator(events_with_places(events), 20)
    page_obj = paginator.get_page(request.GET.get("page"))
    return {
        "events": page_obj,
        "archive": archive,
        "audience_choices": Audience.choices,
        "current_audience": audience,
        "current_mode": mode,
        "current_month": month,
        "months": [(m.strftime("%Y-%m"), m.strftime("%B %Y")) for m in months],
    }


def event_context(event, request):
    user = request.user
    booking = None
    if user.is_authenticated:
        booking = (
            EventBooking.objects.filter(event=event, user=user)
            .with_waitlist_position()
            .order_by("-pk")
            .first()
        )
    taken = event.places_taken()
    places_left = event.places_left(taken)
    reason = None
    if user.is_authenticated:
        reason = services.why_cannot_book(event, user)
    else:
        reason = services.booking_closed_reason(event)
    show_link = bool(
        booking and booking.status in (EventBooking.Status.CONFIRMED, EventBooking.Status.ATTENDED)
        and event.is_online and event.joining_link
    )
    from events.forms import BookingForm

    return {
        "booking": booking,
        "active_booking": booking if booking and booking.is_active else None,
        "places_left": places_left,
        "cannot_book_reason": reason,
        "show_joining_link": show_link,
        "booking_form": BookingForm(),
        "is_full": places_left == 0,
    }


# Every view of a cached event page runs this, so it is one plain SQL query (the ORM took
# ten times longer to build it than the database to answer it on the bookings' (event,
# status) index).
_PLACES_SQL = (
    "SELECT e.page_ptr_id, e.capacity, e.waitlist_enabled, e.cancelled_at, "
    "(SELECT COUNT(*) FROM {bookings} b WHERE b.event_id = e.page_ptr_id "
    "AND b.status IN ({statuses})) FROM {events} e WHERE e.page_ptr_id IN ({ids})"
)


def render_places(ids, sentence=False):
    """The live figure of places left on each event (by id, as strings), from one query:
    what an anonymous page served from the cache shows (cms.page_cache, path 3)."""
    from django.db import connection

    ids = [int(i) for i in ids]
    sql = _PLACES_SQL.format(
        bookings=EventBooking._meta.db_table, events=EventPage._meta.db_table,
        statuses=", ".join(["%s"] * len(EventBooking.HOLDS_PLACE)),
        ids=", ".join(["%s"] * len(ids)))
    with connection.cursor() as cursor:
        cursor.execute(sql, [*(str(status) for status in EventBooking.HOLDS_PLACE), *ids])
        rows = cursor.fetchall()
    return {str(pk): _places_html(capacity, bool(waitlist_enabled), bool(cancelled_at),
                                  max(capacity - taken, 0), sentence)
            for pk, capacity, waitlist_enabled, cancelled_at, taken in rows}


@functools.lru_cache(maxsize=4096)
def _places_html(capacity, waitlist_enabled, cancelled, places_left, sentence):
    """The figure's HTML depends on these alone: each combination is rendered once."""
    from types import SimpleNamespace

    from django.template.loader import render_to_string

    event = SimpleNamespace(capacity=capacity, waitlist_enabled=waitlist_enabled,
                            cancelled_at=cancelled)
    return render_to_string("events/includes/places_left.html", {
        "event": event, "places_left": places_left, "sentence": sentence})


def render_places_sentence(ids):
    return render_places(ids, sentence=True)
