"""Staff set up an organisation's single sign-on in the admin; saving writes the allauth
SocialApp behind it, and the organisation's domains then route people to it."""

import pytest
from allauth.socialaccount.models import SocialApp
from django.test import Client

from cms.models import OrganisationSignOn
from cms.sso import sign_on_for_email
from tests import factories

pytestmark = pytest.mark.django_db


def test_staff_configure_an_organisations_sign_on_in_the_admin(staff):
    organisation = factories.OrganisationFactory(name="Northfield Borough Council",
                                                 email_domains="northfield.gov.uk")
    client = Client()
    client.force_login(staff)
    url = "/admin/snippets/cms/organisationsignon/add/"
    assert client.get(url).status_code == 200
    response = client.post(url, {
        "organisation": organisation.pk, "protocol": "oidc", "is_enabled": "on",
        "button_label": "Northfield staff account",
        "issuer_url": "https://login.example/northfield/v2.0", "client_id": "abc",
        "client_secret": "s3cret", "idp_entity_id": "", "idp_sso_url": "",
        "idp_certificate": ""})
    assert response.status_code == 302, response.content[:500]
    sign_on = OrganisationSignOn.objects.get(organisation=organisation)
    app = SocialApp.objects.get(provider_id=sign_on.provider_id)
    assert (app.provider, app.client_id, app.secret) == ("openid_connect", "abc", "s3cret")
    assert app.settings["server_url"] == "https://login.example/northfield/v2.0"
    assert sign_on_for_email("Lara@Northfield.gov.uk") == sign_on
    assert sign_on_for_email("lara@northfield.gov.uk.evil.example") is None
    # A password-only session cannot reach the screen at all.
    password_only = Client()
    password_only.force_login(factories.centre_staff(email="paul@example.org"), mfa=False)
    assert password_only.get(url).status_code == 302
