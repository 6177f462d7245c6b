"""Layout that holds at every width: nothing in the header or a page's key facts overlaps,
the phone's first screen shows the page's heading, and no page scrolls sideways."""

import pytest

from cms.demo import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = [320, 375, 768, 1280]

# Every box a reader sees in the header and in a summary list, as rectangles; then each
# pair that is not one inside the other must not intersect.
OVERLAPS_JS = """
() => {
  const boxes = [...document.querySelectorAll(
    '.site-header a, .site-header button, .site-header input, .site-header summary,'
    + ' .summary-list dt, .summary-list dd, main h1')]
    .filter(el => el.offsetParent !== null)
    .map(el => ({el, r: el.getBoundingClientRect()}))
    .filter(b => b.r.width > 0 && b.r.height > 0);
  const found = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (x > 1 && y > 1) found.push(a.el.textContent.trim().slice(0, 30) + ' / '
                                     + b.el.textContent.trim().slice(0, 30));
    }
  }
  return found;
}
"""

SIDEWAYS_JS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def sign_in_as(page, email):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_nothing_in_the_header_or_key_facts_overlaps_at_any_width(browser, live_server,
                                                                     demo_content):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    sign_in_as(page, "practitioner@example.org")
    for path in ["/courses/leeds-practice-model/", "/events/fgc-learning-event/"]:
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(path)
            assert page.evaluate(OVERLAPS_JS) == [], f"{path} at {width}px"
    context.close()


def phone_context(browser, live_server, **kwargs):
    return browser.new_context(base_url=live_server.url, viewport={"width": 375, "height": 740},
                               is_mobile=True, has_touch=True, **kwargs)


def test_on_a_phone_the_sections_wait_behind_menu_and_the_heading_is_in_the_first_screen(
        browser, live_server, demo_content, axe_check):
    for javascript in (True, False):
        context = phone_context(browser, live_server, java_script_enabled=javascript)
        page = context.new_page()
        sign_in_as(page, "practitioner@example.org")
        for path in ["/events/fgc-learning-event/", "/courses/leeds-practice-model/", "/home/",
                     "/courses/family-group-conferences/",
                     "/learning/"]:
            page.goto(path)
            heading = page.locator("main h1").bounding_box()
            assert heading["y"] + heading["height"] <= 400, f"{path}: h1 ends at {heading}"
        courses = page.get_by_role("navigation", name="Main").get_by_role("link", name="Courses")
        assert not courses.is_visible()
        # The person's own pages stay in sight, in one row.
        row = page.get_by_role("navigation", name="Your pages").get_by_role("link")
        assert row.count() == 3
        assert len({round(row.nth(i).bounding_box()["y"]) for i in range(3)}) == 1
        page.get_by_text("Menu", exact=True).click()
        assert courses.is_visible()
        if javascript:
            axe_check(page)
        courses.click()
        page.wait_for_url("**/courses/")
        context.close()


def test_on_a_wide_screen_the_sections_show_without_a_menu_button(page, demo_content):
    page.goto("/")
    assert page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Courses").is_visible()
    assert not page.get_by_text("Menu", exact=True).is_visible()


def test_book_a_place_is_within_the_first_ten_tab_stops(browser, live_server, demo_content):
    context = phone_context(browser, live_server)
    page = context.new_page()
    sign_in_as(page, "practitioner@example.org")
    page.goto("/events/fgc-learning-event/")
    stops = []
    for _ in range(10):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.textContent.trim()"))
        if stops[-1] == "Book a place":
            break
    assert stops[-1] == "Book a place", stops
    context.close()


PERSONA_PAGES = {
    "practitioner@example.org": ["/home/", "/learning/", "/learning/cpd/", "/bookings/",
                                 "/courses/", "/courses/leeds-practice-model/",
                                 "/courses/leeds-practice-model/rethink-formulation/",
                                 "/events/", "/events/fgc-learning-event/", "/learning/cpd/add/",
                                 "/accounts/profile/", "/search/?q=restorative"],
    "manager@example.org": ["/home/", "/learning/team/", "/learning/team/assign/"],
    "leader@example.org": ["/home/", "/leadership/", "/leadership/mentors/",
                           "/leadership/applications/", "/secondments/", "/bookings/"],
    "mentor@example.org": ["/home/", "/leadership/mentoring/", "/bookings/"],
}


def test_no_main_page_scrolls_sideways_at_320_px(browser, live_server, demo_content):
    too_wide = []
    for email, paths in PERSONA_PAGES.items():
        context = browser.new_context(base_url=live_server.url,
                                      viewport={"width": 320, "height": 640})
        page = context.new_page()
        sign_in_as(page, email)
        for path in paths:
            page.goto(path)
            overflow = page.evaluate(SIDEWAYS_JS)
            if overflow > 0:
                too_wide.append(f"{email} {path}: {overflow}px")
        context.close()
    assert too_wide == []
