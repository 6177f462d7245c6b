"""Findings 1, 2 and 11 through allauth's real door: MFA is asked of the session, not the
person, and people without admin rights get a clear 403 at /admin/."""

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_session_that_signed_in_with_a_password_alone_is_asked_for_the_code(staff, world_event):
    """Finding 1/2: the authenticator exists, but this session never used it (here a session
    made by signing in as allauth does before its MFA stage, as Wagtail's /_util/login/ did)."""
    client = Client()
    client.force_login(staff, mfa=False)
    for url in ("/admin/", reverse("events_admin:capacity", args=[world_event.pk]),
                reverse("events_admin:register", args=[world_event.pk])):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("mfa_reauthenticate") + "?next="), url
    # Entering the code from the authenticator passes this session.
    response = client.post(reverse("mfa_reauthenticate") + "?next=/admin/",
                           {"code": factories.totp_code(staff)})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert client.get(reverse("events_admin:register", args=[world_event.pk])).status_code == 200


def test_staff_signing_in_through_allauth_with_their_code_reach_staff_screens(staff, world_event):
    client = Client()
    response = client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})
    assert response["Location"].startswith(reverse("mfa_authenticate"))
    # Half-way (password given, code not yet): nothing staff-only opens.
    assert client.get(reverse("events_admin:capacity", args=[world_event.pk])).status_code == 302
    client.post(reverse("mfa_authenticate"), {"code": factories.totp_code(staff)})
    assert client.get(reverse("events_admin:capacity", args=[world_event.pk])).status_code == 200


@pytest.mark.django_db(transaction=True)  # allauth announces a new authenticator on commit
def test_staff_without_an_authenticator_set_one_up_and_carry_on(host, world_event):
    """Sent to set one up from every staff screen; the code that sets it up passes MFA."""
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    person = factories.centre_staff(with_totp=False, email="new.staff@example.org",
                                    organisation=host)
    client = Client()
    client.force_login(person)
    for url in ("/admin/", reverse("events_admin:sign_in_sheet", args=[world_event.pk])):
        assert client.get(url)["Location"] == reverse("mfa_activate_totp"), url
    # allauth asks for the password again before an authenticator is added.
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = client.session["mfa.totp.secret"]
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    response = client.post(reverse("mfa_activate_totp"), {"code": code})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_signed_in_person_without_admin_rights_gets_a_clear_no_at_the_admin(alice):
    """Finding 11: it was an endless redirect between /admin/ and the sign-in page."""
    client = Client()
    client.force_login(alice)
    for url in ("/admin/", "/admin/pages/", "/admin/login/"):
        response = client.get(url, follow=True)
        assert response.status_code == 403, url
        assert len(response.redirect_chain) <= 2, response.redirect_chain
        html = response.content.decode()
        assert "You do not have access" in html and "admin" in html
        assert 'href="/"' in html


@pytest.fixture
def world_event(db, host):
    from events.models import EventIndexPage, Venue
    from tests.proof.conftest import make_event, make_home

    home = make_home()
    index = EventIndexPage(title="Events", slug="events")
    home.add_child(instance=index)
    venue = Venue.objects.create(name="Merrion House", address="110 Merrion Centre",
                                 postcode="LS2 8BB")
    return make_event(index, venue)
