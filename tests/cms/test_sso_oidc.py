"""Single sign-on with OpenID Connect, end to end against a real provider: django-oauth-toolkit
with OIDC on, running as its own process on loopback (tests/cms/oidc_provider/), started
once for this module. The platform's side is allauth's own openid_connect provider, driven
through the test client; the browser's side of the provider is driven with requests."""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from allauth.account.models import EmailAddress
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.test import Client
from django.urls import reverse

from cms import roles
from cms.models import OrganisationSignOn, User
from cms.sso import sync_social_app
from tests import factories

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
NORTHFIELD_PK = 424242
CLIENT_ID = "northfield-learning"
CLIENT_SECRET = "northfield-secret-for-tests"
PASSWORD = "provider-password"


@pytest.fixture(scope="module")
def provider(tmp_path_factory):
    """The provider process, serving until the module ends."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()).decode()
    people = [
        {"username": "leader", "email": "lara@northfield.gov.uk", "first_name": "Lara",
         "last_name": "Leader", "password": PASSWORD},
        {"username": "staff-mfa", "email": "sam@northfield.gov.uk", "first_name": "Sam",
         "last_name": "Staff", "password": PASSWORD},
        {"username": "staff", "email": "pat@northfield.gov.uk", "first_name": "Pat",
         "last_name": "Staff", "password": PASSWORD},
        {"username": "outsider", "email": "olly@elsewhere.example", "first_name": "Olly",
         "last_name": "Outsider", "password": PASSWORD},
        {"username": "unverified", "email": "uma@northfield.gov.uk", "first_name": "Uma",
         "last_name": "Unverified", "password": PASSWORD},
    ]
    env = {**os.environ, "IDP_DATABASE": str(tmp_path_factory.mktemp("idp") / "idp.sqlite3"),
           "IDP_RSA_KEY": key, "IDP_USERS": json.dumps(people),
           "IDP_CLIENTS": json.dumps([{
               "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET,
               # allauth's callback for the provider id cms.sso gives the organisation
               # (org-<pk>); the test site is http://testserver. The organisation's pk is
               # fixed: PostgreSQL's sequences are not rolled back between tests.
               "redirect_uri": f"http://testserver/accounts/oidc/org-{NORTHFIELD_PK}"
                               "/login/callback/"}])}
    process = subprocess.Popen([sys.executable, "-m", "tests.cms.oidc_provider.serve"],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    assert line.startswith("READY"), line
    yield f"http://127.0.0.1:{line.split()[1]}"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(autouse=True)
def _loopback_without_proxy(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest.fixture
def northfield(provider):
    organisation = factories.OrganisationFactory(pk=NORTHFIELD_PK,
                                                 name="Northfield Borough Council",
                                                 email_domains="northfield.gov.uk")
    sign_on = OrganisationSignOn.objects.create(
        organisation=organisation, protocol=OrganisationSignOn.Protocol.OIDC,
        issuer_url=f"{provider}/o", client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    sync_social_app(sign_on)
    return sign_on


def sign_in_through(provider, sign_on, username, client=None):
    """The whole round trip: the site sends the browser to the provider, the person signs in
    there, the provider sends them back with a code, allauth exchanges it (a real HTTP call
    to the provider) and signs them in. Returns the client and the site's last answer."""
    client = client or Client()
    domain = sign_on.organisation.domain_list()[0]
    start = client.post("/accounts/work-account/", {"email": f"someone@{domain}"})
    assert start.status_code == 200
    login_url = f"/accounts/oidc/{sign_on.provider_id}/login/"
    assert f'action="{login_url}"' in start.content.decode()
    to_provider = client.post(login_url)
    assert to_provider.status_code == 302
    authorize = to_provider["Location"]
    assert authorize.startswith(provider)
    browser = requests.Session()
    to_login = browser.get(authorize, allow_redirects=False)
    assert to_login.status_code == 302
    next_url = parse_qs(urlsplit(to_login.headers["Location"]).query)["next"][0]
    signed_in = browser.post(f"{provider}/login/", data={
        "username": username, "password": PASSWORD, "next": next_url}, allow_redirects=False)
    back = browser.get(provider + signed_in.headers["Location"], allow_redirects=False)
    assert back.status_code == 302, back.text[:500]
    callback = urlsplit(back.headers["Location"])
    assert callback.netloc == "testserver"
    return client, client.get(f"{callback.path}?{callback.query}")


