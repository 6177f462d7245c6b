"""Certificates as Open Badges 3.0 credentials: each certificate is also an
OpenBadgeCredential (a W3C Verifiable Credential, data model 2.0), secured as a VC-JWT signed
with the Centre's Ed25519 key (cms.credential_keys), its revocation published in a Bitstring
Status List that is itself a signed credential.

A verifier needs nothing but the issuer's published keys (the JWKS at
`courses:credential_jwks`; the JWT's kid is the URL of its key) to check the signature, and the status
list to check revocation. The credential is built from the certificate's own record each
time it is downloaded, so it always says what the certificate says."""

import base64
import datetime
import gzip

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from cms.credential_keys import public_jwks, sign_jwt
from cms.site_url import absolute_url
from courses.models import Certificate

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB_SCHEMA = ("https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
             "ob_v3p0_achievementcredential_schema.json")
# The Bitstring Status List spec's minimum (16 KB): every list looks alike in size, so a list
# says nothing about how many certificates there are.
STATUS_LIST_BITS = 131_072


def issuer_id():
    return absolute_url(reverse("courses:credential_issuer"))


def status_list_url():
    return absolute_url(reverse("courses:credential_status_list"))


def key_id(thumbprint):
    """A key's kid: the URL that serves it as a JWK (OB 3.0 section 8.2: a URI that can be
    dereferenced to the public key). The key is found by its RFC 7638 thumbprint."""
    return absolute_url(reverse("courses:credential_key", args=[thumbprint]))


def published_keys():
    return public_jwks(key_id)


def published_key(thumbprint):
    wanted = key_id(thumbprint)
    return next((key for key in published_keys()["keys"] if key["kid"] == wanted), None)


def _issuer_ref():
    return {"id": issuer_id(), "type": ["Profile"], "name": settings.CENTRE_NAME,
            "url": absolute_url("/")}


def issuer_profile():
    """The Centre's issuer profile (an OB 3.0 Profile), with its public keys."""
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        **_issuer_ref(),
        "description": "Issues the certificates of the Centre's courses as Open Badges 3.0 "
                       "credentials, signed as VC-JWTs (EdDSA, Ed25519).",
        "jwks_uri": absolute_url(reverse("courses:credential_jwks")),
        "publicKeys": published_keys()["keys"],
    }


def _utc(moment):
    return moment.astimezone(datetime.UTC).replace(microsecond=0).isoformat().replace(
        "+00:00", "Z")


def valid_from(certificate):
    """The start of the day of issue, in the Centre's time zone."""
    return timezone.make_aware(datetime.datetime.combine(certificate.issued_on,
                                                         datetime.time.min))


def valid_until(certificate):
    """The end of the day of expiry: the certificate is valid on that day (Certificate.status)."""
    if not certificate.expires_on:
        return None
    return timezone.make_aware(datetime.datetime.combine(certificate.expires_on,
                                                         datetime.time(23, 59, 59)))


def _achievement(certificate):
    course = certificate.course
    achievement_id = (course.full_url if course is not None and course.full_url
                      else f"{issuer_id()}#course-{slugify(certificate.course_title)}")
    description = ((course.summary if course is not None else "")
                   or f"The {certificate.course_title} course of the {settings.CENTRE_NAME}.")
    achievement = {
        "id": achievement_id,
        "type": ["Achievement"],
        "achievementType": "CertificateOfCompletion",
        "name": certificate.course_title,
        "description": description,
        "criteria": {"narrative": "Completed every required module of the course, including "
                                  "its knowledge checks, with the Centre."},
        "creator": _issuer_ref(),
        "inLanguage": "en-GB",
    }
    if certificate.competencies:
        achievement["tag"] = [f"{code} {statement}" for code, statement in
                              certificate.competencies]
    return achievement


def certificate_credential(certificate):
    """The OpenBadgeCredential of a certificate (unsigned: see signed_credential)."""
    credential = {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": certificate.verification_url(),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{certificate.course_title}: certificate of completion",
        "issuer": _issuer_ref(),
        "validFrom": _utc(valid_from(certificate)),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "hashed": False,
                            "identityHash": certificate.learner_name, "identityType": "name"}],
            "achievement": _achievement(certificate),
            "creditsEarned": float(certificate.cpd_hours),
            "licenseNumber": certificate.number,
        },
        "credentialStatus": {
            "id": f"{status_list_url()}#{certificate.pk}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(certificate.pk),
            "statusListCredential": status_list_url(),
        },
        "credentialSchema": [{"id": OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
    }
    until = valid_until(certificate)
    if until:
        credential["validUntil"] = _utc(until)
    return credential


def signed_credential(certificate):
    """The credential as a VC-JWT (OB 3.0 section 8.2): the payload is the credential, with
    the registered claims iss, jti, nbf (validFrom) and exp (validUntil) beside it."""
    credential = certificate_credential(certificate)
    claims = {"iss": credential["issuer"]["id"], "jti": credential["id"],
              "nbf": int(valid_from(certificate).timestamp())}
    until = valid_until(certificate)
    if until:
        claims["exp"] = int(until.timestamp())
    return sign_jwt({**credential, **claims}, key_id=key_id)


def enveloped_credential(token):
    """The same VC-JWT as JSON, for wallets that import .json (VC data model 2.0's
    EnvelopedVerifiableCredential)."""
    return {"@context": [VC_CONTEXT], "id": f"data:application/vc+jwt,{token}",
            "type": "EnvelopedVerifiableCredential"}


def revocation_bits():
    """The status list's bitstring: bit i (counted from the first byte's high bit) is set
    when the certificate whose statusListIndex is i has been revoked."""
    top = Certificate.objects.aggregate(top=Max("pk"))["top"] or 0
    size = STATUS_LIST_BITS * (top // STATUS_LIST_BITS + 1)
    bits = bytearray(size // 8)
    for index in Certificate.objects.filter(revoked_at__isnull=False).values_list(
            "pk", flat=True):
        bits[index // 8] |= 0x80 >> (index % 8)
    return bytes(bits)


def status_list_credential(now=None):
    """The revocation list, as a BitstringStatusListCredential (its encodedList: multibase
    base64url, no padding, of the GZIP-compressed bitstring)."""
    now = now or timezone.now()
    url = status_list_url()
    encoded = base64.urlsafe_b64encode(gzip.compress(revocation_bits(), mtime=0))
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_id(),
        "validFrom": _utc(now),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": "u" + encoded.rstrip(b"=").decode(),
        },
    }


def signed_status_list(now=None):
    now = now or timezone.now()
    credential = status_list_credential(now)
    return sign_jwt({**credential, "iss": credential["issuer"], "jti": credential["id"],
                     "nbf": int(now.timestamp())}, key_id=key_id)
