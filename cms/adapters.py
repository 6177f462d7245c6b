from types import SimpleNamespace
from urllib.parse import quote

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import reverse


def client_ip(request):
    """The client's address, for rate limits: from the trusted proxy header when one is
    configured (TRUSTED_PROXY_HEADER, TRUSTED_PROXY_COUNT), else the socket's peer.

    Behind a load balancer REMOTE_ADDR is the balancer for everybody, so one person's
    failed sign-ins would lock everyone out, and nobody's would lock anyone. With
    X-Forwarded-For, only the entry the nearest trusted proxy appended is believed: a client
    can write anything to the left of it. A request that did not come through the proxy
    (too few entries, a malformed address) is keyed on its socket address instead."""
    header = settings.TRUSTED_PROXY_HEADER
    remote = request.META.get("REMOTE_ADDR", "")
    if not header:
        return remote
    value = request.headers.get(header, "")
    entries = [entry.strip() for entry in value.split(",") if entry.strip()]
    if header.lower() == "x-forwarded-for":
        count = max(settings.TRUSTED_PROXY_COUNT, 1)
        candidate = entries[-count] if len(entries) >= count else ""
    else:
        candidate = entries[-1] if entries else ""
    return candidate if _is_ip(candidate) else remote


def _is_ip(value):
    import ipaddress

    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


class AccountAdapter(DefaultAccountAdapter):
    """Send allauth's emails through the task queue like every other email, and key its
    rate limits on the client's real address."""

    def send_mail(self, template_prefix, email, context):
        from cms.emails import enqueue_message

        # allauth's own send_mail names the site from the request's host; ours names the
        # Centre and SITE_URL, which is also where every link in the message points.
        site = SimpleNamespace(name=settings.CENTRE_NAME, domain=settings.SITE_URL)
        msg = self.render_mail(template_prefix, email, {"current_site": site, **context})
        enqueue_message(msg)

    # allauth builds its links from the request's Host header; every other email links to
    # SITE_URL, so allauth's do too (a proxy's internal host, or 127.0.0.1, never leaks out).
    def get_email_confirmation_url(self, request, emailconfirmation):
        from cms.site_url import absolute_url

        return absolute_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_reset_password_from_key_url(self, key):
        from cms.site_url import absolute_url

        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return absolute_url(path.replace("UID-KEY", quote(key)))

    def send_account_already_exists_mail(self, email):
        from cms.site_url import absolute_url

        self.send_mail("account/email/account_already_exists", email, {
            "signup_url": absolute_url(reverse("account_signup")),
            "password_reset_url": absolute_url(reverse("account_reset_password")),
        })

    def get_client_ip(self, request):
        ip = client_ip(request)
        if not ip:
            raise PermissionDenied("Unable to determine client IP address")
        return ip

    def get_login_stages(self):
        """allauth's MFA stage, except after a trusted provider asserted MFA (cms.sso)."""
        return ["cms.adapters.MFAStageUnlessProviderAsserted"
                if stage == "allauth.mfa.stages.AuthenticateStage" else stage
                for stage in super().get_login_stages()]

    def login(self, request, user):
        """A sign-in through an organisation's identity provider that asserted MFA, where
        staff trust that provider's MFA (cms.sso), counts as this session's second factor."""
        super().login(request, user)
        if getattr(request, "sso_asserted_mfa", False):
            from allauth.account.internal.flows.login import record_authentication

            record_authentication(request, user, "mfa", type="provider",
                                  provider=request.sso_sign_on.provider_id)


def _mfa_stage():
    from allauth.mfa.stages import AuthenticateStage

    class MFAStageUnlessProviderAsserted(AuthenticateStage):
        """Asks for the authenticator's code at sign-in, as allauth does, unless this
        sign-in came through an organisation's identity provider that asserted MFA and
        that staff trust (cms.access.provider_asserted_mfa)."""

        def _should_handle(self, request):
            if getattr(request, "sso_asserted_mfa", False):
                return False
            return super()._should_handle(request)

    return MFAStageUnlessProviderAsserted


def __getattr__(name):
    # allauth imports the stage by its dotted path; built lazily because allauth.mfa's
    # stages import models, which are not ready when the settings load this module.
    if name == "MFAStageUnlessProviderAsserted":
        return _mfa_stage()
    raise AttributeError(name)
