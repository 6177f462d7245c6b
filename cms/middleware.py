from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from csp.middleware import CSPMiddleware
from django.contrib import messages
from django.shortcuts import redirect

from cms.roles import can_access_admin


class AdminRequiresMFAMiddleware:
    """Nobody reaches the Wagtail admin until they have set up an authenticator app."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path.startswith("/admin/")
            and request.user.is_authenticated
            and can_access_admin(request.user)
            and not is_mfa_enabled(request.user, [Authenticator.Type.TOTP])
        ):
            messages.warning(
                request,
                "Set up an authenticator app before you use the admin. "
                "It keeps the records of learners and bookings safe.",
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy, except that the admin's preview panel may frame a preview.

    Wagtail renders a preview by sending a dummy request for the page's own URL through the
    whole middleware stack, so the site-wide `frame-ancestors 'none'` reached the preview
    and the browser refused to show it in the admin's (same-origin) preview panel."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if getattr(request, "is_preview", False):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        return parts
