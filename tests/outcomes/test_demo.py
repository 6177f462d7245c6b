"""The demo loader gives the seven clusters two years of quarterly figures, once."""

import pytest
from django.core.management import call_command

from outcomes.models import Figure, Measure

pytestmark = pytest.mark.django_db


def test_seed_demo_loads_two_years_for_the_seven_clusters_and_is_idempotent(demo_content):
    import os

    from outcomes.demo import demo_quarters

    figures = Figure.objects.all()
    assert figures.values("team").distinct().count() == 7
    assert figures.values("period_start").distinct().count() == len(demo_quarters()) >= 8
    assert figures.count() == 7 * Measure.objects.count() * len(demo_quarters())
    percentages = figures.filter(measure__unit=Measure.Unit.PERCENTAGE)
    assert all(0 <= f.value <= 100 and f.base for f in percentages)
    published = figures.filter(published=True, measure__published=True)
    assert published.count() == 14  # two headline measures, latest quarter, 7 clusters
    before = figures.count()
    call_command("seed_demo", stdout=open(os.devnull, "w"))
    assert Figure.objects.count() == before
