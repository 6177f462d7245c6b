"""The Centre's keys for signing verifiable credentials (Ed25519; JOSE alg EdDSA).

CREDENTIAL_SIGNING_KEYS holds them, newest first, comma-separated, each as printed by
`manage.py make_credential_key` ("ed25519:" and the base64url private key). The newest signs;
every key listed is published, so what an older key signed still verifies. To rotate: make a
new key, put it first, and keep the old ones after it for as long as what they signed should
verify (for certificates: until the last one they signed has expired).

Without the variable, in development and tests only, one key is derived from SECRET_KEY, so a
fresh checkout (`make run`) issues credentials at once. With DEBUG off it is required: the
system check cms.E101 stops `manage.py check`, `migrate` and the server's start, and signing
refuses too.
"""

import base64
import json
import warnings

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

PREFIX = "ed25519:"
ALGORITHM = "EdDSA"


def _b64url(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def new_key_value():
    """A new private key, in the form CREDENTIAL_SIGNING_KEYS takes."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return PREFIX + _b64url(Ed25519PrivateKey.generate().private_bytes_raw())


def _development_seed():
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"rpc credential signing key (development only)").derive(
        settings.SECRET_KEY.encode())


def _key_from_seed(seed):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from joserfc.jwk import OKPKey

    key = OKPKey.import_key(Ed25519PrivateKey.from_private_bytes(seed))
    # The key id is the key's own RFC 7638 thumbprint: the same key always has the same
    # id, wherever the site is served from.
    return OKPKey.import_key(Ed25519PrivateKey.from_private_bytes(seed),
                             {"kid": key.thumbprint(), "alg": ALGORITHM, "use": "sig"})


def _configured_values():
    value = settings.CREDENTIAL_SIGNING_KEYS
    if isinstance(value, str):
        value = value.split(",")
    return [item.strip() for item in value if item.strip()]


def parse_key(value):
    if not value.startswith(PREFIX):
        raise ImproperlyConfigured(
            f"A credential signing key starts with {PREFIX!r}: make one with "
            "`manage.py make_credential_key`.")
    try:
        seed = _b64url_decode(value[len(PREFIX):])
    except ValueError:
        seed = b""
    if len(seed) != 32:
        raise ImproperlyConfigured("A credential signing key is 32 bytes, base64url encoded.")
    return _key_from_seed(seed)


def signing_keys():
    """Every key, newest first (private: never publish these; see public_jwks)."""
    values = _configured_values()
    if values:
        return [parse_key(value) for value in values]
    if not (settings.DEBUG or settings.TESTING):
        raise ImproperlyConfigured("CREDENTIAL_SIGNING_KEYS must be set when DEBUG is off.")
    return [_key_from_seed(_development_seed())]


def _same(thumbprint):
    return thumbprint


def public_jwks(key_id=_same):
    """The JSON Web Key Set that verifiers fetch: the public half of every key. `key_id`
    turns a key's thumbprint into the kid published (for example a URL that serves it)."""
    return {"keys": [{**key.as_dict(private=False), "kid": key_id(key.kid)}
                     for key in signing_keys()]}


def sign_jwt(payload, header=None, key_id=_same):
    """A compact JWS of `payload` (a dict) with the newest key; its kid names the key, as
    public_jwks(key_id) publishes it."""
    from joserfc import jws

    key = signing_keys()[0]
    protected = {"alg": ALGORITHM, "kid": key_id(key.kid), "typ": "JWT", **(header or {})}
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    with warnings.catch_warnings():
        # joserfc prefers RFC 9864's "Ed25519" name; Open Badges 3.0 verifiers and wallets
        # know the algorithm as EdDSA, which names the same signature.
        warnings.filterwarnings("ignore", message="EdDSA is deprecated")
        return jws.serialize_compact(protected, body, key, algorithms=[ALGORITHM])


@checks.register(checks.Tags.security)
def check_signing_keys(app_configs, **kwargs):
    try:
        signing_keys()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="cms.E101",
                             hint="Run `manage.py make_credential_key` and set "
                                  "CREDENTIAL_SIGNING_KEYS to what it prints.")]
    return []
