"""Issuing and revoking API tokens: the rules, in one place."""

import secrets

from django.db import transaction
from django.utils import timezone

from cms.models import ApiToken
from cms.models.api import hash_token

TOKEN_START = "rpc"


class TokenError(Exception):
    pass


def _new_raw_token():
    prefix = secrets.token_hex(4)
    return prefix, f"{TOKEN_START}_{prefix}_{secrets.token_urlsafe(32)}"


def issue_personal_token(user, *, name):
    """A person's own read-only token. The raw token is returned once and never stored."""
    return _issue(ApiToken.Scope.PERSONAL, name, user=user, created_by=user)


def issue_organisation_token(organisation, *, name, by):
    """A token Centre staff give to a partner organisation: it reads the completions and
    certificates of that organisation's people, nobody else's."""
    return _issue(ApiToken.Scope.ORGANISATION, name, organisation=organisation, created_by=by)


@transaction.atomic
def _issue(scope, name, *, created_by, user=None, organisation=None):
    name = (name or "").strip()
    if not name:
        raise TokenError("Enter a name for the token.")
    prefix, raw = _new_raw_token()
    token = ApiToken.objects.create(scope=scope, name=name[:100], prefix=prefix,
                                    key_hash=hash_token(raw), user=user,
                                    organisation=organisation, created_by=created_by)
    return token, raw


@transaction.atomic
def revoke_token(token, *, by):
    """A revoked token is refused from the next request on; it stays listed, with its log."""
    if token.revoked_at is None:
        ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now(), revoked_by=by)
        token.refresh_from_db(fields=["revoked_at", "revoked_by"])
    return token
