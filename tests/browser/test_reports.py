import time

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in_to_admin(page, staff):
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
    from allauth.mfa.utils import decrypt

    from tests.factories import PASSWORD

    page.goto("/admin/reports/programme-dashboard/")
    page.get_by_label("Email").fill(staff.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/accounts/2fa/authenticate/**")
    secret = decrypt(Authenticator.objects.get(user=staff, type="totp").data["secret"])
    page.get_by_label("Code").fill(format_hotp_value(hotp_value(secret, int(time.time()) // 30)))
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/admin/**")


def test_staff_open_the_dashboard_and_a_report_with_its_downloads(page, staff):
    sign_in_to_admin(page, staff)
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
