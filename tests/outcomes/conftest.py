"""Fixtures for programme outcomes: three clusters, measures of each unit, and personas.

Centre staff get the reporting permission from a migration; a transactional test elsewhere
empties the database and the suite's base-data fixture rebuilds the role groups without
it, so it is put back here for every outcomes test whatever ran before."""

import datetime
import importlib
from decimal import Decimal

import pytest

from outcomes.models import Figure, Measure
from tests import factories

MIGRATION = importlib.import_module("outcomes.migrations.0002_reporting_permission_and_measures")

Q1, Q2, Q3 = datetime.date(2025, 1, 1), datetime.date(2025, 4, 1), datetime.date(2025, 7, 1)


def give_centre_staff_outcome_permissions():
    from django.contrib.auth.models import Group, Permission

    staff, _ = Group.objects.get_or_create(name="Centre staff")
    staff.permissions.add(*Permission.objects.filter(
        content_type__app_label="outcomes", codename__in=MIGRATION.STAFF_PERMISSIONS))


@pytest.fixture(autouse=True)
def _reporting_permission(request):
    if "db" in request.fixturenames or "transactional_db" in request.fixturenames or \
            request.node.get_closest_marker("django_db"):
        request.getfixturevalue("_base_data")
        give_centre_staff_outcome_permissions()


@pytest.fixture
def clusters(host):
    made = {}
    for name, cluster, area in (("2gether RES team", "2gether", "East North East"),
                                ("JESS RES team", "JESS", "South"),
                                ("Inner East RES team", "Inner East", "East North East")):
        made[cluster] = factories.TeamFactory(name=name, cluster=cluster, area=area,
                                              organisation=host, phone="0113 000 0000",
                                              service="Restorative Early Support")
    return made


def make_measure(code, unit="count", direction="lower", **kwargs):
    return Measure.objects.create(code=code, name=kwargs.pop("name", code.title()), unit=unit,
                                  direction=direction, **kwargs)


@pytest.fixture
def measures(db):
    return {
        "referrals": make_measure("t-referrals", "count", "lower", baseline_period=Q1),
        "rereferrals": make_measure("t-rereferrals", "percentage", "lower",
                                    baseline_period=Q1, base_label="referrals"),
        "lac": make_measure("t-lac", "rate_10000", "lower", baseline_period=Q1),
        "stepdowns": make_measure("t-stepdowns", "count", "higher", baseline_period=Q1),
    }


def figure(measure, team, start, value, base=None, **kwargs):
    return Figure.objects.create(measure=measure, team=team, period_start=start,
                                 value=Decimal(str(value)),
                                 base=None if base is None else Decimal(base), **kwargs)


@pytest.fixture
def reporting_staff(host):
    return factories.centre_staff(email="sam@example.org", full_name="Sam Staff")
