"""Single sign-on per organisation, through allauth (still the one door: its social login
views, rate limits and session records).

- `sync_social_app` keeps allauth's SocialApp in step with what staff enter in the admin
  (cms.models.OrganisationSignOn).
- `sign_on_for_email` finds the organisation whose email domains include an address, for
  the "Sign in with your work account" page.
- `SignOnAdapter` holds the rules of a sign-in through a provider: the address must be
  verified and on the organisation's own domains, an existing account is linked only
  through a verified address, new accounts join the organisation (and so take its role,
  cms.services.join_organisation), and a provider's MFA counts only where staff said to
  trust it (cms.access.provider_asserted_mfa)."""

from allauth.account.models import EmailAddress
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialAccount, SocialApp
from django.db import transaction
from django.shortcuts import render

from cms import access
from cms.models import OrganisationSignOn, User

OIDC_PROVIDER = "openid_connect"
SAML_PROVIDER = "saml"


@transaction.atomic
def sync_social_app(sign_on):
    """Write the allauth SocialApp this sign-on uses (made on first save)."""
    app = sign_on.social_app or SocialApp()
    app.name = sign_on.label[:40]
    app.provider_id = sign_on.provider_id
    if sign_on.protocol == OrganisationSignOn.Protocol.OIDC:
        app.provider = OIDC_PROVIDER
        app.client_id = sign_on.client_id
        app.secret = sign_on.client_secret
        app.settings = {"server_url": sign_on.issuer_url.rstrip("/"),
                        "oauth_pkce_enabled": True}
    else:
        app.provider = SAML_PROVIDER
        # allauth's SAML URLs carry the client id as the "organization slug".
        app.client_id = sign_on.provider_id
        app.secret = ""
        app.settings = {
            "idp": {"entity_id": sign_on.idp_entity_id, "sso_url": sign_on.idp_sso_url,
                    "x509cert": sign_on.idp_certificate},
            "attribute_mapping": {
                "uid": ["urn:oasis:names:tc:SAML:attribute:subject-id"],
                "email": ["urn:oid:0.9.2342.19200300.100.1.3", "email",
                          "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"],
                "name": ["urn:oid:2.16.840.1.113730.3.1.241", "displayName",
                         "http://schemas.microsoft.com/identity/claims/displayname"],
            },
            "use_nameid_for_email": False,
            "advanced": {"want_assertion_signed": True, "strict": True,
                         "allow_single_label_domains": True},
        }
    app.save()
    if sign_on.social_app_id != app.pk:
        sign_on.social_app = app
        sign_on.save(update_fields=["social_app"])
    return app


def _domain(email):
    return email.rpartition("@")[2].strip().lower()


def sign_on_for_email(email):
    """The enabled sign-on of the organisation whose domains include this address."""
    domain = _domain(email or "")
    if not domain:
        return None
    for sign_on in (OrganisationSignOn.objects.filter(is_enabled=True,
                                                      social_app__isnull=False)
                    .select_related("organisation", "social_app")):
        if domain in sign_on.organisation.domain_list():
            return sign_on
    return None


def sign_on_for_provider(provider_id):
    return (OrganisationSignOn.objects.select_related("organisation")
            .filter(social_app__provider_id=provider_id).first())


def refuse(request, reason, status=403):
    """A clear page, never a 500: what went wrong and what to do instead."""
    raise ImmediateHttpResponse(render(request, "account/sso_refused.html",
                                       {"reason": reason}, status=status))


class SignOnAdapter(DefaultSocialAccountAdapter):
    def pre_social_login(self, request, sociallogin):
        # allauth names the account's provider by its app's provider_id: ours, per
        # organisation.
        sign_on = sign_on_for_provider(sociallogin.account.provider)
        if sign_on is None or not sign_on.is_enabled:
            refuse(request, "This sign-in is not set up for any organisation here.")
        organisation = sign_on.organisation
        addresses = [a for a in sociallogin.email_addresses if a.email]
        email = (addresses[0].email if addresses else sociallogin.user.email or "").lower()
        if not email:
            refuse(request, "Your organisation's sign-in did not tell us your email address.")
        if not organisation.owns_address(email):
            refuse(request, f"{email} is not an address of {organisation}, so it cannot "
                   "sign in with its account. Sign in with your email and password instead.")
        verified = sign_on.protocol == OrganisationSignOn.Protocol.SAML or any(
            a.verified for a in addresses if a.email.lower() == email)
        if not verified:
            refuse(request, "Your organisation's sign-in did not confirm your email "
                   "address, so we cannot match it to an account.")
        # SAML assertions are signed by the organisation for its own domains: its address.
        for address in addresses:
            address.verified = True
        linked = SocialAccount.objects.filter(provider=sociallogin.account.provider,
                                              uid=sociallogin.account.uid).exists()
        if not linked:
            # allauth would link (or log into) an account found by this address: only when
            # that account's own address is verified, so nobody can pre-register a
            # colleague's address and wait for their first sign-in.
            existing = User.objects.filter(email__iexact=email).first()
            if existing is not None and not EmailAddress.objects.filter(
                    user=existing, email__iexact=email, verified=True).exists():
                refuse(request, "An account with this address exists but its address is "
                       "not confirmed. Sign in with your password and confirm your address "
                       "first; then your work account will link to it.")
        request.sso_sign_on = sign_on
        request.sso_asserted_mfa = (sign_on.trust_provider_mfa
                                    and access.provider_asserted_mfa(sociallogin.account))

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        name = data.get("name") or " ".join(
            part for part in (data.get("first_name"), data.get("last_name")) if part)
        user.full_name = (name or "")[:150]
        return user

    def save_user(self, request, sociallogin, form=None):
        from cms import services

        user = super().save_user(request, sociallogin, form)
        sign_on = getattr(request, "sso_sign_on", None)
        if sign_on is not None:
            services.join_organisation(user, sign_on.organisation)
        return user

    def is_open_for_signup(self, request, sociallogin):
        return True

    def on_authentication_error(self, request, provider, error=None, exception=None,
                                extra_context=None):
        refuse(request, "Your organisation's sign-in could not be completed: the answer "
               "from its identity provider was not valid for this site (it may have "
               "expired, or been meant for another service). Try again, or sign in with "
               "your email and password.", status=400)
