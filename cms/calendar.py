"""A person's private calendar feed: every app adds its own entries (registered through
the `register_calendar_entries` hook, see cms.registry)."""

from django.conf import settings
from icalendar import Calendar


def new_calendar(name=None, method=None):
    calendar = Calendar()
    calendar.add("prodid", "-//Restorative Practice Centre//EN")
    calendar.add("version", "2.0")
    if name:
        calendar.add("x-wr-calname", name)
    if method:
        calendar.add("method", method)
    return calendar


def feed_for(user):
    calendar = new_calendar(name=f"{settings.CENTRE_NAME}: {user.get_full_name()}")
    from cms import registry

    for entry in registry.calendar_entries(user):
        calendar.add_component(entry)
    return calendar.to_ical()
