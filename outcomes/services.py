"""The rules of programme outcomes: what a figure may be, how clusters combine into the
programme's figure, each measure's trend against its baseline, and the training beside it.

How clusters combine (the weighting):

- a count (referrals, step-downs) is added up: the programme's figure is the total;
- a rate per 10,000, a percentage or an average number of days is weighted by its base,
  the number it was worked out on (children aged 0 to 17, referrals, possible school
  sessions, cases): sum(value x base) / sum(base). That equals the rate the programme would
  have had counted as one area, which a plain mean of the clusters' rates would not when
  the clusters differ in size;
- if any cluster's figure in a period lacks its base, the period's figure is the plain
  mean of the clusters' figures, and is marked "unweighted" wherever it is shown.

In every case only the clusters with a figure for the period count, and the number of
clusters reporting is shown beside the programme's figure.
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from cms.training_activity import training_activities
from outcomes.models import ClusterBaseline, Figure, Measure, clusters
from outcomes.periods import Period, is_period_start, periods_between

MAX_COUNT = 1_000_000
MAX_DAYS = 3660
TWO_PLACES = Decimal("0.01")


# --- what a figure may be ------------------------------------------------------------------


def value_problem(measure, value):
    """Why `value` cannot be a figure of `measure`, or None."""
    Unit = Measure.Unit
    if value < 0:
        return "A figure cannot be negative."
    if measure.unit == Unit.COUNT:
        if value != value.to_integral_value():
            return "A count is a whole number."
        if value >= MAX_COUNT:
            return f"A count of {value:,.0f} is out of range for a cluster."
    if measure.unit == Unit.PERCENTAGE and value > 100:
        return f"{value}% is out of range: a percentage is between 0 and 100."
    if measure.unit == Unit.RATE and value > 10000:
        return f"{value} is out of range: a rate per 10,000 is at most 10,000."
    if measure.unit == Unit.DAYS and value > MAX_DAYS:
        return f"{value} days is out of range."
    return None


def base_problem(measure, base):
    if base is None:
        return None
    if not measure.is_ratio:
        return "A count has no base: leave the base empty."
    if base < 1 or base != base.to_integral_value():
        return "The base is a whole number of at least 1."
    if base >= 100 * MAX_COUNT:
        return "The base is out of range."
    return None


def period_problem(measure, period_start, today=None):
    today = today or timezone.localdate()
    if not is_period_start(period_start, measure.frequency):
        kind = "quarter (1 January, April, July or October)" \
            if measure.frequency == Measure.Frequency.QUARTERLY else "month"
        return f"Give the first day of a {kind}."
    if period_start > today:
        return "That period has not begun yet."
    return None


def figure_problems(measure, team, period_start, value, base, today=None):
    """{field: message} for everything wrong with a figure (admin form and import alike)."""
    problems = {}
    if not team.cluster:
        problems["team"] = f"{team} does not serve a cluster."
    if period := period_problem(measure, period_start, today):
        problems["period_start"] = period
    if value is not None and (problem := value_problem(measure, Decimal(value))):
        problems["value"] = problem
    if problem := base_problem(measure, None if base is None else Decimal(base)):
        problems["base"] = problem
    return problems


def rounded(value):
    return Decimal(value).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


# --- combining clusters --------------------------------------------------------------------


@dataclass
class Point:
    period: Period
    value: Decimal | None = None
    reporting: int = 0  # clusters with a figure
    weighted: bool = True  # False: a plain mean, some clusters gave no base
    base: Decimal | None = None  # the bases added up, when every figure has one


def combine(measure, period, figures):
    """The programme's Point for `period` from the clusters' `figures` (see the module's
    docstring for the weighting)."""
    figures = list(figures)
    if not figures:
        return Point(period)
    total_base = sum(f.base for f in figures) if all(f.base for f in figures) else None
    if not measure.is_ratio:
        return Point(period, sum(f.value for f in figures), len(figures))
    if total_base:
        value = sum(f.value * f.base for f in figures) / total_base
        return Point(period, rounded(value), len(figures), base=total_base)
    return Point(period, rounded(sum(f.value for f in figures) / len(figures)), len(figures),
                 weighted=False)


@dataclass
class Series:
    """A measure's figures over periods for one cluster (or the programme), and its
    baseline."""

    measure: Measure
    points: list
    baseline: Point | None = None
    cluster_count: int = 1
    note: str = ""

    def change(self, point):
        if point.value is None or self.baseline is None or self.baseline.value is None:
            return None
        return point.value - self.baseline.value

    def verdict(self, point):
        change = self.change(point)
        if change is None or change == 0:
            return "" if change is None else "No change"
        better = (change > 0) == (self.measure.direction == Measure.Direction.HIGHER)
        return "Better" if better else "Worse"

    @property
    def rows(self):
        return [{"point": p, "value": self.measure.format_value(p.value),
                 "change": self.change(p), "change_text": format_change(self.measure,
                                                                        self.change(p)),
                 "verdict": self.verdict(p)}
                for p in self.points]

    @property
    def baseline_text(self):
        if self.baseline is None:
            return "No baseline set"
        if self.baseline.value is None:
            return f"{self.baseline.period.label} (no figure)"
        return f"{self.baseline.period.label}: {self.measure.format_value(self.baseline.value)}"

    @property
    def latest(self):
        with_values = [p for p in self.points if p.value is not None]
        return with_values[-1] if with_values else None


def format_change(measure, change):
    if change is None:
        return ""
    sign = "+" if change > 0 else "−" if change < 0 else ""
    size = abs(change)
    if measure.unit == Measure.Unit.COUNT:
        return f"{sign}{size:,.0f}"
    suffix = {Measure.Unit.PERCENTAGE: " percentage points", Measure.Unit.RATE: " per 10,000",
              Measure.Unit.DAYS: " days"}[measure.unit]
    return f"{sign}{size:,.1f}{suffix}"


def period_range(measures, team_ids, kind, last=12):
    """The periods to show: from the first to the latest with a figure, at most `last`."""
    starts = (Figure.objects.filter(measure__in=[m for m in measures if m.frequency == kind],
                                    team__in=team_ids)
              .order_by("period_start").values_list("period_start", flat=True))
    first, latest = starts.first(), starts.last()
    if first is None:
        return []
    return periods_between(Period(first, kind), Period(latest, kind))[-last:]


def outcome_series(measures, cluster=None, kind=Measure.Frequency.QUARTERLY, periods=None):
    """A Series per measure of frequency `kind`, for `cluster` (a Team) or for the
    programme (every cluster combined) when it is None. Two queries for the figures,
    whatever the number of measures and periods."""
    measures = [m for m in measures if m.frequency == kind]
    team_ids = [cluster.pk] if cluster else list(clusters().values_list("pk", flat=True))
    if periods is None:
        periods = period_range(measures, team_ids, kind)
    baselines = {(b.measure_id, b.team_id): b.period
                 for b in ClusterBaseline.objects.filter(measure__in=measures)}

    def baseline_start(measure):
        if cluster and (measure.pk, cluster.pk) in baselines:
            return baselines[measure.pk, cluster.pk]
        return measure.baseline_period

    wanted = {p.start for p in periods} | {baseline_start(m) for m in measures} - {None}
    by_key = {}
    for figure in Figure.objects.filter(measure__in=measures, team__in=team_ids,
                                        period_start__in=wanted):
        by_key.setdefault((figure.measure_id, figure.period_start), []).append(figure)

    result = []
    for measure in measures:
        points = [combine(measure, p, by_key.get((measure.pk, p.start), [])) for p in periods]
        start = baseline_start(measure)
        baseline = None
        if start:
            period = Period(start, kind)
            baseline = combine(measure, period, by_key.get((measure.pk, start), []))
        unweighted = any(not p.weighted for p in [*points, baseline] if p)
        note = ""
        if cluster is None:
            note = ("Total of the clusters reporting." if not measure.is_ratio else
                    "Clusters weighted by their base" + (f" ({measure.base_label})."
                                                         if measure.base_label else ".")
                    + (" Periods marked unweighted are a plain mean: a cluster gave no "
                       "base." if unweighted else ""))
        result.append(Series(measure, points, baseline, len(team_ids), note))
    return result


# --- the training beside the outcomes ------------------------------------------------------


@dataclass
class TrainingTable:
    activities: list
    rows: list = field(default_factory=list)  # [{"period": Period, "counts": [n, ...]}]

    @property
    def totals(self):
        return [sum(row["counts"][i] for row in self.rows) for i in range(len(self.activities))]


def training_beside(periods, cluster=None):
    """What the teams serving `cluster` (every cluster when None) completed in `periods`,
    per registered training activity (cms.training_activity)."""
    from cms.models import Team

    teams = Team.objects.exclude(cluster="")
    if cluster is not None:
        teams = teams.filter(cluster=cluster.cluster)
    team_ids = list(teams.values_list("pk", flat=True))
    activities = training_activities()
    spans = [(p.start, p.end) for p in periods]
    counts = [activity.count(team_ids, spans) for activity in activities]
    table = TrainingTable(activities)
    for period in periods:
        table.rows.append({"period": period, "counts": [
            sum(n for (team_id, start), n in by_activity.items() if start == period.start)
            for by_activity in counts]})
    return table


# --- the public directory's headline figures -----------------------------------------------


def published_headlines(teams):
    """{team id: [(measure, latest published figure)]}: only measures and figures staff
    chose to publish."""
    latest = {}
    figures = (Figure.objects.filter(published=True, measure__published=True,
                                     team__in=[t.pk for t in teams])
               .select_related("measure").order_by("measure__sort_order", "measure__name",
                                                   "-period_start"))
    for figure in figures:
        latest.setdefault((figure.team_id, figure.measure_id), figure)
    headlines = {}
    for (team_id, _measure_id), figure in latest.items():
        headlines.setdefault(team_id, []).append(figure)
    return headlines


def today():
    return timezone.localdate()


def current_quarter(day=None):
    day = day or today()
    return Period(datetime.date(day.year, (day.month - 1) // 3 * 3 + 1, 1))
