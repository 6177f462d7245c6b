"""Figures entered by hand in the admin keep the same rules as the import, and a monthly
measure is read in months."""

import datetime

import pytest
from django.urls import reverse

from outcomes.models import Figure
from outcomes.services import outcome_series
from tests.outcomes.conftest import Q1, figure, make_measure

pytestmark = pytest.mark.django_db


def add_figure(client, measure, team, period, value, base=""):
    return client.post(reverse("wagtailsnippets_outcomes_figure:add"), {
        "measure": measure.pk, "team": team.pk, "period_start": period, "value": value,
        "base": base})


@pytest.mark.parametrize("period, value, base, message", [
    ("2025-02-01", "20", "200", "Give the first day of a quarter"),
    ("2025-01-01", "120", "200", "a percentage is between 0 and 100"),
    ("2999-01-01", "20", "200", "has not begun"),
])
def test_a_bad_figure_gets_a_form_error(client, reporting_staff, clusters, measures, period,
                                        value, base, message):
    client.force_login(reporting_staff)
    response = add_figure(client, measures["rereferrals"], clusters["JESS"], period, value,
                          base)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Figure.objects.exists()


def test_a_second_figure_for_the_same_period_gets_a_form_error(client, reporting_staff,
                                                              clusters, measures):
    figure(measures["referrals"], clusters["JESS"], Q1, 80)
    client.force_login(reporting_staff)
    response = add_figure(client, measures["referrals"], clusters["JESS"], "2025-01-01", "81")
    assert response.status_code == 200 and Figure.objects.count() == 1


def test_a_good_figure_is_saved(client, reporting_staff, clusters, measures):
    client.force_login(reporting_staff)
    response = add_figure(client, measures["rereferrals"], clusters["JESS"], "2025-04-01",
                          "18.5", "240")
    assert response.status_code == 302
    assert Figure.objects.get().value == 18.5


def test_a_monthly_measure_is_imported_and_read_in_months(clusters, reporting_staff):
    from outcomes import importing

    attendance = make_measure("t-monthly", "percentage", "higher", frequency="month",
                              baseline_period=datetime.date(2025, 1, 1))
    preview = importing.read_csv(b"cluster,measure,period,value,base\n"
                                 b"JESS,t-monthly,2025-01,91.5,1000\n"
                                 b"JESS,t-monthly,2025-03,93,1000\n"
                                 b"JESS,t-monthly,2025-Q1,93,1000\n")
    assert [r.number for r in preview.refused_rows] == [4]
    importing.import_confirmed(preview.token(), reporting_staff)
    (series,) = outcome_series([attendance], cluster=clusters["JESS"], kind="month")
    assert [(p.period.label, p.value) for p in series.points] == [
        ("Jan 2025", 91.5), ("Feb 2025", None), ("Mar 2025", 93)]
    assert [r["verdict"] for r in series.rows] == ["No change", "", "Better"]
    assert outcome_series([attendance], cluster=clusters["JESS"], kind="quarter") == []
