import json
import re
import sys

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from cms import health, privacy, services
from cms.access import is_staff_session, staff_mfa_required
from cms.calendar import feed_for
from cms.forms import EraseAccountForm, ProfileForm
from cms.models import OrganisationMembershipRequest, TeamMembershipRequest, User
from cms.page_cache import route_from_cache


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        waiting = services.update_profile(request.user, form)
        messages.success(request, "Your profile has been saved.")
        for note in waiting:
            messages.info(request, note)
        return redirect("profile")
    return render(request, "cms/profile.html", {
        "form": form,
        "waiting": [*request.user.organisationmembershiprequest_set.filter(
            status="pending").select_related("organisation"),
            *request.user.teammembershiprequest_set.filter(status="pending")
            .select_related("team")],
    })


def _membership_requests_for(request):
    """The only way a view reaches membership requests: staff (in a session that passed
    MFA) see every pending one; a team manager, their teams' requests."""
    teams = TeamMembershipRequest.objects.filter(status="pending").select_related(
        "user__organisation", "team")
    hosts = OrganisationMembershipRequest.objects.none()
    if is_staff_session(request):
        hosts = OrganisationMembershipRequest.objects.filter(status="pending").select_related(
            "user", "organisation")
    else:
        if not request.user.managed_teams.exists():
            raise Http404
        teams = teams.filter(team__managers=request.user)
    return hosts, teams


@staff_mfa_required
def membership_requests(request):
    hosts, teams = _membership_requests_for(request)
    if request.method == "POST":
        kind = request.POST.get("kind")
        queryset = {"organisation": hosts, "team": teams}.get(kind)
        try:
            pk = int(request.POST.get("request", ""))
        except ValueError:
            pk = None
        membership_request = queryset.filter(pk=pk).first() if queryset is not None else None
        decision = request.POST.get("decision")
        if membership_request is None or decision not in ("approve", "decline"):
            messages.error(request, "That request has already been decided or does not exist.")
        else:
            try:
                services.decide_membership_request(membership_request, request.user,
                                                   approve=decision == "approve")
            except services.MembershipError as error:
                messages.error(request, str(error))
            else:
                verb = "approved" if decision == "approve" else "declined"
                messages.success(request, f"{membership_request}: {verb}.")
        return redirect("membership_requests")
    return render(request, "cms/membership_requests.html", {"hosts": hosts, "teams": teams})


@login_required
@require_POST
def reset_calendar_feed(request):
    request.user.reset_calendar_token()
    messages.success(
        request, "You have a new calendar address. The old one no longer works."
    )
    return redirect("profile")


@login_required
def download_my_data(request):
    data = json.dumps(privacy.export_for(request.user), indent=2, default=str)
    response = HttpResponse(data, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def erase_my_account(request):
    form = EraseAccountForm(request.user, request.POST or None)
    if request.method == "POST" and not ratelimit.consume(
            request, action="reauthenticate", user=request.user):
        # The form checks the password: allauth's re-authentication limit applies to it, so
        # a borrowed session cannot be used to guess the password.
        form.add_error(None, "Too many attempts. Wait a minute and try again.")
    elif request.method == "POST" and form.is_valid():
        privacy.erase_account(request.user)
        logout(request)
        messages.success(request, "Your account has been deleted and your details erased.")
        return redirect("/")
    return render(request, "cms/erase_account.html", {"form": form})


def calendar_feed(request, token):
    user = User.objects.filter(calendar_token=token, is_active=True).exclude(calendar_token="")
    user = user.first()
    if user is None:
        raise Http404
    response = HttpResponse(feed_for(user), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response


SEARCH_PAGE_LIMIT = 60

SEARCH_WORDS = 12


def search_terms(query):
    """The words of a search, as plain text. The search backends hand the query to SQLite
    FTS5 and PostgreSQL full-text search, whose own syntax (quotes, *, ^, :, brackets,
    NEAR) is no one's to type: only words reach them, at most SEARCH_WORDS of them."""
    return " ".join(re.findall(r"\w+", query)[:SEARCH_WORDS])


def search(request):
    """Pages of every kind, grouped by kind, then whatever else each app finds (mentors,
    venues, ...) through its `register_search_results` hook."""
    from cms.home import search_groups

    query = request.GET.get("q", "").strip()[:200]
    groups = []
    terms = search_terms(query)
    if terms:
        pages = list(Page.objects.live().public().specific().search(terms)[:SEARCH_PAGE_LIMIT])
        by_kind = {}
        for result in pages:
            kind = result.specific_class._meta.verbose_name_plural.capitalize()
            by_kind.setdefault(kind, []).append(result)
        groups = [{"kind": kind, "pages": found} for kind, found in by_kind.items()]
        groups += search_groups(request, terms)
    return render(request, "cms/search.html", {
        "query": query, "groups": groups,
        "count": sum(len(g.get("pages", [])) + len(g.get("lines", [])) for g in groups),
    })


def serve_page(request, path):
    """Wagtail's page view, with the URL's page found through the shared cache."""
    route_from_cache(request, path)
    return wagtail_serve(request, path)


@never_cache
def healthz(request):
    """Database, cache and task queue, each with ok true or false, as JSON: 200 when all
    are well, 503 when any is not, so a load balancer and a monitor see which part is down."""
    report = health.report()
    return JsonResponse(report, status=200 if report["ok"] else 503)


def bench_ceiling(request):
    """The benchmark's ceiling (settings.BENCH_CEILING): the least a Django view can do."""
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """A fault is a 500. The database being away (down, restarting) is a 503 with
    Retry-After, which load balancers and monitors understand; the page is rendered
    without the request so that it needs no database."""
    if health.database_unavailable(sys.exc_info()[1]):
        try:
            body = render_to_string("503.html")
        except Exception:  # e.g. static files not collected: the status is what matters
            body = "Sorry, the service is unavailable. Try again in a minute."
        response = HttpResponse(body, status=503)
        response["Retry-After"] = str(health.RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return render(request, "500.html", status=500)


@login_required
def personal_home(request):
    """What is due for this person, from every app (see cms.home)."""
    from cms.home import panels_for

    return render(request, "cms/personal_home.html", {"panels": panels_for(request)})


@login_required
def my_bookings(request):
    """Every booking the person holds (events, mentoring, ...), from every app's
    `register_my_bookings` hook: upcoming, past and cancelled."""
    from cms.home import bookings_for

    found = bookings_for(request)
    return render(request, "cms/my_bookings.html", {
        **found,
        "sections": [
            ("upcoming", "Upcoming", found["upcoming"],
             'You have nothing booked. <a href="/events/">Find an event</a>.'),
            ("past", "Past", found["past"], "Nothing yet."),
            ("cancelled", "Cancelled", found["cancelled"], "Nothing cancelled."),
        ],
    })


def sign_in_with_work_account(request):
    """Type your work address; if your organisation signs in with its own identity
    provider, continue there (through allauth's provider login, a POST)."""
    from cms.forms import WorkAccountForm
    from cms.sso import sign_on_for_email

    form = WorkAccountForm(request.POST or None)
    sign_on = None
    if request.method == "POST" and form.is_valid():
        sign_on = sign_on_for_email(form.cleaned_data["email"])
        if sign_on is None:
            form.add_error("email", "Your organisation does not sign in with its own "
                           "account here. Sign in with your email address and password.")
    provider_url = None
    if sign_on is not None:
        provider = sign_on.social_app.get_provider(request)
        provider_url = provider.get_login_url(request)
    return render(request, "account/work_account.html",
                  {"form": form, "sign_on": sign_on, "provider_url": provider_url})
