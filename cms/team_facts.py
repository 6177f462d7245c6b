"""Facts that feature apps add to a team's row in the public team directory.

The directory (`TeamDirectoryPage`) is the kernel's, but what a team may show beside its
phone number (the programme's published headline figures, for one) is a feature app's. An
app registers, in its `wagtail_hooks.py`, a function under the Wagtail hook
`register_team_directory_facts` that takes the teams listed and returns
`{team_id: [TeamFact, ...]}`. Only what staff chose to publish belongs there: the directory
is public.
"""

from dataclasses import dataclass

TEAM_FACTS_HOOK = "register_team_directory_facts"


@dataclass(frozen=True)
class TeamFact:
    label: str  # "Re-referrals within 12 months"
    value: str  # "18.5%", formatted by the app that owns it
    period: str  # "Jan to Mar 2026"
    source: str = ""


def team_directory_facts(teams):
    """{team id: [TeamFact]} from every registered app, for the teams given."""
    from wagtail import hooks

    facts = {}
    teams = list(teams)
    for provider in hooks.get_hooks(TEAM_FACTS_HOOK):
        for team_id, items in provider(teams).items():
            facts.setdefault(team_id, []).extend(items)
    return facts
