from csp.middleware import CSPMiddleware
from django.contrib import auth
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from cms.access import mfa_step_for
from cms.page_cache import kept_user
from cms.roles import can_access_admin


class AdminAccessMiddleware:
    """The door of the Wagtail admin, in front of every /admin/ URL.

    Signed-in people without admin rights get a plain 403 page that says so (Wagtail would
    send them to its sign-in page, which allauth sends back to /admin/: a redirect loop).
    People with admin rights pass only once this session has passed MFA (cms.access):
    those without an authenticator are sent to set one up, those who signed in with a
    password alone are asked for their code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (request.path.startswith("/admin/") and request.path != "/admin/logout/"
                and request.user.is_authenticated):
            if not can_access_admin(request.user):
                return render(request, "403.html", {"admin_refused": True}, status=403)
            step = mfa_step_for(request)
            if step is not None:
                return step
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


class KeptUserAuthenticationMiddleware(AuthenticationMiddleware):
    """Django's AuthenticationMiddleware, with the person read from the database only when
    something of theirs has changed since this process last loaded them
    (cms.page_cache.kept_user). Django's own `get_user` still does every check when it
    loads them."""

    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(
            lambda: kept_user(request, lambda: auth.get_user(request)))
