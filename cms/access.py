"""The one gate in front of every staff capability: staff rights *and* MFA in this session.

allauth keeps a log of how the current session authenticated (password, then "mfa" once the
authenticator's code was entered at sign-in, or at a later re-authentication). Having an
authenticator is not enough: a session that signed in with a password alone, by whatever
route, must prove the second factor before it opens anything only staff may see.

`staff_mfa_required` guards each staff view outside the admin (every app's views use it),
and `AdminAccessMiddleware` (cms.middleware) applies the same rule to all of /admin/.

Single sign-on (cms.sso): a sign-in through an organisation's identity provider records
"socialaccount", which is not a second factor here. It counts as MFA only when both
(1) the provider asserted MFA for this sign-in: OpenID Connect `amr` (RFC 8176) containing
"mfa" in the ID token or user info, and (2) staff ticked "trust the provider's MFA" for
that organisation. Then the sign-in also records "mfa" (cms.adapters.AccountAdapter.login).
SAML sign-ins are not trusted for MFA yet: staff signing in through SAML enter this
platform's code as before.
"""

from functools import wraps
from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from cms.roles import can_access_admin, is_centre_staff


def has_staff_rights(user):
    """Anyone whose roles open a staff screen: Centre staff, superusers, admin users."""
    return user.is_authenticated and (is_centre_staff(user) or can_access_admin(user))


def session_passed_mfa(request):
    """Did this session prove the second factor (at sign-in, on re-authentication, or by
    setting up the authenticator with a code from it)?"""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def has_authenticator(user):
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def mfa_step_for(request):
    """None when the person may use staff capabilities now; otherwise the redirect that
    takes them to set up an authenticator, or to enter its code for this session."""
    user = request.user
    if not has_staff_rights(user) or session_passed_mfa(request):
        return None
    if not has_authenticator(user):
        messages.warning(
            request,
            "Set up an authenticator app before you use staff screens. "
            "It keeps the records of learners and bookings safe.",
        )
        return redirect("mfa_activate_totp")
    messages.info(request, "Enter the code from your authenticator app to continue.")
    return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.get_full_path()})}")


def is_staff_session(request):
    """Staff rights, used in a session that has passed MFA."""
    return has_staff_rights(request.user) and session_passed_mfa(request)


def staff_mfa_required(view=None, *, staff_only=False):
    """Guard a view that shows staff what is not theirs.

    `staff_only=True`: a screen only staff may open (anyone else gets 403).
    Otherwise the view also serves the person's own records (their certificate, their
    booking), and a person with staff rights must first pass MFA in this session.
    Either way, staff without an authenticator are sent to set one up, and staff whose
    session used a password alone are asked for their code.
    """

    def decorate(view_func):
        @wraps(view_func)
        def guarded(request, *args, **kwargs):
            if staff_only and not has_staff_rights(request.user):
                raise PermissionDenied
            step = mfa_step_for(request)
            if step is not None:
                return step
            return view_func(request, *args, **kwargs)

        guarded.staff_mfa_required = True
        return login_required(guarded)

    return decorate(view) if view is not None else decorate


def record_mfa_on_activation(sender, request=None, user=None, authenticator=None, **kwargs):
    """Receiver of allauth's `authenticator_added`: setting up the authenticator app took a
    code from it, so the session has proved the second factor (staff sent to set one up
    are not then asked again at once)."""
    from allauth.account.internal.flows.login import record_authentication

    if (request is None or authenticator is None
            or authenticator.type != Authenticator.Type.TOTP
            or getattr(request, "user", None) != user):
        return
    record_authentication(request, user, "mfa", id=authenticator.pk,
                          type=authenticator.type, activated=True)


# RFC 8176 authentication method reference meaning "more than one factor was checked".
TRUSTED_AMR = "mfa"


def provider_asserted_mfa(social_account):
    """Did the identity provider say it checked a second factor for this sign-in?"""
    data = social_account.extra_data or {}
    claims = [data.get("id_token") or {}, data.get("userinfo") or {}]
    for claim_set in claims:
        amr = claim_set.get("amr") if isinstance(claim_set, dict) else None
        if isinstance(amr, str):
            amr = [amr]
        if isinstance(amr, list) and TRUSTED_AMR in amr:
            return True
    return False
