from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
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
