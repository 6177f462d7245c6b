"""A staff member imports a quarter's figures (one bad row shown and refused), opens a
cluster's outcomes beside its training, and downloads the programme view; axe finds nothing
on any of the new pages."""

import datetime

import pytest

from tests import factories
from tests.outcomes.conftest import figure, give_centre_staff_outcome_permissions, make_measure

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_import_a_quarter_and_read_a_cluster_beside_its_training(
        page, sign_in_with_code, axe_check):
    give_centre_staff_outcome_permissions()
    host = factories.HostOrganisationFactory()
    teams = {cluster: factories.TeamFactory(name=f"{cluster} RES team", cluster=cluster,
                                            organisation=host)
             for cluster in ("2gether", "JESS", "Inner East")}
    q1 = datetime.date(2025, 1, 1)
    measure = make_measure("b-rereferrals", "percentage", "lower", name="Re-referrals",
                           baseline_period=q1, base_label="referrals")
    for team, value in zip(teams.values(), (24, 22, 26), strict=True):
        figure(measure, team, q1, value, base=200)
    alice = factories.practitioner(team=teams["JESS"])
    from django.utils import timezone

    from courses.models import Enrolment

    Enrolment.objects.create(user=alice, course_title="Restorative essentials",
                             status=Enrolment.Status.COMPLETED,
                             completed_at=timezone.make_aware(datetime.datetime(2025, 5, 2, 12)))
    staff = factories.centre_staff()

    sign_in_with_code(page, staff, start="/admin/outcomes/import/")
    page.goto("/admin/outcomes/import/")
    axe_check(page)
    page.get_by_label("CSV file").set_input_files(files=[{
        "name": "quarter.csv", "mimeType": "text/csv",
        "buffer": b"cluster,measure,period,value,base\n"
                  b"2gether,b-rereferrals,2025-Q2,21.5,210\n"
                  b"JESS,b-rereferrals,2025-Q2,19,180\n"
                  b"Otley,b-rereferrals,2025-Q2,30,100\n"}])
    page.get_by_role("button", name="Check the file").click()
    page.locator("#import-preview").wait_for()
    bad = page.locator("#import-preview tr[data-valid=no]")
    assert bad.count() == 1 and "Unknown cluster “Otley”" in bad.inner_text()
    axe_check(page)
    page.get_by_role("button", name="Import the 2 valid rows").click()
    page.wait_for_url("**/admin/outcomes/")
    page.get_by_text("Imported 2 figures.").wait_for()
    axe_check(page)

    page.get_by_role("navigation", name="Clusters").get_by_role("link", name="JESS").click()
    page.wait_for_url("**/admin/outcomes/clusters/*/**")
    section = page.locator("#measure-b-rereferrals")
    assert section.locator("svg[role=img]").is_visible()
    assert "Apr to Jun 2025" in section.locator("table").inner_text()
    assert "−3.0 percentage points" in section.locator("table").inner_text()
    training = page.locator("#training-table")
    assert training.is_visible()
    row = training.locator("tr", has_text="Apr to Jun 2025")
    assert row.locator("td").first.inner_text() == "1"
    axe_check(page)

    page.goto("/admin/outcomes/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    text = open(download.value.path(), encoding="utf-8").read()
    assert text.startswith("Measure,Unit,Better when,Cluster")
    assert "Re-referrals,Percentage,Lower is better,All RES clusters,Apr to Jun 2025" in text
