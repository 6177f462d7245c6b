"""Bookings as iCalendar: one .ics per booking, and entries in a person's private feed."""

import datetime

from django.utils import timezone
from icalendar import Event

from cms.calendar import attendee, entry_uid, new_calendar, organizer
from cms.site_url import absolute_url


def booking_uid(booking):
    """Stable for the life of the booking (and of the site's address), so calendars update
    the entry in place."""
    return entry_uid("event-booking", booking.pk)


def _partstat(booking):
    from events.models import EventBooking

    Status = EventBooking.Status
    if booking.status in (Status.CONFIRMED, Status.ATTENDED, Status.NO_SHOW):
        return "ACCEPTED"
    if booking.status == Status.OFFERED:
        return "NEEDS-ACTION"
    if booking.status == Status.WAITLISTED:
        return "TENTATIVE"
    return "DECLINED"


def booking_vevent(booking, method=None):
    """The booking as a VEVENT. In an invitation (METHOD REQUEST or CANCEL) it names the
    booker as ATTENDEE; SEQUENCE is the booking's, raised on every change."""
    from events.models import EventBooking

    Status = EventBooking.Status
    event = booking.event
    entry = Event()
    entry.add("uid", booking_uid(booking))
    entry.add("dtstamp", booking.updated_at.astimezone(datetime.UTC))
    entry.add("dtstart", booking.event_start.astimezone(datetime.UTC))
    entry.add("dtend", booking.event_end.astimezone(datetime.UTC))
    entry.add("summary", booking.event_title)
    entry.add("sequence", booking.sequence)
    if booking.event_location:
        entry.add("location", booking.event_location)
    description = [event.summary, f"Booking reference: {booking.reference}"]
    if booking.status in (Status.CONFIRMED, Status.ATTENDED) and event.is_online \
            and event.joining_link:
        description.append(f"Join online: {event.joining_link}")
    entry.add("description", "\n\n".join(d for d in description if d))
    entry.add("url", absolute_url(event.url_path_for_calendar()))
    entry.add("organizer", organizer())
    if method in ("REQUEST", "CANCEL"):
        entry.add("attendee", attendee(booking.user, _partstat(booking)))
    if booking.status in (Status.CONFIRMED, Status.ATTENDED, Status.NO_SHOW):
        entry.add("status", "CONFIRMED")
    elif booking.status in (Status.WAITLISTED, Status.OFFERED):
        entry.add("status", "TENTATIVE")
    else:
        entry.add("status", "CANCELLED")
    return entry


def booking_ics(booking, method=None):
    """The booking as an .ics file. Cancelled bookings carry METHOD:CANCEL."""
    from events.models import EventBooking

    if method is None:
        cancelled = booking.status not in EventBooking.ACTIVE
        method = "CANCEL" if cancelled else "PUBLISH"
    calendar = new_calendar(method=method)
    calendar.add_component(booking_vevent(booking, method=method))
    return calendar.to_ical()


def entries_for(user):
    """Every event the person has a place at (or is offered), for their private feed."""
    from events.models import EventBooking

    bookings = (
        EventBooking.objects.filter(user=user)
        .filter(status__in=[*EventBooking.HOLDS_PLACE, EventBooking.Status.CANCELLED])
        .filter(event_end__gte=timezone.now() - datetime.timedelta(days=365))
        .select_related("event", "user")
    )
    return [booking_vevent(booking) for booking in bookings]
