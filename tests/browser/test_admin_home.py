"""Staff signed in with their authenticator land on a to-do list they can act on, on a
phone and on a desk, and it passes axe."""

import pytest

from tests.cms.test_admin_home import build_a_busy_day

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("viewport", ["phone", "page"])
def test_staff_see_what_needs_doing_and_go_straight_to_it(request, viewport, axe_check,
                                                          sign_in_with_code, live_server):
    browser_page = request.getfixturevalue(viewport)
    day = build_a_busy_day()
    sign_in_with_code(browser_page, day["staff"], start="/admin/")
    browser_page.goto("/admin/")
    assert browser_page.get_by_role("heading", name="What needs doing").is_visible()
    assert browser_page.get_by_role("heading", name="Today's events").is_visible()
    axe_check(browser_page)
    # Nothing spills sideways on a phone.
    assert browser_page.evaluate(
        "document.documentElement.scrollWidth <= window.innerWidth + 1")
    # One click from the list to the decision screen.
    browser_page.get_by_role("link", name=f"{day['application'].reference}: Lara Leader").click()
    browser_page.wait_for_load_state()
    assert browser_page.get_by_role("heading", name="Decision").is_visible()
