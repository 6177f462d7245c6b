import datetime

import pytest
from django.utils import timezone
from freezegun import freeze_time

from cms.reports.dashboard import charts, headline_figures, last_twelve_months
from courses.models import Enrolment

pytestmark = pytest.mark.django_db


@pytest.fixture
def dated_learning(courses, alice, bob, charlie):
    """Completions on 10 Jun 2026 and 2 Mar 2026 (this year) and 1 Jun 2025 (last year,
    before the same day) and 1 Jul 2025 (last year, after the same day)."""
    course = courses["Restorative essentials"]
    rows = []
    for user, when in ((alice, datetime.datetime(2026, 6, 10, 12)),
                       (bob, datetime.datetime(2026, 3, 2, 12)),
                       (charlie, datetime.datetime(2025, 6, 1, 12)),
                       (alice, datetime.datetime(2025, 7, 1, 12))):
        aware = timezone.make_aware(when)
        rows.append(Enrolment.objects.create(
            user=user, course=course, course_title=course.title, status="completed",
            enrolled_at=aware - datetime.timedelta(days=5), completed_at=aware))
    return rows


@freeze_time("2026-06-15 12:00:00")
def test_headline_figures_compare_this_year_with_the_same_dates_last_year(dated_learning):
    figures = {row["key"]: row for row in headline_figures()["rows"]}
    assert figures["completions"]["this_year"] == 2
    assert figures["completions"]["last_year"] == 1
    assert figures["completions"]["change"] == 1
    assert figures["attendances"]["this_year"] == 0


@freeze_time("2026-06-15 12:00:00")
def test_headline_figures_are_zero_with_no_records(db):
    assert all(row["this_year"] == 0 and row["last_year"] == 0
               for row in headline_figures()["rows"])


@freeze_time("2026-06-15 12:00:00")
def test_monthly_charts_count_the_last_twelve_months(dated_learning):
    months = last_twelve_months()
    assert months[0] == datetime.date(2025, 7, 1) and months[-1] == datetime.date(2026, 6, 1)
    completions = next(c["chart"] for c in charts() if c["id"] == "chart-completions")
    values = {bar.label: bar.value for bar in completions["bars"]}
    assert values == {**{label: 0 for label in values}, "Jul 25": 1, "Mar 26": 1,
                      "Jun 26": 1}
    assert completions["total"] == 3


@freeze_time("2026-06-15 12:00:00")
def test_the_dashboard_renders_each_chart_with_its_data_table(client, staff, dated_learning):
    client.force_login(staff)
    response = client.get("/admin/reports/programme-dashboard/")
    assert response.status_code == 200
    html = response.content.decode()
    for key in ("completions", "attendances", "sessions", "partners"):
        assert f'aria-labelledby="chart-{key}-title"' in html
    assert html.count('<svg role="img" aria-labelledby="chart-') == 4
    assert html.count('<table class="table chart-table listing">') == 4
    assert "<th scope=\"row\">Jun 26</th><td class=\"numeric\">1</td>" in html
    assert 'data-measure="completions"' in html