def test_a_leader_signs_in_with_their_councils_account_and_joins_it(provider, northfield):
    client, response = sign_in_through(provider, northfield, "leader")
    assert response.status_code == 302, response.content[:500]
    user = User.objects.get(email="lara@northfield.gov.uk")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert user.full_name == "Lara Leader"
    assert user.organisation == northfield.organisation
    assert roles.VISITING_LEADERS in set(user.groups.values_list("name", flat=True))
    assert EmailAddress.objects.get(user=user).verified
    assert not user.has_usable_password()


def test_a_first_sign_in_links_an_existing_account_by_its_verified_address(provider,
                                                                           northfield):
    existing = factories.visiting_leader(email="lara@northfield.gov.uk",
                                         organisation=northfield.organisation)
    client, response = sign_in_through(provider, northfield, "leader")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(existing.pk)
    assert User.objects.filter(email__iexact="lara@northfield.gov.uk").count() == 1
    assert existing.socialaccount_set.get().provider == northfield.provider_id


def test_an_account_whose_address_is_not_verified_is_not_taken_over(provider, northfield):
    existing = factories.visiting_leader(email="lara@northfield.gov.uk",
                                         organisation=northfield.organisation)
    EmailAddress.objects.filter(user=existing).update(verified=False)
    client, response = sign_in_through(provider, northfield, "leader")
    assert response.status_code == 403
    assert "not confirmed" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert not existing.socialaccount_set.exists()


def test_an_address_the_provider_did_not_verify_is_refused(provider, northfield):
    client, response = sign_in_through(provider, northfield, "unverified")
    assert response.status_code == 403
    assert "did not confirm your email" in response.content.decode()
    assert not User.objects.filter(email="uma@northfield.gov.uk").exists()


def test_an_address_outside_the_organisations_domains_is_refused(provider, northfield):
    client, response = sign_in_through(provider, northfield, "outsider")
    assert response.status_code == 403
    assert "is not an address of Northfield Borough Council" in response.content.decode()
    assert not User.objects.filter(email="olly@elsewhere.example").exists()


def test_an_unknown_domain_is_offered_no_provider(db):
    response = Client().post("/accounts/work-account/", {"email": "someone@unknown.example"})
    assert response.status_code == 200
    assert "does not sign in with its own account here" in response.content.decode()


def _make_staff(email, organisation):
    return factories.centre_staff(email=email, organisation=organisation)


def test_staff_need_this_platforms_mfa_unless_a_trusted_provider_asserted_it(provider,
                                                                             northfield):
    sam = _make_staff("sam@northfield.gov.uk", northfield.organisation)
    # Not trusted: the provider's "mfa" does not count; allauth asks for the code.
    client, response = sign_in_through(provider, northfield, "staff-mfa")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_authenticate"))
    assert "_auth_user_id" not in client.session

    # Trusted, and the provider checked a second factor: signed in, and the admin opens.
    northfield.trust_provider_mfa = True
    northfield.save()
    client, response = sign_in_through(provider, northfield, "staff-mfa")
    assert client.session["_auth_user_id"] == str(sam.pk)
    assert client.get("/admin/").status_code == 200

    # Trusted provider, but this sign-in used a password alone there: the code is asked.
    _make_staff("pat@northfield.gov.uk", northfield.organisation)
    client, response = sign_in_through(provider, northfield, "staff")
    assert response["Location"].startswith(reverse("mfa_authenticate"))
    assert "_auth_user_id" not in client.session


def test_provider_asserted_mfa_reads_the_amr_claim():
    from types import SimpleNamespace

    from cms.access import provider_asserted_mfa

    assert provider_asserted_mfa(SimpleNamespace(extra_data={"id_token": {"amr": ["pwd", "mfa"]}}))
    assert not provider_asserted_mfa(SimpleNamespace(extra_data={"id_token": {"amr": ["pwd"]}}))
    assert not provider_asserted_mfa(SimpleNamespace(extra_data={}))
