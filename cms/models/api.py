"""Tokens other systems use to read the API, and the log of every request made with one.

A token is shown once, when it is made; only its hash and a short prefix (to tell tokens
apart in lists) are stored, so a copy of the database opens nothing."""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q


def hash_token(raw):
    """Tokens are long random strings, so a plain SHA-256 is enough (no salt or stretching:
    nobody can guess their way to one) and lets a request find its token with one lookup."""
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    class Scope(models.TextChoices):
        PERSONAL = "personal", "Personal (read my own records)"
        ORGANISATION = "organisation", "Organisation (completions of its people)"

    name = models.CharField(max_length=100, help_text="What it is for, for example "
                            "\"HR system nightly import\".")
    scope = models.CharField(max_length=20, choices=Scope.choices)
    prefix = models.CharField(max_length=16, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    # A personal token reads its owner's records; an organisation token those of the
    # organisation's people. Exactly one of the two is set (see the constraint).
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.CASCADE, related_name="personal_api_tokens")
    organisation = models.ForeignKey("cms.Organisation", null=True, blank=True,
                                     on_delete=models.CASCADE, related_name="api_tokens")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = "API token"
        ordering = ["-created_at", "-pk"]
        constraints = [models.CheckConstraint(
            condition=(Q(scope="personal", user__isnull=False, organisation__isnull=True)
                       | Q(scope="organisation", user__isnull=True,
                           organisation__isnull=False)),
            name="api_token_has_one_owner")]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_revoked(self):
        return self.revoked_at is not None


class ApiRequestLog(models.Model):
    """One row per request made with a token, refused ones included."""

    wagtail_reference_index_ignore = True

    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE, related_name="requests")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=500)
    query = models.CharField(max_length=500, blank=True)
    status_code = models.PositiveSmallIntegerField()
    client_ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = "API request"
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.method} {self.path} {self.status_code}"
