"""Staff decide on applications in the admin: one screen per application, offering only
the moves its status allows, each made by the service that records and emails it."""

import pytest
from django.core import mail
from django.urls import reverse

from cms import audit
from secondments import services
from secondments.models import SecondmentApplication
from tests import factories
from tests.secondments.conftest import apply_for, make_opportunity

pytestmark = pytest.mark.django_db

LISTING = "/admin/snippets/secondments/secondmentapplication/"


def decide_url(application):
    return reverse("wagtailsnippets_secondments_secondmentapplication:decide",
                   args=[application.pk])


def decide(client, application, action, reason=""):
    # Offers here are confirmed past any warning (test_offer_guard_rails tests the warnings).
    return client.post(decide_url(application), {"action": action, "reason": reason,
                                                 "confirm_offer": "on"})


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def test_it_shows_the_application_the_sponsor_and_only_the_moves_open_now(
    staff_client, application
):
    services.record_sponsor_decision(application, endorsed=True, comment="Strongly support")
    response = staff_client.get(decide_url(application))
    assert response.status_code == 200
    html = response.text
    assert "wagtailadmin" in html or "w-header" in html  # the admin's own furniture
    assert application.experience in html
    assert "Endorsed" in html and "Strongly support" in html
    assert "Sponsor endorsed" in html  # the history row
    assert 'value="shortlist"' in html and 'value="offer"' in html
    assert 'value="reject"' in html
    assert 'value="complete"' not in html
    assert "Offer letter" not in html


def test_staff_take_every_allowed_move_through_to_completion(
    staff_client, application, staff, leader, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(staff_client, application, "shortlist", "Strong on partnership")
    assert response.status_code == 302
    assert response["Location"] == decide_url(application)
    application.refresh_from_db()
    assert application.status == "shortlisted"
    assert mail.outbox[-1].to == [application.applicant.email]

    with django_capture_on_commit_callbacks(execute=True):
        decide(staff_client, application, "offer", "Endorsed and ready")
    application.refresh_from_db()
    assert application.status == "offered"
    page = staff_client.get(decide_url(application)).text
    assert reverse("secondments:offer_letter", args=[application.pk]) in page
    assert 'value="offer"' not in page and 'value="complete"' not in page

    services.accept_offer(application, leader)
    response = decide(staff_client, application, "complete", "")
    assert response.status_code == 200
    assert "Record the outcome" in response.text
    with django_capture_on_commit_callbacks(execute=True):
        decide(staff_client, application, "complete", "Led two family group conferences.")
    application.refresh_from_db()
    assert application.status == "completed"
    assert application.outcome == "Led two family group conferences."

    history = list(audit.history_of(application).exclude(data__to_status=""))
    assert [(h.data["from_status"], h.data["to_status"]) for h in history] == [
        ("", "submitted"), ("submitted", "shortlisted"), ("shortlisted", "offered"),
        ("offered", "accepted"), ("accepted", "completed")]
    staff_rows = [h for h in history
                  if h.data["to_status"] in ("shortlisted", "offered", "completed")]
    assert {h.user for h in staff_rows} == {staff}
    assert staff_rows[0].data["reason"] == "Strong on partnership"
    page = staff_client.get(decide_url(application)).text
    assert "No further decision is possible" in page
    assert "Led two family group conferences." in page


def test_rejecting_needs_a_reason(staff_client, application):
    response = decide(staff_client, application, "reject", "   ")
    assert response.status_code == 200
    assert "Give a reason" in response.text
    assert "The decision was not recorded" in response.text
    application.refresh_from_db()
    assert application.status == "submitted"
    decide(staff_client, application, "reject", "Another candidate was closer to the brief.")
    application.refresh_from_db()
    assert application.status == "rejected"
    assert audit.history_of(application).last().data["reason"] == "Another candidate was closer to the brief."


@pytest.mark.parametrize("action", ["complete", "accept", "withdraw", "frobnicate", ""])
def test_a_move_not_open_now_is_refused_cleanly(staff_client, application, action):
    response = decide(staff_client, application, action, "x")
    assert response.status_code == 200
    assert "The decision was not recorded" in response.text
    application.refresh_from_db()
    assert application.status == "submitted"
    assert audit.history_of(application).count() == 1


def test_a_move_made_stale_by_someone_else_is_a_form_error(staff_client, application, staff):
    """The form was built for a submitted application; another member of staff rejected it
    in the meantime, so the service refuses the offer."""
    services.reject_application(application, staff, "Closed")
    form_for_old_status = {"action": "offer", "reason": ""}
    response = staff_client.post(decide_url(application), form_for_old_status)
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.status == "rejected"


def test_no_places_left_is_a_message_not_an_error(staff_client, index_page):
    opportunity = make_opportunity(index_page, places=1)
    first = apply_for(opportunity, factories.visiting_leader())
    second = apply_for(opportunity, factories.visiting_leader())
    decide(staff_client, first, "offer")
    response = decide(staff_client, second, "offer")
    assert response.status_code == 200
    assert "All 1 places on this secondment have been offered." in response.text
    second.refresh_from_db()
    assert second.status == "submitted"


@pytest.mark.parametrize("persona", ["leader", "mentor", "alice", "manager"])
def test_nobody_but_staff_reaches_the_decision_screen(client, application, persona, request):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(decide_url(application))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/login/" in response["Location"]
    response = client.post(decide_url(application), {"action": "reject", "reason": "x"})
    assert response.status_code in (302, 403)
    application.refresh_from_db()
    assert application.status == "submitted"


def test_an_admin_user_who_is_not_centre_staff_cannot_decide(client, application):
    """Model permissions alone do not make someone a decision-maker."""
    from django.contrib.auth.models import Permission

    editor = factories.centre_staff(email="editor@example.org")
    editor.groups.clear()
    editor.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_secondmentapplication"),
    )
    client.force_login(editor)
    # The admin turns a refusal into a redirect home with a permission message.
    for response in (client.get(decide_url(application)),
                     decide(client, application, "reject", "x")):
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    application.refresh_from_db()
    assert application.status == "submitted"


