"""Offering a place with guard rails: before the closing date or without the sponsor's
endorsement the rule refuses unless staff confirm; the letter gives a reply-by date, names
only an endorsing sponsor, and becomes a confirmation once accepted; subjects are plain;
staff cannot rewrite the applicant's answers."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cms import audit
from secondments import services
from secondments.models import SecondmentApplication, SecondmentOpportunityPage
from tests.secondments.conftest import apply_for, make_opportunity

Status = SecondmentApplication.Status


def decide_url(application):
    return reverse("wagtailsnippets_secondments_secondmentapplication:decide",
                   args=[application.pk])


@pytest.fixture
def closed(index_page):
    return make_opportunity(index_page)


def apply_and_close(opportunity, leader):
    """An application made in time, its closing date since passed."""
    application = apply_for(opportunity, leader)
    SecondmentOpportunityPage.objects.filter(pk=opportunity.pk).update(
        application_deadline=timezone.localdate() - datetime.timedelta(days=1))
    return SecondmentApplication.objects.get(pk=application.pk)


def _endorse(application):
    return services.record_sponsor_decision(application, endorsed=True)


def test_it_refuses_an_offer_before_the_closing_date_unless_confirmed(application, staff):
    _endorse(application)
    with pytest.raises(services.OfferNeedsConfirmation) as refused:
        services.offer_place(application, staff)
    assert "closing date" in refused.value.warnings[0]
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    services.offer_place(application, staff, confirmed=True)
    application.refresh_from_db()
    assert application.status == Status.OFFERED
    assert audit.history_of(application).filter(
        action="secondments.application.offer_confirmed_despite").exists()


def test_it_refuses_an_offer_without_the_sponsors_endorsement_unless_confirmed(
        closed, leader, staff):
    application = apply_and_close(closed, leader)
    with pytest.raises(services.OfferNeedsConfirmation, match="has not answered"):
        services.offer_place(application, staff)
    services.record_sponsor_decision(application, endorsed=False)
    with pytest.raises(services.OfferNeedsConfirmation, match="did not endorse"):
        services.offer_place(application, staff)


def test_an_endorsed_application_after_the_closing_date_is_offered_with_a_reply_by_date(
        closed, leader, staff, django_capture_on_commit_callbacks):
    application = _endorse(apply_and_close(closed, leader))
    with django_capture_on_commit_callbacks(execute=True):
        services.offer_place(application, staff)
    application.refresh_from_db()
    assert application.status == Status.OFFERED
    assert application.reply_by == timezone.localdate() + datetime.timedelta(days=14)
    message = mail.outbox[-1]
    assert message.subject.startswith(f"You have been offered a place on {closed.title}")
    assert f"by {application.reply_by:%-d %B %Y}" in message.body


def test_the_decision_screen_warns_and_needs_the_box_ticked(client, application, staff):
    client.force_login(staff)
    page = client.get(decide_url(application)).content.decode()
    assert "Before you offer a place" in page and "has not answered yet" in page
    response = client.post(decide_url(application), {"action": "offer", "reason": ""})
    assert response.status_code == 200
    assert "Tick the box to confirm" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    response = client.post(decide_url(application),
                           {"action": "offer", "reason": "", "confirm_offer": "on"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.OFFERED


def test_the_letter_names_only_an_endorsing_sponsor_and_is_a_confirmation_once_accepted(
        closed, leader, staff):
    from django.template.loader import render_to_string

    def letter(application):
        application.refresh_from_db()
        return render_to_string("secondments/offer_letter.html", {
            "application": application, "opportunity": application.opportunity,
            "is_confirmation": application.status != Status.OFFERED,
            "sponsor_endorsed": application.sponsor_decision == "endorsed"})

    unendorsed = apply_and_close(closed, leader)
    services.offer_place(unendorsed, staff, confirmed=True)
    text = letter(unendorsed)
    assert "Sally Sponsor" not in text
    assert "Please accept or decline this offer by" in text
    assert services.letter_title(unendorsed) == "Offer letter"

    services.accept_offer(unendorsed, leader)
    text = letter(unendorsed)
    assert "Confirmation of your secondment place" in text
    assert "accept or decline" not in text
    assert services.letter_title(unendorsed) == "Confirmation letter"


def test_the_admin_edit_form_keeps_the_applicants_answers_and_saves_staff_notes(
        client, application, staff):
    client.force_login(staff)
    url = reverse("wagtailsnippets_secondments_secondmentapplication:edit",
                  args=[application.pk])
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, {"staff_notes": "Call the sponsor on Monday.",
                                 "current_role": "Rewritten", "experience": "Rewritten",
                                 "learning_goals": "Rewritten", "sponsor_name": "Someone",
                                 "sponsor_email": "someone@example.org"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.staff_notes == "Call the sponsor on Monday."
    assert application.current_role == "Team manager"
    assert application.sponsor_name == "Sally Sponsor"
