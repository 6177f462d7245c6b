"""Issue 10, findings 6 and 7: a sponsor is someone other than the applicant, staff are
warned when a sponsor's address does not look like the applicant's organisation, and the
platform mails applicant-written text to only a few new addresses a day."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from freezegun import freeze_time

from secondments import services
from secondments.models import SecondmentApplication
from tests.secondments.conftest import apply_for, make_opportunity

pytestmark = pytest.mark.django_db


def apply_url(opportunity):
    return f"/leadership/opportunities/{opportunity.pk}/apply/"


def post_application(client, opportunity, sponsor_email):
    return client.post(apply_url(opportunity), {
        "current_role": "Head of service", "experience": "Years.",
        "learning_goals": "RES.", "sponsor_name": "Sue", "sponsor_email": sponsor_email,
    })


@pytest.mark.parametrize("alias", [
    "leader+sponsor@example.org", "LEADER@Example.org", " Leader+x@EXAMPLE.ORG ",
])
def test_it_refuses_the_applicants_own_address_or_an_alias_with_a_form_error(
    client, opportunity, leader, alias
):
    client.force_login(leader)
    response = post_application(client, opportunity, alias)
    assert response.status_code == 200
    form = response.context["form"]
    assert "someone other than you" in form.errors["sponsor_email"][0]
    assert 'href="#id_sponsor_email"' in response.text  # linked from the error summary
    assert not SecondmentApplication.objects.exists()
    assert not mail.outbox


def test_it_refuses_an_alias_of_any_address_on_the_account(opportunity, leader):
    EmailAddress.objects.create(user=leader, email="lara.okafor@gmail.com", verified=True)
    for alias in ("laraokafor+boss@gmail.com", "L.A.R.A.okafor@googlemail.com"):
        with pytest.raises(services.SecondmentError, match="someone other than you"):
            apply_for(opportunity, leader, sponsor_email=alias)


def test_another_person_at_the_same_organisation_may_sponsor(opportunity, leader):
    application = apply_for(opportunity, leader, sponsor_email="leader.manager@example.org")
    assert application.sponsor_email == "leader.manager@example.org"


def _withdraw(application, leader):
    services.withdraw_application(application, leader, "trying another sponsor")


def test_withdraw_and_reapply_reaches_only_a_few_new_addresses_a_day(
    client, opportunity, leader, settings
):
    settings.SECONDMENT_NEW_SPONSORS_PER_DAY = 3
    client.force_login(leader)
    with freeze_time("2026-11-20 09:00"):
        for n in range(3):
            response = post_application(client, opportunity, f"victim{n}@elsewhere.example")
            assert response.status_code == 302, response.context["form"].errors
            _withdraw(SecondmentApplication.objects.get(
                applicant=leader, status=SecondmentApplication.Status.SUBMITTED), leader)
        sent = len(mail.outbox)
        response = post_application(client, opportunity, "victim3@elsewhere.example")
        assert response.status_code == 200
        assert "3 different sponsors in the last 24 hours" in \
            response.context["form"].errors["sponsor_email"][0]
        assert len(mail.outbox) == sent  # nothing mailed to the fourth address
        # A sponsor already named today may be named again.
        assert post_application(client, opportunity, "victim2@elsewhere.example") \
            .status_code == 302
    with freeze_time("2026-11-21 09:01"):
        _withdraw(SecondmentApplication.objects.get(
            applicant=leader, status=SecondmentApplication.Status.SUBMITTED), leader)
        assert post_application(client, opportunity, "victim3@elsewhere.example") \
            .status_code == 302


def test_the_limit_is_per_applicant(opportunity, index_page, leader, partner):
    from tests import factories

    other = factories.visiting_leader(email="other@example.org", organisation=partner)
    second = make_opportunity(index_page)
    with freeze_time(datetime.datetime(2026, 11, 20, 9)):
        for n, opp in enumerate([opportunity, second]):
            apply_for(opp, leader, sponsor_email=f"a{n}@x.example")
        apply_for(opportunity, other, sponsor_email="a2@x.example")
        assert SecondmentApplication.objects.count() == 3


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    session = client.session
    session["account_authentication_methods"] = [{"method": "mfa", "type": "totp"}]
    session.save()
    return client


def decide_url(application):
    return reverse("wagtailsnippets_secondments_secondmentapplication:decide",
                   args=[application.pk])


@pytest.mark.parametrize("sponsor, warned", [
    ("boss@example.org", False),                 # the applicant's own domain
    ("boss@hr.example.org", False),              # a part of it
    ("boss@northfield.example", True),           # somewhere else
    ("someone.senior@gmail.com", True),          # a personal mail service
])
def test_staff_are_warned_when_the_sponsor_does_not_match_the_organisation(
    staff_client, opportunity, leader, sponsor, warned
):
    application = apply_for(opportunity, leader, sponsor_email=sponsor)
    response = staff_client.get(decide_url(application))
    assert response.status_code == 200
    assert ("Check the sponsor:" in response.text) is warned
