"""axe-core finds no WCAG 2.2 A/AA violation on any public page type, on desktop or phone."""

import pytest

from tests.factories import practitioner

pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC_PAGES = [
    "/",                                           # HomePage
    "/leeds-practice-model/",                      # ContentPage with accordion
    "/leeds-practice-model/rethink-formulation/",  # ContentPage with callout
    "/res-teams/referrals/",                       # ContentPage with call to action
    "/res-teams/directory/",                       # TeamDirectoryPage
    "/publications/",                              # PublicationIndexPage
    "/publications/?tag=leadership",
    "/publications/improvement-partner-offer/",    # PublicationPage
    "/accessibility/",
    "/search/?q=restorative",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/no-such-page/",                              # 404
]


def test_public_page_types_have_no_wcag_violations(page, phone, demo_content, axe_check):
    for browser_page in (page, phone):
        for path in PUBLIC_PAGES:
            browser_page.goto(path)
            assert browser_page.locator("h1").count() == 1, path
            axe_check(browser_page)


def test_signed_in_account_pages_have_no_wcag_violations(page, host, axe_check, sign_in):
    user = practitioner(organisation=host)
    sign_in(page, user)
    for path in ["/accounts/profile/", "/accounts/email/", "/accounts/password/change/",
                 "/accounts/2fa/"]:
        page.goto(path)
        axe_check(page)


def test_keyboard_users_can_skip_to_the_main_content(page, demo_content):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


def test_the_phone_layout_never_scrolls_sideways(phone, demo_content):
    for path in ["/", "/res-teams/directory/", "/accounts/signup/"]:
        phone.goto(path)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} is {overflow}px too wide on a phone"
