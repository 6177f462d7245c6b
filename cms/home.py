"""A person's own home: panels of what is due, gathered from the apps.

The kernel knows no feature app. Each app registers a function with the Wagtail hook
`register_home_panels`; it takes the request and returns the panels it has for that person
(an empty list when it has nothing to say). Panels come back in `order`, the urgent first.
"""

from dataclasses import dataclass, field

from wagtail import hooks


@dataclass
class HomePanel:
    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100
    # Something overdue or about to lapse: shown first, with a warning border.
    urgent: bool = False
    # Linked from the heading, e.g. "My learning".
    more_url: str = ""
    more_label: str = ""


def panels_for(request, hook_name="register_home_panels"):
    panels = []
    for panels_of in hooks.get_hooks(hook_name):
        panels.extend(panels_of(request) or [])
    return sorted(panels, key=lambda panel: (not panel.urgent, panel.order, panel.title))


@dataclass
class Line:
    """One line of a home panel or of My bookings: a thing, when or why, and what to do."""
    title: str
    url: str = ""
    meta: str = ""
    tag: str = ""
    tag_colour: str = ""
    action_label: str = ""
    action_url: str = ""


def list_panel(title, lines, order=100, urgent=False, more_url="", more_label="", empty=""):
    """The common panel: a list of lines (the kernel's template)."""
    return HomePanel(title=title, template="cms/home/lines.html",
                     context={"lines": lines, "empty": empty}, order=order, urgent=urgent,
                     more_url=more_url, more_label=more_label)


# --- My bookings ---------------------------------------------------------------------------

UPCOMING, PAST, CANCELLED = "upcoming", "past", "cancelled"


@dataclass
class BookingLine:
    """A booking of any kind (event place, mentoring session) as My bookings shows it.
    `state` is UPCOMING, PAST or CANCELLED; `actions` are (label, url) pairs, which each app
    chooses to fit the state: joining and calendars before, feedback after."""
    kind: str
    title: str
    url: str
    start: object
    end: object
    state: str
    status: str = ""
    status_colour: str = "grey"
    reference: str = ""
    note: str = ""
    actions: list = field(default_factory=list)


def bookings_for(request, hook_name="register_my_bookings"):
    """Every booking the person holds, from every app, in three lists: upcoming (soonest
    first), past and cancelled (latest first)."""
    lines = []
    for bookings_of in hooks.get_hooks(hook_name):
        lines.extend(bookings_of(request) or [])
    upcoming = sorted((b for b in lines if b.state == UPCOMING), key=lambda b: b.start)
    past = sorted((b for b in lines if b.state == PAST), key=lambda b: b.start, reverse=True)
    cancelled = sorted((b for b in lines if b.state == CANCELLED), key=lambda b: b.start,
                       reverse=True)
    return {"upcoming": upcoming, "past": past, "cancelled": cancelled}


# --- Search ----------------------------------------------------------------------------------

def search_groups(request, query, hook_name="register_search_results"):
    """Results that are not pages, from each app: [{"kind": "Mentors", "lines": [Line]}]."""
    groups = []
    for results_of in hooks.get_hooks(hook_name):
        groups.extend(group for group in results_of(request, query) or [] if group["lines"])
    return groups
