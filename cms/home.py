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
