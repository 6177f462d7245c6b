"""The demo leader applies, the sponsor endorses by the emailed link, staff offer a place in
the admin, the leader accepts, books a mentoring session and sees both on their development page."""

import re

import pytest
from django.core import mail

from cms.demo import DEFAULT_PASSWORD
from cms.models import User
from secondments.models import MentoringBooking, SecondmentApplication

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_leader_goes_from_application_to_offer_and_a_booked_session(
    page, browser, live_server, demo_content, sign_in, sign_in_with_code, axe_check
):
    leader = User.objects.get(email="leader@example.org")
    sign_in(page, leader, password=DEFAULT_PASSWORD)

    # The listing, the opportunity and the application form.
    page.goto("/secondments/")
    axe_check(page)
    page.get_by_role("link", name="The Restorative Adolescent Service", exact=True).click()
    page.wait_for_load_state()
    axe_check(page)
    page.get_by_role("link", name="Apply for this secondment").click()
    page.wait_for_load_state()
    axe_check(page)
    page.get_by_role("button", name="Send application").click()
    page.wait_for_load_state()
    assert page.locator(".error-summary").is_visible()
    axe_check(page)
    page.get_by_label("Current role").fill("Aspiring service manager")
    page.get_by_label("Relevant experience").fill("I lead an edge of care team.")
    page.get_by_label("What you want to learn").fill("How MST and outreach fit together.")
    page.get_by_label("Sponsoring manager's name").fill("Sally Sponsor")
    page.get_by_label("Sponsoring manager's email").fill("sally.sponsor@northfield.example.org")
    page.get_by_role("button", name="Send application").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Application sent").is_visible()
    axe_check(page)
    application = SecondmentApplication.objects.get(
        applicant=leader, opportunity__slug="restorative-adolescent-service"
    )

    # The sponsor follows the emailed link, with no account.
    sponsor_mail = next(m for m in mail.outbox
                        if m.to == ["sally.sponsor@northfield.example.org"])
    link = re.search(r"https?://\S+(/leadership/sponsor/\S+/)", sponsor_mail.body).group(1)
    sponsor_context = browser.new_context(base_url=live_server.url)
    sponsor_page = sponsor_context.new_page()
    sponsor_page.goto(link)
    axe_check(sponsor_page)
    sponsor_page.get_by_label("Yes, I endorse it").check()
    sponsor_page.get_by_label("Comments for the Centre").fill("Lara is ready for this.")
    sponsor_page.get_by_role("button", name="Send my answer").click()
    sponsor_page.wait_for_load_state()
    assert sponsor_page.get_by_role("heading", name="Thank you").is_visible()
    axe_check(sponsor_page)
    sponsor_page.goto("/leadership/sponsor/not-a-real-token/")
    assert sponsor_page.get_by_role("heading", name="This link cannot be used").is_visible()
    axe_check(sponsor_page)
    sponsor_context.close()

    # Staff review and offer the place in the admin, from the opportunity's pipeline.
    staff_context = browser.new_context(base_url=live_server.url)
    staff_page = staff_context.new_page()
    sign_in_with_code(staff_page, User.objects.get(email="staff@example.org"), DEFAULT_PASSWORD)
    staff_page.goto("/admin/snippets/secondments/secondmentapplication/"
                    f"?opportunity={application.opportunity_id}")
    axe_check(staff_page)
    staff_page.get_by_role("link", name=application.reference, exact=True).click()
    staff_page.wait_for_load_state()
    assert staff_page.get_by_text("Lara is ready for this.").first.is_visible()
    axe_check(staff_page)
    assert staff_page.get_by_label("Mark the secondment completed").count() == 0
    staff_page.get_by_label("Offer a place").check()
    # The closing date has not passed: the offer needs the warning confirmed.
    assert staff_page.get_by_text("The closing date").first.is_visible()
    staff_page.get_by_label("I have read the warnings above").check()
    staff_page.get_by_label("Reason or outcome").fill("Strong application, endorsed.")
    staff_page.get_by_role("button", name="Record decision").click()
    staff_page.wait_for_load_state()
    assert staff_page.get_by_text("The applicant has been emailed.").is_visible()
    assert staff_page.get_by_role("link", name="Offer letter (PDF)").first.is_visible()
    # The admin fades its message in: judge its colours once the fade has finished.
    staff_page.wait_for_function(
        "[...document.querySelectorAll('.messages > ul')]"
        ".every(list => getComputedStyle(list).opacity === '1')")
    axe_check(staff_page)
    staff_context.close()
    application.refresh_from_db()
    assert application.status == "offered"

    # The leader accepts.
    page.goto(application.get_absolute_url())
    axe_check(page)
    page.get_by_role("button", name="Accept the offer").click()
    page.wait_for_load_state()
    assert page.get_by_text("You have accepted your place.").is_visible()
    page.goto("/leadership/applications/")
    axe_check(page)

    # And books a session with the demo mentor.
    page.goto("/leadership/mentors/")
    axe_check(page)
    page.get_by_role("link", name="Margaret Holt").click()
    page.wait_for_load_state()
    axe_check(page)
    page.get_by_role("link", name=re.compile(r"^Book")).last.click()
    page.wait_for_load_state()
    axe_check(page)
    page.get_by_label("Your goals for the session").fill("Plan my return to Northfield.")
    page.get_by_role("button", name="Book the session").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Session booked").is_visible()
    axe_check(page)
    booking = MentoringBooking.objects.get(mentee=leader)
    page.goto(booking.get_absolute_url())
    axe_check(page)

    # The development page brings both together.
    page.goto("/leadership/")
    axe_check(page)
    content = page.locator("main").inner_text()
    assert "The Restorative Adolescent Service" in content
    assert "Accepted" in content
    assert "Margaret Holt" in content
    assert "Plan my return to Northfield." in content


def test_the_mentor_sees_sessions_and_keeps_notes(page, demo_content, sign_in, axe_check):
    mentor = User.objects.get(email="mentor@example.org")
    sign_in(page, mentor, password=DEFAULT_PASSWORD)
    page.goto("/leadership/mentoring/")
    axe_check(page)
    page.get_by_role("link", name=re.compile(r"\d{1,2} \w{3} \d{4}, \d\d:\d\d")).first.click()
    page.wait_for_load_state()
    axe_check(page)
    page.get_by_label("Yes").check()
    page.get_by_label("Private notes").fill("Talked through the first 100 days.")
    page.get_by_role("button", name="Save the record").click()
    page.wait_for_load_state()
    assert page.get_by_text("Your record of the session has been saved.").is_visible()
    page.goto("/leadership/mentoring/slots/new/")
    axe_check(page)
    page.goto("/leadership/mentoring/profile/")
    axe_check(page)


def test_pages_work_on_a_phone(phone, demo_content, sign_in, axe_check):
    leader = User.objects.get(email="leader@example.org")
    sign_in(phone, leader, password=DEFAULT_PASSWORD)
    for path in ("/secondments/", "/leadership/", "/leadership/mentors/"):
        phone.goto(path)
        axe_check(phone)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} scrolls sideways ({width}px)"
