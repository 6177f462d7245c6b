
import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_open_the_dashboard_and_a_report_with_its_downloads(page, staff, sign_in_with_code):
    sign_in_with_code(page, staff, start="/admin/reports/programme-dashboard/")
    page.goto("/admin/reports/programme-dashboard/")
    assert page.get_by_role("heading", name="Programme dashboard").first.is_visible()
    assert page.locator("svg[role=img]").count() == 4
    assert page.locator("table.chart-table").count() == 4
    assert page.locator("tr[data-measure=completions]").is_visible()

    page.goto("/admin/reports/partner-engagement/")
    assert page.get_by_role("heading", name="Partner authority engagement").first.is_visible()
    response = page.request.get("/admin/reports/partner-engagement/?export=csv")
    assert response.ok
    assert response.headers["content-type"].startswith("text/csv")
    assert response.text().startswith("Organisation,Ofsted judgement")
