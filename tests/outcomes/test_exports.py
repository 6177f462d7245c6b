"""Every view downloads as CSV and XLSX with the figures on the screen, and no cell can run
as a spreadsheet formula."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from outcomes.exports import neutralise
from tests.outcomes.conftest import Q1, Q2, figure, make_measure

pytestmark = pytest.mark.django_db


def download(client, url, fmt):
    response = client.get(url + f"?export={fmt}")
    assert response.status_code == 200
    if fmt == "csv":
        assert response["Content-Type"].startswith("text/csv")
        return list(csv.reader(io.StringIO(response.content.decode())))
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    return [["" if v is None else v for v in row]
            for row in book.active.iter_rows(values_only=True)]


@pytest.fixture
def figures(clusters, measures):
    rereferrals = measures["rereferrals"]
    figure(rereferrals, clusters["2gether"], Q1, 20, base=300)
    figure(rereferrals, clusters["JESS"], Q1, 10, base=100)
    figure(rereferrals, clusters["2gether"], Q2, 18, base=250)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_programme_export_has_the_weighted_figures(client, reporting_staff, figures, fmt):
    client.force_login(reporting_staff)
    rows = download(client, reverse("outcomes:programme"), fmt)
    heading, body = rows[0], rows[1:]
    assert heading[:8] == ["Measure", "Unit", "Better when", "Cluster", "Period",
                           "Period start", "Value", "Base"]
    mine = [r for r in body if r[0] == "T-Rereferrals"]
    assert [(r[4], str(r[6]), str(r[10]), str(r[11])) for r in mine] == [
        ("Jan to Mar 2025", "17.5", "0", "2"),
        ("Apr to Jun 2025", "18", "0.5", "1"),
    ]
    assert "weighted by their base" in mine[0][12]
    training = [r for r in body if r[0].startswith("Training: ")]
    assert {r[0] for r in training} >= {"Training: Courses completed",
                                        "Training: Events attended"}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_cluster_export_has_its_own_figures(client, reporting_staff, clusters, figures, fmt):
    client.force_login(reporting_staff)
    rows = download(client, reverse("outcomes:cluster", args=[clusters["JESS"].pk]), fmt)
    mine = [r for r in rows[1:] if r[0] == "T-Rereferrals"]
    assert [(r[3], r[4], str(r[6]), str(r[7])) for r in mine] == [
        ("JESS", "Jan to Mar 2025", "10", "100"), ("JESS", "Apr to Jun 2025", "", "")]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_cells_that_could_run_as_formulas_are_neutralised(client, reporting_staff, clusters,
                                                         fmt):
    measure = make_measure("t-evil", name='=HYPERLINK("http://x.example","y")',
                           source_note="@SUM(1)", baseline_period=Q1)
    figure(measure, clusters["JESS"], Q1, 3)
    client.force_login(reporting_staff)
    rows = download(client, reverse("outcomes:programme"), fmt)
    evil = [r for r in rows if "HYPERLINK" in str(r[0])][0]
    assert evil[0].startswith("'=") and evil[13] == "'@SUM(1)"


def test_neutralise_covers_every_formula_start():
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert neutralise(start + "1") == "'" + start + "1"
    assert neutralise("2gether") == "2gether" and neutralise(-3) == -3
