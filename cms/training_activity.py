"""The training each team did, per period: a registry that feature apps fill.

The programme's outcomes are read beside the training the cluster's teams completed, but
what counts as training belongs to the feature apps (courses, events...), which the kernel
and the outcomes app never import. So each feature app registers, in its own
`wagtail_hooks.py`, a function under the Wagtail hook `register_training_activity`:

    @hooks.register(TRAINING_ACTIVITY_HOOK)
    def register_my_training():
        return [TrainingActivity("course_completions", "Courses completed", count_fn)]

The contract of `count_fn(team_ids, periods)`:

- `team_ids`: the ids of the `cms.Team`s asked about;
- `periods`: a list of (first day, day after the last) `datetime.date` pairs, in order and
  not overlapping (a programme's quarters or months, in Europe/London time);
- returns `{(team_id, first day of the period): count}`; missing keys mean 0. A person's
  training counts for the team they are in now (`User.team`).

`count_per_team_and_period` answers that with one grouped query for any records that have
a path to a person's team and a date of the activity.
"""

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.utils import timezone

TRAINING_ACTIVITY_HOOK = "register_training_activity"

Periods = Sequence[tuple[datetime.date, datetime.date]]


@dataclass(frozen=True)
class TrainingActivity:
    key: str  # stable, for exports and tests: "course_completions"
    label: str  # what the table heading says: "Courses completed"
    count: Callable[[Iterable[int], Periods], dict[tuple[int, datetime.date], int]]
    order: int = 100


def training_activities():
    """Every registered activity, in their order."""
    from wagtail import hooks

    activities = []
    for register in hooks.get_hooks(TRAINING_ACTIVITY_HOOK):
        activities.extend(register())
    return sorted(activities, key=lambda activity: (activity.order, activity.label))


def _bound(day, is_date):
    if is_date:
        return day
    return datetime.datetime.combine(day, datetime.time.min, timezone.get_current_timezone())


def count_per_team_and_period(records, *, team, when, team_ids, periods, is_date=False):
    """{(team id, period start): count} of `records`, whose team is at the lookup `team`
    (e.g. "user__team") and whose date is at `when` (a DateTimeField, or a DateField with
    `is_date`). One query: the database sorts each row into its period with a CASE."""
    team_ids, periods = list(team_ids), list(periods)
    if not team_ids or not periods:
        return {}
    which_period = Case(
        *[When(Q(**{f"{when}__gte": _bound(start, is_date), f"{when}__lt": _bound(end, is_date)}),
               then=Value(index)) for index, (start, end) in enumerate(periods)],
        default=Value(-1), output_field=IntegerField(),
    )
    rows = (
        records.filter(**{f"{team}__in": team_ids,
                          f"{when}__gte": _bound(periods[0][0], is_date),
                          f"{when}__lt": _bound(periods[-1][1], is_date)})
        .order_by().annotate(period_index=which_period)
        .values(team, "period_index").annotate(n=Count("pk"))
        .values_list(team, "period_index", "n")
    )
    return {(team_id, periods[index][0]): n for team_id, index, n in rows if index >= 0}
