"""Pages where people make and revoke tokens: a person's own (on their account pages) and,
in the admin, the tokens Centre staff issue to partner organisations. A new token is shown
once, on the page that made it, and never again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from cms.api import services
from cms.api.forms import OrganisationTokenForm, PersonalTokenForm
from cms.models import ApiToken


def _own_token(user, pk):
    return get_object_or_404(ApiToken, pk=pk, scope=ApiToken.Scope.PERSONAL, user=user)


@login_required
def api_tokens(request):
    form = PersonalTokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        token, new_token = services.issue_personal_token(request.user,
                                                         name=form.cleaned_data["name"])
        form = PersonalTokenForm()
    tokens = ApiToken.objects.filter(user=request.user, scope=ApiToken.Scope.PERSONAL)
    response = render(request, "cms/api_tokens.html",
                      {"form": form, "tokens": tokens, "new_token": new_token})
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def revoke_api_token(request, pk):
    token = _own_token(request.user, pk)
    services.revoke_token(token, by=request.user)
    messages.success(request, f"Token “{token.name}” revoked. It no longer works.")
    return redirect("api_tokens")


# The admin's screens: /admin/ is behind cms.middleware.AdminAccessMiddleware, so only
# staff whose session passed MFA reach them; the permission says which staff.
@permission_required("cms.add_apitoken", raise_exception=True)
def organisation_tokens(request):
    form = OrganisationTokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        token, new_token = services.issue_organisation_token(
            form.cleaned_data["organisation"], name=form.cleaned_data["name"], by=request.user)
        form = OrganisationTokenForm()
    tokens = (ApiToken.objects.filter(scope=ApiToken.Scope.ORGANISATION)
              .select_related("organisation", "created_by"))
    response = render(request, "cms/admin/organisation_tokens.html",
                      {"form": form, "tokens": tokens, "new_token": new_token})
    response["Cache-Control"] = "private, no-store"
    return response


@permission_required("cms.change_apitoken", raise_exception=True)
@require_POST
def revoke_organisation_token(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, scope=ApiToken.Scope.ORGANISATION)
    services.revoke_token(token, by=request.user)
    messages.success(request, f"Token “{token.name}” revoked. It no longer works.")
    return redirect("cms_organisation_tokens")