def test_the_old_front_end_review_screen_is_gone(staff_client, application):
    assert staff_client.get("/leadership/review/").status_code == 404
    assert staff_client.get(f"/leadership/review/{application.pk}/").status_code == 404


def test_the_pipeline_per_opportunity_links_each_application_to_its_decision(
    staff_client, index_page, opportunity, django_assert_max_num_queries
):
    other = make_opportunity(index_page, title="Front Door")
    mine = apply_for(opportunity, factories.visiting_leader())
    theirs = apply_for(other, factories.visiting_leader(full_name="Only Other"))
    decide(staff_client, theirs, "offer")
    response = staff_client.get(f"{LISTING}?opportunity={other.pk}")
    assert response.status_code == 200
    assert "Front Door, 1 of 2 places offered or taken" in response.text
    assert "Only Other" in response.text
    assert decide_url(theirs) in response.text
    assert decide_url(mine) not in response.text
    with django_assert_max_num_queries(60) as few:
        staff_client.get(LISTING)
    few = len(few.captured_queries)  # read now: the next request starts a new query log
    for _ in range(10):
        apply_for(opportunity, factories.visiting_leader())
    # New people joined role groups, which renews every session's cached roles once: the
    # page's own questions are what must not grow.
    staff_client.get(LISTING)
    with django_assert_max_num_queries(few):
        staff_client.get(LISTING)
    for junk in ("abc", "99999999999", "1&opportunity=2"):
        assert staff_client.get(f"{LISTING}?opportunity={junk}").status_code == 200


def test_the_pipeline_exports_csv_and_xlsx(staff_client, application):
    csv = staff_client.get(f"{LISTING}?export=csv")
    assert csv.status_code == 200
    assert application.reference in b"".join(csv.streaming_content).decode()
    xlsx = staff_client.get(f"{LISTING}?export=xlsx")
    assert xlsx.status_code == 200


def test_a_missing_application_is_404(staff_client):
    missing = SecondmentApplication(pk=999999)
    assert staff_client.get(decide_url(missing)).status_code == 404


def test_applications_cannot_be_added_in_the_admin(staff_client, application):
    """Only the apply form creates one (it sets the applicant and asks the sponsor); the
    admin's add form would have saved a row with neither."""
    assert "Add secondment application" not in staff_client.get(LISTING).text
    assert staff_client.get(f"{LISTING}add/").status_code == 302
    response = staff_client.post(f"{LISTING}add/", {
        "current_role": "x", "experience": "y", "learning_goals": "z",
        "sponsor_name": "s", "sponsor_email": "s@example.org"})
    assert response.status_code == 302
    assert SecondmentApplication.objects.count() == 1



@pytest.fixture
def superuser_client(client):
    client.force_login(factories.centre_staff(is_superuser=True))  # with TOTP: admin opens
    assert client.get("/admin/").status_code == 200
    return client


def test_no_one_deletes_an_application_or_its_history_in_the_admin(superuser_client,
                                                                   application):
    """Deleting would cascade to the decision history; an applicant withdraws instead."""
    delete = reverse("wagtailsnippets_secondments_secondmentapplication:delete",
                     args=[application.pk])
    assert superuser_client.get(delete).status_code == 302
    assert superuser_client.post(delete).status_code == 302
    assert SecondmentApplication.objects.filter(pk=application.pk).exists()
    assert audit.history_of(application).exists()


def test_no_one_adds_or_deletes_a_mentoring_booking_in_the_admin(superuser_client, slot, leader):
    from secondments.models import MentoringBooking

    add = reverse("wagtailsnippets_secondments_mentoringbooking:add")
    assert superuser_client.get(add).status_code == 302
    booking = services.book_slot(slot, leader, goals="Plan my first 90 days")
    delete = reverse("wagtailsnippets_secondments_mentoringbooking:delete", args=[booking.pk])
    assert superuser_client.post(delete).status_code == 302
    assert MentoringBooking.objects.filter(pk=booking.pk).exists()
