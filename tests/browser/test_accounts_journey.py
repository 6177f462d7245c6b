import re

import pytest
from django.core import mail

from cms.models import User

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_new_user_signs_up_confirms_signs_in_and_edits_their_profile(page, host, axe_check):
    page.goto("/accounts/signup/")
    axe_check(page)
    page.get_by_label("Full name").fill("Nina New")
    page.get_by_label("Email").fill("nina@example.org")
    page.get_by_label("Organisation").select_option(label=host.name)
    page.get_by_label("Password", exact=True).fill("a-long-enough-password-42")
    page.get_by_label("Confirm password").fill("a-long-enough-password-42")
    page.get_by_role("button", name="Create an account").click()
    page.wait_for_url("**/accounts/confirm-email/")
    axe_check(page)

    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link.split("/accounts/", 1)[1].join(["/accounts/", ""]))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_load_state()

    page.goto("/accounts/profile/")
    if "/accounts/login/" in page.url:
        page.get_by_label("Email").fill("nina@example.org")
        page.get_by_label("Password").fill("a-long-enough-password-42")
        page.get_by_role("button", name="Sign in").click()
        page.goto("/accounts/profile/")
    axe_check(page)
    page.get_by_label("Job title").fill("Family intervention worker")
    page.get_by_role("button", name="Save profile").click()
    page.wait_for_load_state()
    assert page.get_by_text("Your profile has been saved.").is_visible()
    assert User.objects.get(email="nina@example.org").job_title == "Family intervention worker"


def test_signup_errors_are_summarised_and_linked_to_their_fields(page, host, axe_check):
    page.goto("/accounts/signup/")
    page.get_by_role("button", name="Create an account").click()
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    axe_check(page)


def test_staff_sign_in_with_their_authenticator_code_and_reach_the_admin(page, staff, axe_check):

    from tests.factories import PASSWORD, totp_code

    page.goto("/admin/")
    page.get_by_label("Email").fill(staff.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    axe_check(page)
    page.get_by_label("Code").fill(totp_code(staff))
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    assert page.get_by_role("heading", level=1).first.is_visible()
