"""Centre staff author a course with a knowledge check in the Wagtail admin (StreamField
editor, snippet chooser, publish), and a practitioner finds it, fails the check once, passes
it and is given a certificate."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from cms.demo import DEFAULT_PASSWORD
from cms.models import User
from courses.models import Certificate, CourseIndexPage, ModulePage

pytestmark = pytest.mark.django_db(transaction=True)

COURSE = "Restorative conversations with families"
MODULE = "Holding the conversation"


def publish(page, title):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    expect(page.get_by_text(f"Page '{title}' created and published.")).to_be_visible()


def test_staff_author_a_course_with_a_knowledge_check_and_a_practitioner_completes_it(
        page, demo_content, sign_in, sign_in_with_code, axe_check):
    # Publishing straight after typing in a block is what raced Wagtail 8.0's autosave;
    # with the site's setting (autosave off, cms/settings.py) it cannot.
    staff = User.objects.get(email="staff@example.org")
    sign_in_with_code(page, staff, DEFAULT_PASSWORD, start="/admin/")

    # The course: title, summary, the programme snippet through its chooser, the facts.
    page.goto(f"/admin/pages/{CourseIndexPage.objects.get().pk}/")
    page.get_by_role("link", name="Add child page").first.click()
    page.get_by_role("textbox", name="Title").fill(COURSE)
    page.get_by_role("textbox", name="Summary").fill(
        "How to hold a restorative conversation with a family, with them and not to them.")
    page.get_by_role("button", name="Choose programme").click()
    page.get_by_role("dialog").get_by_role("link", name="Restorative practice").click()
    page.get_by_role("combobox", name="Level").select_option(label="Awareness")
    page.get_by_role("combobox", name="Delivery mode").select_option(label="Online")
    page.get_by_role("spinbutton", name="CPD hours").fill("1.5")
    publish(page, COURSE)

    # A module under it: a paragraph of rich text and a knowledge check.
    row = page.get_by_role("row", name=COURSE)
    row.get_by_role("button", name="More options").click()
    row.get_by_role("link", name="Add child page").click()
    page.get_by_role("textbox", name="Title").fill(MODULE)
    page.get_by_role("spinbutton", name="Estimated minutes").fill("15")
    page.get_by_role("button", name="Insert a block").click()
    page.get_by_role("option", name="Paragraph").click()
    page.get_by_role("region", name="Paragraph").get_by_role("textbox").click()
    page.keyboard.type("A restorative conversation works with the family, not to them.")
    page.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name="Knowledge check").click()

    check = page.get_by_role("region", name="Knowledge check")
    check.get_by_role("spinbutton", name="Pass mark").fill("100")
    question = check.get_by_role("region", name="Question")
    question.get_by_role("textbox", name="Question").fill(
        "Which question opens a restorative conversation?")
    wrong, right = question.get_by_role("region", name="Answer").all()
    wrong.get_by_role("textbox", name="Text").fill("Whose fault was it?")
    wrong.get_by_role("textbox", name="Explanation").fill(
        "Blame closes the conversation down.")
    right.get_by_role("textbox", name="Text").fill("What happened?")
    right.get_by_role("checkbox", name="Correct").check()
    # The question's own explanation is the last field of the question.
    question.get_by_role("textbox", name="Explanation").last.fill(
        "Start from what happened and who has been affected.")

    # The preview panel shows the module as a learner will see it.
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.locator('iframe[title="Preview"]').last.content_frame
    expect(preview.get_by_role("heading", level=1)).to_have_text(MODULE)
    expect(preview.get_by_text("Which question opens a restorative conversation?")).to_be_visible()
    publish(page, MODULE)

    # What the editor saved has an id on the check, the question and both answers.
    module = ModulePage.objects.get(title=MODULE)
    assert module.live
    (check_id, value), = module.knowledge_checks()
    saved_question = value["questions"].bound_blocks[0]
    assert check_id and saved_question.original_id
    assert all(a.original_id for a in saved_question.value["answers"].bound_blocks)

    # A practitioner finds the course in the catalogue and enrols.
    page.context.clear_cookies()
    sign_in(page, User.objects.get(email="practitioner@example.org"), password=DEFAULT_PASSWORD)
    page.goto("/courses/")
    page.get_by_label("Programme").select_option(label="Restorative practice")
    page.get_by_role("button", name="Apply filters").click()
    page.locator("#main").get_by_role("link", name=COURSE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(COURSE)
    page.get_by_role("button", name="Start this course").click()
    page.wait_for_url(f"**{module.url}")
    expect(page.get_by_text("A restorative conversation works with the family")).to_be_visible()

    # A wrong answer: the score, the explanations, and another go.
    page.get_by_label("Whose fault was it?").check()
    page.get_by_role("button", name="Check my answers").click()
    expect(page.get_by_text("You scored 0%").first).to_be_visible()
    expect(page.get_by_text("Blame closes the conversation down.")).to_be_visible()
    expect(page.get_by_text("Start from what happened and who has been affected.")).to_be_visible()
    axe_check(page)
    page.get_by_label("What happened?").check()
    page.get_by_role("button", name="Try again").click()

    # Finishing the course opens its completion page, with the certificate.
    page.wait_for_url("**/completed/")
    expect(page.get_by_text(f"You have completed {COURSE}")).to_be_visible()
    certificate = Certificate.objects.get(course_title=COURSE)
    assert certificate.user.email == "practitioner@example.org"
    assert certificate.cpd_hours == Decimal("1.5")
    page.goto("/learning/")
    expect(page.get_by_role("link", name=f"PDF certificate for {COURSE}")).to_be_visible()
