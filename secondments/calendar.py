"""Mentoring sessions in calendars: a person's private feed (see cms.calendar) and one
.ics file per session."""

import datetime

from django.db.models import Q
from icalendar import Event

from cms.calendar import entry_uid, new_calendar, organizer
from cms.site_url import absolute_url


def _uid(booking):
    return entry_uid("mentoring-booking", booking.pk)


def event_for(booking, user):
    slot = booking.slot
    mentor = slot.mentor
    as_mentor = mentor.user_id == user.pk
    other = booking.mentee.get_full_name() if as_mentor else mentor.name
    event = Event()
    event.add("uid", _uid(booking))
    event.add("sequence", booking.sequence)
    event.add("dtstamp", booking.updated_at.astimezone(datetime.UTC))
    event.add("dtstart", slot.starts_at.astimezone(datetime.UTC))
    event.add("dtend", slot.ends_at.astimezone(datetime.UTC))
    event.add("summary", f"Mentoring: {other}")
    where = slot.location if slot.mode == slot.Mode.IN_PERSON else slot.video_link
    if where:
        event.add("location", where)
    # Calendars sync to other companies' servers: the entry says when and with whom, and
    # links to the session; what the mentee wrote (goals, feedback) and the mentor's
    # notes stay on the platform, behind sign-in.
    event.add("organizer", organizer())
    event.add("description", "Details: " + absolute_url(booking.get_absolute_url()))
    event.add("status", "CANCELLED" if booking.status == booking.Status.CANCELLED
              else "CONFIRMED")
    return event


def _bookings_for(user):
    from secondments.models import MentoringBooking

    return (
        MentoringBooking.objects.filter(Q(mentee=user) | Q(slot__mentor__user=user))
        .select_related("slot__mentor__user", "mentee")
        .order_by("slot__starts_at")
    )


def entries_for(user):
    """Every session the person booked (as mentee) or is giving (as mentor); cancelled
    ones stay in the feed marked CANCELLED so calendars remove them."""
    return [event_for(booking, user) for booking in _bookings_for(user)]


def ics_for_booking(booking, user):
    calendar = new_calendar(method="PUBLISH")
    calendar.add_component(event_for(booking, user))
    return calendar.to_ical()
