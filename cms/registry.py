"""What feature apps register with the kernel, through Wagtail hooks, so the kernel can list
reports, figures, calendar entries and personal data without importing a feature app.

Each app registers its own in its `wagtail_hooks.py`:

    @hooks.register(registry.DASHBOARD_MEASURES)
    def dashboard_measures():
        return [registry.Measure("attendances", "Event attendances", attended, "event_start",
                                 charted=True, order=20)]

| hook | a registered function returns (or does) |
| --- | --- |
| register_programme_report | a `Report` (use `register_report`, which also adds the menu item) |
| register_dashboard_measures | a list of `Measure` for the programme dashboard |
| register_engagement_figures | a list of `EngagementFigure` for the partner engagement report |
| register_report_filters | {filter name: function returning a django-filters Filter} |
| register_calendar_entries | called with a user: that person's iCalendar entries |
| register_personal_data | a `PersonalData`: what the app holds about a person |
| register_notification_attachments | {name: renderer} (see cms.notify) |
| register_demo_seeder | a function(stdout, context) adding the app's demo content |
| register_staff_todo | called with the request: a list of `Todo` for the admin home |
| register_organisation_support | called with an organisation and a start date (or None): a list of `SupportItem`, the support its people had from the Centre |
| register_person_bookings | called with a user: their bookings as `cms.home.BookingLine` (no actions), for the record staff and managers open |
"""

from dataclasses import dataclass
from typing import Any

from wagtail import hooks

REPORTS = "register_programme_report"
DASHBOARD_MEASURES = "register_dashboard_measures"
ENGAGEMENT_FIGURES = "register_engagement_figures"
REPORT_FILTERS = "register_report_filters"
CALENDAR_ENTRIES = "register_calendar_entries"
PERSONAL_DATA = "register_personal_data"
DEMO_SEEDERS = "register_demo_seeder"
STAFF_TODO = "register_staff_todo"
PERSON_BOOKINGS = "register_person_bookings"
ORGANISATION_SUPPORT = "register_organisation_support"


@dataclass(frozen=True)
class Report:
    view: Any  # a cms.reports.base.ProgrammeReportView subclass
    segment: str  # its URL under /admin/reports/
    icon: str
    order: int = 100


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    queryset: Any
    date_field: str
    charted: bool = False
    order: int = 100


@dataclass(frozen=True)
class EngagementFigure:
    """One kind of partner activity. `records(period)` is the queryset of activities in the
    period; `key` None counts towards the last activity only (no column)."""
    key: str | None
    label: str
    records: Any
    organisation: str  # lookup from a record to its organisation
    date_field: str
    order: int = 100


@dataclass(frozen=True)
class PersonalData:
    name: str  # the key of the app's section in a person's download
    export_for: Any  # user -> JSON-able data
    erase_for: Any  # user -> None
    purge_expired: Any = None  # now -> {what was done: count}


@dataclass(frozen=True)
class TodoItem:
    """One thing to act on: its name, why it is here, and the screen that acts on it."""
    title: str
    url: str
    meta: str = ""
    tag: str = ""
    tag_colour: str = "grey"


@dataclass(frozen=True)
class Todo:
    """A panel of the admin home. `count` is how many there are in all (`items` may be the
    first few); `noun` is (singular, plural) so the kernel can say "3 applications"."""
    key: str
    title: str
    items: tuple
    count: int
    noun: tuple = ("item", "items")
    summary: str = ""  # after the count: "waiting for a decision"
    empty: str = "Nothing to do."
    more_url: str = ""
    more_label: str = ""
    urgent: bool = False
    order: int = 100


def staff_todos(request):
    """Every app's panels for this person's admin home, the urgent ones first."""
    todos = [todo for todos_for in hooks.get_hooks(STAFF_TODO)
             for todo in (todos_for(request) or [])]
    return sorted(todos, key=lambda todo: (not todo.urgent, todo.order, todo.title))


@dataclass(frozen=True)
class SupportItem:
    """Support an organisation's people had from the Centre, from the platform's own
    records: a secondment, a mentoring session, an event attended..."""
    kind: str  # "Secondment", "Mentoring", "Event"
    title: str
    date: Any  # a date
    person: str = ""
    detail: str = ""


def organisation_support(organisation, since=None):
    """Every app's support for the organisation's people since `since`, latest first."""
    items = [item for support_for in hooks.get_hooks(ORGANISATION_SUPPORT)
             for item in support_for(organisation, since)]
    return sorted(items, key=lambda item: (item.date, item.kind, item.title), reverse=True)


def person_bookings(user):
    """A person's bookings from every app that holds some, the latest first."""
    lines = [line for bookings_of in hooks.get_hooks(PERSON_BOOKINGS)
             for line in bookings_of(user)]
    return sorted(lines, key=lambda line: line.start, reverse=True)


def _collect(hook):
    items = []
    for register in hooks.get_hooks(hook):
        found = register()
        items.extend(found if isinstance(found, (list, tuple)) else [found])
    return sorted(items, key=lambda item: getattr(item, "order", 100))


def reports():
    return _collect(REPORTS)


def dashboard_measures():
    return _collect(DASHBOARD_MEASURES)


def engagement_figures():
    return _collect(ENGAGEMENT_FIGURES)


def personal_data():
    return [item for register in hooks.get_hooks(PERSONAL_DATA) for item in [register()]]


def demo_seeders():
    return [register() for register in hooks.get_hooks(DEMO_SEEDERS)]


def report_filters():
    filters = {}
    for register in hooks.get_hooks(REPORT_FILTERS):
        filters.update(register())
    return filters


def calendar_entries(user):
    return [entry for entries_for in hooks.get_hooks(CALENDAR_ENTRIES)
            for entry in entries_for(user)]


def register_report(view, segment, icon, order=100):
    """Register a programme report: its admin URL and its item in the Reports menu."""
    report = Report(view, segment, icon, order)
    hooks.register(REPORTS, lambda: report)

    def menu_item():
        from django.urls import reverse

        from cms.reports.hooks import ReportMenuItem

        return ReportMenuItem(view.page_title, reverse(f"programme_reports:{view.name}"),
                              name=view.name.replace("_", "-"), icon_name=icon,
                              order=60 + order)

    hooks.register("register_reports_menu_item", menu_item)
