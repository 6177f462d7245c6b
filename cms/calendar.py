"""Calendars: a person's private feed (every app adds its own entries) and the pieces every
app's invitations share, so that they are well-formed iTIP (RFC 5546): the Centre as
ORGANIZER, the person as ATTENDEE with their PARTSTAT, METHOD on the calendar (and, in
cms.emails, on the MIME part), and UIDs on a fixed domain of their own."""

from email.utils import parseaddr

from django.conf import settings
from django.utils.module_loading import import_string
from icalendar import Calendar, vCalAddress, vText


def new_calendar(name=None, method=None):
    calendar = Calendar()
    calendar.add("prodid", "-//Restorative Practice Centre//EN")
    calendar.add("version", "2.0")
    if name:
        calendar.add("x-wr-calname", name)
    if method:
        calendar.add("method", method)
    return calendar


def entry_uid(kind, pk):
    """A calendar entry's UID: stable for the life of the record and on a domain of its own
    (CALENDAR_UID_DOMAIN), so moving the site to a new address re-keys nothing."""
    return f"{kind}-{pk}@{settings.CALENDAR_UID_DOMAIN}"


def organizer():
    """The Centre, which sends every invitation (DEFAULT_FROM_EMAIL's address)."""
    address = vCalAddress(f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}")
    address.params["cn"] = vText(settings.CENTRE_NAME)
    return address


def attendee(user, partstat):
    """The person invited, with their participation status (ACCEPTED, DECLINED,
    TENTATIVE, NEEDS-ACTION)."""
    address = vCalAddress(f"mailto:{user.email}")
    address.params["cn"] = vText(user.get_full_name() or user.email)
    address.params["cutype"] = vText("INDIVIDUAL")
    address.params["role"] = vText("REQ-PARTICIPANT")
    address.params["partstat"] = vText(partstat)
    address.params["rsvp"] = vText("FALSE")
    return address


def feed_for(user):
    calendar = new_calendar(name=f"{settings.CENTRE_NAME}: {user.get_full_name()}")
    for path in settings.CALENDAR_PROVIDERS:
        for entry in import_string(path)(user):
            calendar.add_component(entry)
    return calendar.to_ical()
