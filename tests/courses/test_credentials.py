"""Certificates as Open Badges 3.0 credentials: what a wallet or an employer's verifier gets,
checked the way they would check it, with nothing but what the Centre publishes."""

import base64
import datetime
import gzip
import io
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import jsonschema
import pytest
from django.core.management import call_command
from joserfc import jws
from joserfc.errors import BadSignatureError
from joserfc.jwk import KeySet

from cms.credential_keys import check_signing_keys, new_key_value, parse_key
from courses import services
from tests.courses.test_access import complete

pytestmark = pytest.mark.django_db

STANDARDS = Path(__file__).resolve().parents[1] / "standards" / "openbadges-3.0"


def schema(name):
    return json.loads((STANDARDS / name).read_text())


def published_keys(client):
    response = client.get("/credentials/issuer/jwks.json")
    assert response.status_code == 200
    return KeySet.import_key_set(response.json())


def verify(token, keys):
    """What any verifier does: the signature against the published keys, by kid."""
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="EdDSA is deprecated")
        return json.loads(jws.deserialize_compact(token, keys, algorithms=["EdDSA"]).payload)


def download(client, certificate, kind="jwt"):
    response = client.get(f"/certificates/{certificate.public_id}/credential.{kind}")
    assert response.status_code == 200
    return response


@pytest.fixture
def certificate(alice, course):
    return complete(alice, course)


def test_the_holder_downloads_a_credential_that_validates_against_the_schema(
        client, alice, certificate):
    client.force_login(alice)
    page = client.get(f"/certificates/{certificate.public_id}/").content.decode()
    assert f"/certificates/{certificate.public_id}/credential.jwt" in page
    response = download(client, certificate)
    assert response["Content-Type"] == "application/vc+jwt"
    assert certificate.number in response["Content-Disposition"]
    token = response.content.decode()
    credential = verify(token, published_keys(client))
    validator = jsonschema.Draft201909Validator(
        schema("achievementcredential.schema.json"),
        format_checker=jsonschema.Draft201909Validator.FORMAT_CHECKER)
    validator.validate(credential)
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert credential["credentialSubject"]["identifier"][0]["identityHash"] == "Alice Adams"
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["name"] == certificate.course_title
    # validFrom/validUntil: the start of the day of issue and the end of the day of expiry,
    # in the Centre's time zone (written in UTC).
    london = ZoneInfo("Europe/London")

    def local(stamp):
        return datetime.datetime.fromisoformat(stamp).astimezone(london)

    assert local(credential["validFrom"]) == datetime.datetime.combine(
        certificate.issued_on, datetime.time.min, london)
    assert local(credential["validUntil"]) == datetime.datetime.combine(
        certificate.expires_on, datetime.time(23, 59, 59), london)
    assert credential["nbf"] == int(local(credential["validFrom"]).timestamp())
    assert credential["exp"] == int(local(credential["validUntil"]).timestamp())
    assert credential["iss"] == credential["issuer"]["id"]
    # The .json download is the same VC-JWT, enveloped as VC data model 2.0 describes.
    enveloped = download(client, certificate, "json").json()
    assert enveloped["type"] == "EnvelopedVerifiableCredential"
    assert enveloped["id"] == f"data:application/vc+jwt,{token}"


def test_the_issuer_profile_publishes_the_keys_and_validates(client):
    profile = client.get("/credentials/issuer/").json()
    jsonschema.Draft201909Validator(schema("profile.schema.json")).validate(profile)
    assert profile["id"].endswith("/credentials/issuer/")
    jwks = client.get("/credentials/issuer/jwks.json").json()
    assert profile["publicKeys"] == jwks["keys"]
    assert all(key["kid"] and "d" not in key for key in jwks["keys"])


def test_changing_any_field_breaks_the_signature(client, certificate):
    token = download(client, certificate).content.decode()
    keys = published_keys(client)
    header, payload, signature = token.split(".")
    credential = verify(token, keys)

    def leaves(value, path=()):
        if isinstance(value, dict):
            for key, item in value.items():
                yield from leaves(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from leaves(item, (*path, index))
        else:
            yield path

    paths = list(leaves(credential))
    assert len(paths) > 20
    for path in paths:
        changed = json.loads(json.dumps(credential))
        target = changed
        for step in path[:-1]:
            target = target[step]
        original = target[path[-1]]
        target[path[-1]] = original + 1 if isinstance(original, int | float) else f"{original}x"
        forged = base64.urlsafe_b64encode(json.dumps(changed).encode()).rstrip(b"=").decode()
        with pytest.raises(BadSignatureError):
            verify(f"{header}.{forged}.{signature}", keys)


def _revoked(client, credential):
    entry = credential["credentialStatus"]
    assert entry["type"] == "BitstringStatusListEntry"
    assert entry["statusPurpose"] == "revocation"
    response = client.get(entry["statusListCredential"].removeprefix("http://testserver"))
    assert response["Content-Type"] == "application/vc+jwt"
    status_list = verify(response.content.decode(), published_keys(client))
    assert status_list["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    encoded = status_list["credentialSubject"]["encodedList"]
    assert encoded[0] == "u"  # multibase base64url, no padding
    body = encoded[1:]
    bits = gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    assert len(bits) * 8 >= 131_072
    index = int(entry["statusListIndex"])
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def test_revoking_the_certificate_flips_its_bit_in_the_status_list(
        client, certificate, staff, settings):
    settings.SITE_URL = "http://testserver"
    credential = verify(download(client, certificate).content.decode(), published_keys(client))
    assert _revoked(client, credential) is False
    services.revoke_certificate(certificate, staff, "Issued in error")
    assert _revoked(client, credential) is True


def test_a_credential_signed_with_an_old_key_still_verifies_after_rotation(
        client, certificate, settings):
    settings.SITE_URL = "http://testserver"
    old_key, new_key = new_key_value(), new_key_value()
    settings.CREDENTIAL_SIGNING_KEYS = [old_key]
    old_token = download(client, certificate).content.decode()
    settings.CREDENTIAL_SIGNING_KEYS = [new_key, old_key]
    keys = published_keys(client)
    assert verify(old_token, keys)["id"] == certificate.verification_url()
    new_token = download(client, certificate).content.decode()
    kid = json.loads(base64.urlsafe_b64decode(new_token.split(".")[0] + "=="))["kid"]
    assert kid == f"http://testserver/credentials/issuer/keys/{parse_key(new_key).kid}.json"
    # The kid is a URL that serves the key (OB 3.0 section 8.2).
    assert client.get(kid.removeprefix("http://testserver")).json() in keys.as_dict()["keys"]
    settings.CREDENTIAL_SIGNING_KEYS = [new_key]  # the old key retired
    with pytest.raises(Exception):  # noqa: B017  (no key with that kid any more)
        verify(old_token, published_keys(client))


def test_production_refuses_to_run_without_a_signing_key(settings):
    settings.DEBUG = settings.TESTING = False
    settings.CREDENTIAL_SIGNING_KEYS = []
    assert [error.id for error in check_signing_keys(None)] == ["cms.E101"]
    settings.CREDENTIAL_SIGNING_KEYS = ["not-a-key"]
    assert [error.id for error in check_signing_keys(None)] == ["cms.E101"]
    out = io.StringIO()
    call_command("make_credential_key", stdout=out, stderr=io.StringIO())
    settings.CREDENTIAL_SIGNING_KEYS = [out.getvalue().strip()]
    assert check_signing_keys(None) == []
