from django.conf import settings
from django.urls import include, path, re_path, reverse_lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views
from cms.api import views as api_views

# One door in: every sign-in and password reset goes through allauth (rate limits, email
# verification, MFA). Wagtail's own doors are not routed: the admin's sign-in and password
# reset (their names now lead to allauth's pages, for Wagtail's own reverse() calls), the
# front-end sign-in (`_util/login/`, a plain LoginView) and the shared-password forms of
# private pages and documents (turned off in settings). tests/cms/test_one_door.py walks
# every URL pattern and fails on any other door.
WAGTAIL_DOORS = {"wagtailadmin_login", "wagtailcore_login",
                 "wagtailcore_authenticate_with_password",
                 "wagtaildocs_authenticate_with_password"}


# The first part of every address the feature apps serve (tests/cms/test_urls.py checks).
APP_PREFIXES = ("learning", "certificates", "credentials", "elearning", "bookings", "leadership")


def _without_doors(patterns):
    return [p for p in patterns
            if getattr(p, "name", None) not in WAGTAIL_DOORS
            and str(p.pattern) != "password_reset/"]


urlpatterns = [
    path("admin/login/", RedirectView.as_view(url="/accounts/login/?next=/admin/",
                                              query_string=False), name="wagtailadmin_login"),
    path("admin/password_reset/", RedirectView.as_view(url=reverse_lazy("account_reset_password")),
         name="wagtailadmin_password_reset"),
    # Wagtail reverses this name for pages restricted to signed-in people.
    path("_util/login/", RedirectView.as_view(url="/accounts/login/", query_string=True),
         name="wagtailcore_login"),
    path("admin/", include(_without_doors(wagtailadmin_urls.urlpatterns))),
    path("documents/", include(_without_doors(wagtaildocs_urls.urlpatterns))),
    path("home/", views.personal_home, name="personal_home"),
    path("accounts/profile/", views.profile, name="profile"),
    path("accounts/my-data/", views.download_my_data, name="download_my_data"),
    path("accounts/delete/", views.erase_my_account, name="erase_my_account"),
    path("accounts/requests/", views.membership_requests, name="membership_requests"),
    path("accounts/calendar/reset/", views.reset_calendar_feed, name="reset_calendar_feed"),
    path("accounts/api-tokens/", api_views.api_tokens, name="api_tokens"),
    path("accounts/api-tokens/<int:pk>/revoke/", api_views.revoke_api_token,
         name="revoke_api_token"),
    path("accounts/work-account/", views.sign_in_with_work_account, name="sso_sign_in"),
    path("accounts/", include("allauth.urls")),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("search/", views.search, name="search"),
    path("healthz", views.healthz, name="healthz"),
    path("api/", include("cms.api.urls")),
    # The apps' own addresses all begin with one of these; a page of the site that does
    # not is matched against none of them (the URL resolver tries patterns one by one, and
    # a page's address used to be tried against all ninety first).
    re_path(rf"^(?=(?:{'|'.join(APP_PREFIXES)})/)", include([
        path("", include("cpd.urls")),
        path("", include("courses.urls")),
        path("", include("events.urls")),
        path("", include("secondments.urls")),
    ])),
]

if settings.BENCH_CEILING:
    urlpatterns.insert(0, path("bench/ceiling", views.bench_ceiling))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's URLs, with its page view wrapped so that routes come from the shared cache.
urlpatterns += [
    *[p for p in _without_doors(wagtail_urls.urlpatterns) if p.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, views.serve_page, name="wagtail_serve"),
]

handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"
