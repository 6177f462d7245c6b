from django.contrib.auth import authenticate, login
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from oauth2_provider.oauth2_validators import OAuth2Validator


class Validator(OAuth2Validator):
    """Claims from the user's record. A user whose username contains "mfa" signed in with a
    second factor here (amr per RFC 8176); the others with a password alone."""

    oidc_claim_scope = None  # every claim, amr included

    def get_additional_claims(self, request):
        user = request.user
        return {
            "email": user.email,
            "email_verified": not user.username.startswith("unverified"),
            "name": f"{user.first_name} {user.last_name}".strip(),
            "amr": ["pwd", "mfa"] if "mfa" in user.username else ["pwd"],
        }


@csrf_exempt
def sign_in(request):
    """The provider's own sign-in (a test provider: no CSRF, no MFA screen)."""
    if request.method == "POST":
        user = authenticate(request, username=request.POST["username"],
                            password=request.POST["password"])
        if user is None:
            return HttpResponse("wrong password", status=403)
        login(request, user)
        return HttpResponseRedirect(request.POST.get("next") or "/")
    return HttpResponse("<form method=post><input name=username><input name=password>"
                        "</form>")


urlpatterns = [
    path("login/", sign_in),
    path("o/", include("oauth2_provider.urls", namespace="oauth2_provider")),
]
