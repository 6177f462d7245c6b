"""Demo figures: two years of plausible quarterly figures for the seven RES clusters.

Made up, but shaped like the programme's hopes in the one-minute guide: fewer referrals,
re-referrals and repeat assessments, more step-downs from social work, fewer children looked
after, attendance edging up. Each cluster has its own size and its own noise (a seeded
random generator, so every run makes the same numbers). Idempotent: a figure that exists
for a cluster, measure and quarter is left as it is.
"""

import random
from decimal import Decimal

from django.utils import timezone

from outcomes.catalogue import BASELINE, STARTING_MEASURES
from outcomes.models import Figure, Measure
from outcomes.periods import Period
from outcomes.services import current_quarter, rounded

QUARTERS = 8
PUBLISHED = ["step-downs", "re-referrals"]


def demo_quarters(today=None):
    """The eight quarters that ended before today's, and the baseline quarter."""
    last = current_quarter(today or timezone.localdate())
    quarters = []
    start = last.start
    for _ in range(QUARTERS):
        month = start.month - 3
        start = start.replace(year=start.year - (month < 1), month=month + 12 * (month < 1))
        quarters.insert(0, Period(start))
    baseline = Period(BASELINE)
    return ([baseline] if baseline < quarters[0] else []) + quarters


def _figure(code, rng, size, step):
    """(value, base) for a cluster of `size` (0.8 to 1.3) at quarter `step` (0 = baseline)."""
    wobble = rng.uniform(-1, 1)
    if code == "referrals":
        return round(125 * size * (0.97 ** step) + 8 * wobble), None
    if code == "re-referrals":
        referrals = round(125 * size * (0.97 ** step))
        return 25.5 - 0.8 * step + 1.5 * wobble, referrals
    if code == "repeat-assessments":
        return max(round(24 * size - 1.2 * step + 3 * wobble), 2), None
    if code == "step-downs":
        return max(round(5 * size + 0.9 * step + 2 * wobble), 0), None
    if code == "looked-after-rate":
        return 98 - 1.6 * step + 4 * wobble, round(11000 * size, -1)
    if code == "school-attendance":
        pupils = round(5200 * size, -1)
        return 91.6 + 0.18 * step + 0.4 * wobble, pupils * 124
    if code == "fixed-term-exclusions":
        return max(round(34 * size - 1.1 * step + 4 * wobble), 0), None
    if code == "days-to-support":
        return 17.5 - 0.7 * step + 1.5 * wobble, max(round(22 * size + 3 * wobble), 5)
    return 10 + wobble, None


def seed(stdout, context):
    teams = [team for name, team in context["teams"].items() if team.cluster]
    measures = {}
    for order, (code, name, unit, direction, base, description, source) in enumerate(
            STARTING_MEASURES, start=1):
        measures[code], _ = Measure.objects.get_or_create(code=code, defaults={
            "name": name, "unit": unit, "direction": direction, "base_label": base,
            "description": description, "source_note": source, "sort_order": order * 10,
            "baseline_period": BASELINE,
        })
    first_run = not Figure.objects.exists()
    quarters = demo_quarters()
    existing = set(Figure.objects.filter(team__in=teams, measure__in=measures.values())
                   .values_list("measure_id", "team_id", "period_start"))
    new = []
    for team in teams:
        size = random.Random(f"size-{team.cluster}").uniform(0.8, 1.3)
        for code, measure in measures.items():
            rng = random.Random(f"{code}-{team.cluster}")
            for step, quarter in enumerate(quarters):
                value, base = _figure(code, rng, size, step)
                if (measure.pk, team.pk, quarter.start) in existing:
                    continue
                new.append(Figure(
                    measure=measure, team=team, period_start=quarter.start,
                    value=rounded(Decimal(str(round(value, 1)))),
                    base=None if base is None else Decimal(int(base)),
                    published=first_run and code in PUBLISHED and quarter == quarters[-1]))
    Figure.objects.bulk_create(new)
    if first_run:
        Measure.objects.filter(code__in=PUBLISHED).update(published=True)
    stdout.write(f"Programme outcomes: {len(new)} figures added for {len(teams)} clusters.")
