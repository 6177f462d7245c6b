"""The programme and cluster pages ask the database the same number of questions however
many measures, clusters and periods there are."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from tests.outcomes.conftest import Q1, Q2, Q3, figure, make_measure

pytestmark = pytest.mark.django_db


def queries(client, url):
    client.get(url)  # warm the per-process caches (roles, menus)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_pages_do_not_ask_more_as_the_figures_grow(client, reporting_staff, clusters,
                                                       measures):
    client.force_login(reporting_staff)
    jess = reverse("outcomes:cluster", args=[clusters["JESS"].pk])
    programme = reverse("outcomes:programme")
    for team in clusters.values():
        figure(measures["referrals"], team, Q1, 10)
    small = (queries(client, programme), queries(client, jess))

    more = [make_measure(f"t-extra-{i}", "percentage", baseline_period=Q1) for i in range(3)]
    host = clusters["JESS"].organisation
    extra = [factories.TeamFactory(name=f"Extra {i}", cluster=f"Extra {i}", organisation=host)
             for i in range(3)]
    for team in [*clusters.values(), *extra]:
        for measure in [*measures.values(), *more]:
            for start in (Q1, Q2, Q3, datetime.date(2025, 10, 1)):
                if team in extra or (measure, start) != (measures["referrals"], Q1):
                    figure(measure, team, start, 10,
                           base=100 if measure.is_ratio else None)
    assert (queries(client, programme), queries(client, jess)) == small
