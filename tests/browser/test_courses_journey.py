
"""The demo practitioner finishes a course, fails then passes a knowledge check, downloads
the certificate and opens its verification link; every new page passes axe."""

import datetime
import re

import pytest

from cms.demo import DEFAULT_PASSWORD
from cms.models import User

pytestmark = pytest.mark.django_db(transaction=True)


def _answer(page, module_slug, right):
    """Tick the right answers (or, for each question, the first wrong one) of the module's
    knowledge check, found by the ids the demo gives its answers."""
    from courses.models import ModulePage
    from courses.services import _questions

    module = ModulePage.objects.get(slug=module_slug)
    (check_id, check), = module.knowledge_checks()
    for question in _questions(check):
        chosen = [a for a in question["answers"] if a["correct"] == right][: None if right else 1]
        for answer in question["answers"]:
            box = page.locator(f"#a-{check_id}-{question['id']}-{answer['id']}")
            if answer in chosen:
                box.check()
            elif question["multiple"]:
                box.uncheck()


def test_the_demo_practitioner_completes_a_course_and_verifies_the_certificate(
        page, demo_content, sign_in, axe_check):
    priya = User.objects.get(email="practitioner@example.org")
    sign_in(page, priya, password=DEFAULT_PASSWORD)

    page.goto("/courses/")
    axe_check(page)
    page.get_by_label("Programme").select_option(label="Leeds Practice Model")
    page.get_by_role("button", name="Apply filters").click()
    page.locator("#main").get_by_role("link", name="The Leeds Practice Model").click()
    assert page.get_by_role("heading", level=1).inner_text() == "The Leeds Practice Model"
    axe_check(page)
    page.get_by_role("button", name="Start this course").click()

    page.wait_for_url("**/rethink-formulation/")
    outline = page.get_by_role("complementary", name="Course outline")
    assert outline.get_by_text("You are here").is_visible()
    axe_check(page)
    page.get_by_label("Your reflection").fill("Formulation helps me see the family's story.")
    page.get_by_role("button", name="Save reflection").click()
    assert page.get_by_text("Only you can read it.").is_visible()
    # Each module ends with a knowledge check: passing it completes the module.
    _answer(page, "rethink-formulation", right=True)
    page.get_by_role("button", name="Check my answers").click()
    assert page.get_by_text("You have completed this module.").is_visible()
    page.get_by_role("link", name=re.compile("^Next")).click()
    page.wait_for_url("**/leeds-practice-principles/")
    # The course page now offers to continue where she left off, and ticks what is done.
    page.goto("/courses/leeds-practice-model/")
    assert page.locator(".outline__item--done").count() == 1
    page.get_by_role("link", name="Continue").click()
    page.wait_for_url("**/leeds-practice-principles/")
    _answer(page, "leeds-practice-principles", right=True)
    page.get_by_role("button", name="Check my answers").click()
    page.get_by_role("link", name=re.compile("^Next")).click()
    page.wait_for_url("**/outcome-focused-supervision/")
    assert page.get_by_text("67% complete").is_visible()
    assert page.get_by_role("complementary", name="Course outline").locator(
        ".outline__item--done").count() == 2

    # Wrong answers first: the score and the explanations are shown, and a retake offered.
    _answer(page, "outcome-focused-supervision", right=False)
    assert page.get_by_label("Assessment, planning, review").is_checked()
    page.get_by_role("button", name="Check my answers").click()
    assert page.get_by_text("You scored 0%").first.is_visible()
    assert page.get_by_text("Those are stages of casework").is_visible()
    axe_check(page)
    _answer(page, "outcome-focused-supervision", right=True)
    assert page.get_by_label("Rethink Formulation, Leeds Practice Principles").is_checked()
    page.get_by_role("button", name="Try again").click()

    # Finishing hands over the certificate on a page of its own, with the CPD prompt and
    # what to take next; the outline ticks every module.
    page.wait_for_url("**/completed/")
    assert page.get_by_text("You have completed The Leeds Practice Model").is_visible()
    assert page.get_by_role("link", name="Write your CPD entry").is_visible()
    assert page.get_by_role("heading", name="What to take next").is_visible()
    axe_check(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download your certificate (PDF)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"

    certificate = priya.certificates.get(course_title="The Leeds Practice Model")
    page.context.clear_cookies()  # the verification page needs no sign-in
    page.goto(certificate.get_absolute_url())
    assert page.get_by_text("This certificate is valid").is_visible()
    assert page.get_by_text("Priya Shah").is_visible()
    axe_check(page)

    sign_in(page, priya, password=DEFAULT_PASSWORD)
    page.goto("/learning/cpd/")
    assert page.get_by_role("heading", name="The Leeds Practice Model").is_visible()
    axe_check(page)
    page.get_by_role("link", name="Add a CPD entry").click()
    axe_check(page)


def test_an_overdue_assigned_course_says_so_in_words(page, demo_content, sign_in, axe_check):
    priya = User.objects.get(email="practitioner@example.org")
    sign_in(page, priya, password=DEFAULT_PASSWORD)
    page.goto("/courses/motivational-interviewing/")
    status = page.get_by_role("region", name="Your progress")
    assert status.get_by_text("Overdue", exact=True).is_visible()
    assert status.get_by_text("it is overdue").is_visible()
    axe_check(page)


def test_the_demo_manager_sees_the_team_matrix_and_assigns_a_course(
        page, demo_content, sign_in, axe_check):
    manager = User.objects.get(email="manager@example.org")
    sign_in(page, manager, password=DEFAULT_PASSWORD)
    page.goto("/learning/team/")
    assert page.get_by_role("row", name="Priya Shah").get_by_text("Overdue", exact=True).is_visible()
    axe_check(page)
    page.get_by_role("link", name="Assign a course").click()
    axe_check(page)
    page.get_by_label("Course").select_option(label="Outcomes Based Accountability")
    page.get_by_label("Dan Brooks").check()
    page.get_by_label("Due date").fill(
        (datetime.date.today() + datetime.timedelta(days=90)).isoformat())
    page.get_by_role("button", name="Assign and email").click()
    page.wait_for_url("**/learning/team/**")
    row = page.get_by_role("row", name="Dan Brooks")
    assert row.get_by_text("Assigned").is_visible()


def test_the_module_page_works_on_a_phone(phone, demo_content, sign_in, axe_check):
    priya = User.objects.get(email="practitioner@example.org")
    sign_in(phone, priya, password=DEFAULT_PASSWORD)
    phone.goto("/courses/family-group-conferences/private-family-time/")
    assert phone.get_by_role("button", name="Check my answers").is_visible()
    axe_check(phone)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
