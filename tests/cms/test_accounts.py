import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from cms import roles
from cms.models import User
from tests import factories

pytestmark = pytest.mark.django_db


def _signup(client, organisation, email="new.person@example.org"):
    return client.post(
        reverse("account_signup"),
        {
            "full_name": "  New   Person ",
            "email": email,
            "job_title": "Family intervention worker",
            "organisation": organisation.pk,
            "password1": "a-long-enough-password-42",
            "password2": "a-long-enough-password-42",
        },
    )


def _confirm_email(client):
    link = re.search(r"http://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    path = link.split("testserver", 1)[-1] if "testserver" in link else "/" + link.split("/", 3)[3]
    return client.post(path)


def test_it_signs_up_a_host_authority_person_as_a_practitioner_once_their_address_is_confirmed(
        host, django_capture_on_commit_callbacks):
    from django.test import Client

    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = _signup(client, host)
    assert response.status_code == 302
    user = User.objects.get(email="new.person@example.org")
    assert user.full_name == "New Person"
    # Anyone can type an address: until it is confirmed, they are not the host's.
    assert user.organisation is None
    assert list(user.groups.values_list("name", flat=True)) == []
    with django_capture_on_commit_callbacks(execute=True):
        _confirm_email(client)
    user = User.objects.get(pk=user.pk)
    assert user.organisation == host
    assert list(user.groups.values_list("name", flat=True)) == [roles.PRACTITIONERS]


def test_it_signs_up_someone_from_another_authority_as_a_visiting_leader(client, partner):
    _signup(client, partner)
    user = User.objects.get(email="new.person@example.org")
    assert list(user.groups.values_list("name", flat=True)) == [roles.VISITING_LEADERS]


def test_it_requires_the_email_to_be_confirmed_before_signing_in(
    client, host, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _signup(client, host)
    assert len(mail.outbox) == 1
    assert not EmailAddress.objects.get(email="new.person@example.org").verified
    client.logout()
    response = client.post(
        reverse("account_login"),
        {"login": "new.person@example.org", "password": "a-long-enough-password-42"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")

    link = re.search(r"http://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[-1] if "testserver" in link else "/" + link.split("/", 3)[3]
    client.post(path)
    assert EmailAddress.objects.get(email="new.person@example.org").verified


def test_it_shows_a_form_error_not_a_500_for_a_missing_organisation(client, host):
    response = client.post(reverse("account_signup"), {"email": "x@example.org"})
    assert response.status_code == 200
    assert b"There is a problem" in response.content
    assert not User.objects.filter(email="x@example.org").exists()


def test_it_lets_a_person_edit_their_profile(client, alice, team):
    client.force_login(alice)
    response = client.post(
        reverse("profile"),
        {"full_name": "Alice A. Adams", "job_title": "Senior social worker",
         "organisation": alice.organisation.pk, "team": team.pk},
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.full_name == "Alice A. Adams"
    assert alice.job_title == "Senior social worker"


def test_it_refuses_a_team_from_another_organisation(client, alice, partner):
    other_team = factories.TeamFactory(organisation=partner)
    client.force_login(alice)
    response = client.post(
        reverse("profile"),
        {"full_name": "Alice", "organisation": alice.organisation.pk, "team": other_team.pk},
    )
    assert response.status_code == 200
    assert b"Choose a team in your organisation" in response.content
    alice.refresh_from_db()
    assert alice.team != other_team


def test_moving_to_a_partner_authority_makes_a_practitioner_a_visiting_leader(client, alice, partner):
    client.force_login(alice)
    client.post(reverse("profile"), {"full_name": "Alice", "organisation": partner.pk})
    names = set(alice.groups.values_list("name", flat=True))
    assert names == {roles.VISITING_LEADERS}


def test_it_sends_anonymous_people_to_sign_in_for_their_profile(client):
    response = client.get(reverse("profile"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_admin_login_is_the_allauth_login(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_staff_without_an_authenticator_are_sent_to_set_one_up(client, host):
    staff = factories.centre_staff(with_totp=False)
    client.force_login(staff)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_staff_with_an_authenticator_reach_the_admin(client, staff):
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200


def test_staff_sign_in_asks_for_the_authenticator_code(client, staff):

    response = client.post(
        reverse("account_login"), {"login": staff.email, "password": factories.PASSWORD}
    )
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("mfa_authenticate"), {"code": factories.totp_code(staff)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_practitioners_cannot_reach_the_admin(client, alice):
    client.force_login(alice)
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    assert not response.get("Location", "").startswith("/admin/pages")


def test_the_navigation_shows_each_role_what_it_can_do(client, alice, staff):
    client.force_login(alice)
    page = client.get("/search/").content.decode()
    assert "Profile" in page and "Admin" not in page
    client.force_login(staff)
    page = client.get("/search/").content.decode()
    assert 'href="/admin/"' in page


ACCOUNT_EMAILS = {
    "confirmation": "/accounts/confirm-email/",
    "password reset": "/accounts/password/reset/key/",
    "already exists": "/accounts/password/reset/",
}


def test_account_emails_link_to_the_site_url_not_the_host_they_were_asked_from(
        client, settings, host, alice, django_capture_on_commit_callbacks):
    """Every account email links to SITE_URL, like every other email: the request's Host
    header (a proxy's internal name, 127.0.0.1) never reaches a person's inbox."""
    settings.SITE_URL = "https://learning.example.gov.uk"
    settings.ALLOWED_HOSTS = ["internal.proxy.local"]
    with django_capture_on_commit_callbacks(execute=True):
        _signup(client.__class__(HTTP_HOST="internal.proxy.local"), host)
        client.post(reverse("account_reset_password"), {"email": alice.email},
                    HTTP_HOST="internal.proxy.local")
        _signup(client.__class__(HTTP_HOST="internal.proxy.local"), host, email=alice.email)
    bodies = "\n".join(message.body for message in mail.outbox)
    for kind, path in ACCOUNT_EMAILS.items():
        assert f"https://learning.example.gov.uk{path}" in bodies, kind
    assert "internal.proxy.local" not in bodies
    assert "Hello from Centre for Excellence in Restorative Practice and Leadership" in bodies
    assert "from !" not in bodies and "using !" not in bodies
