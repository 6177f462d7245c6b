"""Single sign-on with SAML 2.0: a round trip between allauth's SAML provider (python3-saml)
and a real identity provider, pysaml2's IdP (signing with the xmlsec1 program), run in this
process. The browser's part (HTTP-Redirect to the provider, HTTP-POST back) is played by
the test client. A wrong audience and an expired assertion are refused with a clear page."""

import base64
import datetime
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from django.test import Client
from freezegun import freeze_time

from cms import roles
from cms.models import OrganisationSignOn, User
from cms.sso import sync_social_app
from tests import factories

pytestmark = [pytest.mark.django_db,
              pytest.mark.skipif(shutil.which("xmlsec1") is None,
                                 reason="pysaml2's IdP signs with xmlsec1 (apt: xmlsec1)")]

IDP_ENTITY_ID = "https://idp.northfield.test/saml"
IDP_SSO_URL = "https://idp.northfield.test/sso"


@pytest.fixture(scope="module")
def idp_keys(tmp_path_factory):
    folder = tmp_path_factory.mktemp("saml-idp")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "idp.northfield.test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=30))
            .sign(key, hashes.SHA256()))
    key_file, cert_file = folder / "idp.key", folder / "idp.crt"
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.TraditionalOpenSSL,
                                           serialization.NoEncryption()))
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_file, cert_file


@pytest.fixture
def northfield(idp_keys):
    organisation = factories.OrganisationFactory(name="Northfield Borough Council",
                                                 email_domains="northfield.gov.uk")
    sign_on = OrganisationSignOn.objects.create(
        organisation=organisation, protocol=OrganisationSignOn.Protocol.SAML,
        idp_entity_id=IDP_ENTITY_ID, idp_sso_url=IDP_SSO_URL,
        idp_certificate=idp_keys[1].read_text())
    sync_social_app(sign_on)
    return sign_on


def identity_provider(idp_keys, sp_metadata, other_service=None):
    from saml2 import BINDING_HTTP_REDIRECT
    from saml2.config import IdPConfig
    from saml2.saml import NAME_FORMAT_URI
    from saml2.server import Server

    metadata = [sp_metadata]
    if other_service:
        # Another service the provider also knows, at the same address: what it is sent
        # must not open our site.
        entity_id = sp_metadata.split('entityID="', 1)[1].split('"', 1)[0]
        metadata.append(sp_metadata.replace(entity_id, other_service))
    config = IdPConfig()
    config.load({
        "entityid": IDP_ENTITY_ID,
        "service": {"idp": {
            "endpoints": {"single_sign_on_service": [(IDP_SSO_URL, BINDING_HTTP_REDIRECT)]},
            "policy": {"default": {"lifetime": {"minutes": 5},
                                   "attribute_restrictions": None,
                                   "name_form": NAME_FORMAT_URI}},
            "sign_response": True, "sign_assertion": True,
        }},
        "key_file": str(idp_keys[0]), "cert_file": str(idp_keys[1]),
        "xmlsec_binary": shutil.which("xmlsec1"),
        "metadata": {"inline": metadata},
    })
    return Server(config=config)


def round_trip(client, sign_on, idp_keys, email, audience=None, post_at=None):
    """The site asks the provider to sign the person in; the provider answers with a signed
    assertion, which the browser posts back to the site's ACS. `audience`: send the
    assertion to another service instead; `post_at`: when the browser posts it."""
    from saml2 import BINDING_HTTP_REDIRECT, xmldsig
    from saml2.saml import NAMEID_FORMAT_PERSISTENT, NameID

    slug = sign_on.provider_id
    metadata = client.get(f"/accounts/saml/{slug}/metadata/")
    assert metadata.status_code == 200
    start = client.post(f"/accounts/saml/{slug}/login/")
    assert start.status_code == 302 and start["Location"].startswith(IDP_SSO_URL)
    query = parse_qs(urlsplit(start["Location"]).query)
    idp = identity_provider(idp_keys, metadata.content.decode(), other_service=audience)
    request = idp.parse_authn_request(query["SAMLRequest"][0], BINDING_HTTP_REDIRECT).message
    sp_entity_id = request.issuer.text
    response = idp.create_authn_response(
        identity={"urn:oid:0.9.2342.19200300.100.1.3": [email],
                  "urn:oid:2.16.840.1.113730.3.1.241": ["Lara Leader"]},
        in_response_to=request.id, destination=request.assertion_consumer_service_url,
        sp_entity_id=audience or sp_entity_id,
        name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text="lara-1234"),
        authn={"class_ref": "urn:oasis:names:tc:SAML:2.0:ac:classes:Password"},
        sign_response=True, sign_assertion=True,
        sign_alg=xmldsig.SIG_RSA_SHA256, digest_alg=xmldsig.DIGEST_SHA256)
    acs = urlsplit(request.assertion_consumer_service_url).path
    payload = {"SAMLResponse": base64.b64encode(str(response).encode()).decode(),
               "RelayState": query.get("RelayState", [""])[0]}
    with freeze_time(post_at) if post_at else _nothing():
        posted = client.post(acs, payload)
        assert posted.status_code == 302, posted.content[:500]
        return client.get(posted["Location"])


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_a_leader_signs_in_through_their_councils_saml_provider(northfield, idp_keys):
    client = Client(HTTP_HOST="testserver")
    response = round_trip(client, northfield, idp_keys, "lara@northfield.gov.uk")
    assert response.status_code == 302, response.content[:800]
    user = User.objects.get(email="lara@northfield.gov.uk")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert user.organisation == northfield.organisation
    assert roles.VISITING_LEADERS in set(user.groups.values_list("name", flat=True))


def test_an_assertion_for_another_service_is_refused(northfield, idp_keys):
    client = Client(HTTP_HOST="testserver")
    response = round_trip(client, northfield, idp_keys, "lara@northfield.gov.uk",
                          audience="https://another-service.example/saml")
    assert response.status_code == 400
    assert "could not be completed" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(email="lara@northfield.gov.uk").exists()


def test_an_expired_assertion_is_refused(northfield, idp_keys):
    client = Client(HTTP_HOST="testserver")
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=2)
    response = round_trip(client, northfield, idp_keys, "lara@northfield.gov.uk",
                          post_at=later)
    assert response.status_code == 400
    assert "expired" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_address_outside_the_organisations_domains_is_refused(northfield, idp_keys):
    client = Client(HTTP_HOST="testserver")
    response = round_trip(client, northfield, idp_keys, "lara@elsewhere.example")
    assert response.status_code == 403
    assert "is not an address of Northfield Borough Council" in response.content.decode()
    assert not User.objects.filter(email="lara@elsewhere.example").exists()
