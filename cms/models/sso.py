"""Single sign-on per organisation: a partner's own identity provider (OpenID Connect or
SAML 2.0), through django-allauth's providers. Staff fill this in; cms.sso keeps allauth's
SocialApp in step with it, and the organisation's email domains decide who may use it."""

from django.db import models

from cms import limits


class OrganisationSignOn(models.Model):
    class Protocol(models.TextChoices):
        OIDC = "oidc", "OpenID Connect (for example Microsoft Entra ID)"
        SAML = "saml", "SAML 2.0"

    organisation = models.OneToOneField("cms.Organisation", on_delete=models.CASCADE,
                                        related_name="sign_on")
    protocol = models.CharField(max_length=10, choices=Protocol.choices, default=Protocol.OIDC)
    is_enabled = models.BooleanField(
        "enabled", default=True,
        help_text="People with an address on the organisation's email domains are offered "
        "this sign-in.")
    button_label = models.CharField(
        max_length=100, blank=True, help_text="For example \"Northfield staff account\". "
        "Leave blank for the organisation's name.")
    # OpenID Connect
    issuer_url = models.URLField(
        "issuer URL", blank=True, help_text="OpenID Connect: the issuer, for example "
        "https://login.microsoftonline.com/<tenant id>/v2.0")
    client_id = models.CharField("client ID", max_length=200, blank=True)
    client_secret = models.CharField(max_length=500, blank=True)
    # SAML 2.0
    idp_entity_id = models.CharField("identity provider entity ID", max_length=500, blank=True)
    idp_sso_url = models.URLField("identity provider sign-in URL", max_length=500, blank=True)
    idp_certificate = models.TextField(
        "identity provider certificate", blank=True, max_length=limits.LONG_TEXT,
        help_text="SAML: the provider's signing certificate (PEM).")
    trust_provider_mfa = models.BooleanField(
        "trust the provider's MFA", default=False,
        help_text="Staff who sign in here skip this platform's authenticator code when the "
        "provider says it checked a second factor (OpenID Connect `amr` containing "
        "\"mfa\"). Leave off unless the organisation enforces MFA.")
    social_app = models.OneToOneField("socialaccount.SocialApp", null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="sign_on",
                                      editable=False)

    class Meta:
        verbose_name = "single sign-on"
        verbose_name_plural = "single sign-on"

    def __str__(self):
        return f"{self.organisation}: {self.get_protocol_display()}"

    @property
    def provider_id(self):
        """The id allauth knows the provider by (and its URLs carry)."""
        return f"org-{self.organisation_id}"

    @property
    def label(self):
        return self.button_label or self.organisation.name
