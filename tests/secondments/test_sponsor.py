import pytest
from django.core import signing
from freezegun import freeze_time

from cms import audit
from secondments import services
from secondments.models import SecondmentApplication
from tests.secondments.conftest import apply_for


def test_a_sponsor_endorses_through_the_signed_link_without_an_account(client, application):
    url = services.sponsor_url(application)
    response = client.get(url)
    assert response.status_code == 200
    assert application.applicant.get_full_name() in response.text
    response = client.post(url, {"decision": "endorse", "comment": "Ready for this."})
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.sponsor_decision == SecondmentApplication.SponsorDecision.ENDORSED
    assert application.sponsor_comment == "Ready for this."
    assert audit.actor_of(audit.history_of(application).last()) == "Sponsor: Sally Sponsor"


def test_a_sponsor_can_decline(client, application):
    client.post(services.sponsor_url(application), {"decision": "decline"})
    application.refresh_from_db()
    assert application.sponsor_decision == "declined"


def test_a_sponsor_answers_once(client, application):
    url = services.sponsor_url(application)
    client.post(url, {"decision": "endorse"})
    response = client.post(url, {"decision": "decline"})
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.sponsor_decision == "endorsed"
    assert "already" in response.text


def test_a_tampered_link_is_refused(client, application):
    token = services.sponsor_token(application)
    for bad in (token[:-2] + "xx", "nonsense", token.replace(":", "-", 1), "a" * 300):
        response = client.get(f"/leadership/sponsor/{bad}/")
        assert response.status_code == 400
        assert "cannot be used" in response.text
    application.refresh_from_db()
    assert application.sponsor_decision == "pending"


def test_a_link_signed_for_another_purpose_is_refused(client, application):
    token = signing.dumps({"a": application.pk, "e": application.sponsor_email})
    assert client.get(f"/leadership/sponsor/{token}/").status_code == 400


def test_an_expired_link_is_refused(client, application):
    with freeze_time("2026-01-01 09:00"):
        token = services.sponsor_token(application)
    response = client.post(f"/leadership/sponsor/{token}/", {"decision": "endorse"})
    assert response.status_code == 400
    assert "expired" in response.text
    application.refresh_from_db()
    assert application.sponsor_decision == "pending"


def test_a_link_opens_only_its_own_application(client, application, opportunity, other_leader):
    other = apply_for(opportunity, other_leader, sponsor_email="other@example.org")
    response = client.get(services.sponsor_url(application))
    assert other_leader.get_full_name() not in response.text
    # A link naming another application with the first's sponsor email fails verification.
    forged = signing.dumps({"a": other.pk, "e": application.sponsor_email},
                           salt=services.SPONSOR_SALT, compress=True)
    assert client.get(f"/leadership/sponsor/{forged}/").status_code == 400


def test_the_link_stops_working_once_the_application_is_withdrawn(client, application, leader):
    services.withdraw_application(application, leader)
    response = client.post(services.sponsor_url(application), {"decision": "endorse"})
    assert "no longer being considered" in response.text


@pytest.mark.parametrize("payload", [[1, 2], "string", {"a": "x"}])
def test_odd_payloads_never_500(client, payload, db):
    token = signing.dumps(payload, salt=services.SPONSOR_SALT)
    assert client.get(f"/leadership/sponsor/{token}/").status_code == 400
