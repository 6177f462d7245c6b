from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views

urlpatterns = [
    # The admin signs in and out through allauth, so MFA applies to it.
    path("admin/login/", RedirectView.as_view(url="/accounts/login/?next=/admin/", query_string=False)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("home/", views.personal_home, name="personal_home"),
    path("accounts/profile/", views.profile, name="profile"),
    path("accounts/my-data/", views.download_my_data, name="download_my_data"),
    path("accounts/delete/", views.erase_my_account, name="erase_my_account"),
    path("accounts/calendar/reset/", views.reset_calendar_feed, name="reset_calendar_feed"),
    path("accounts/", include("allauth.urls")),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("search/", views.search, name="search"),
    path("healthz", views.healthz, name="healthz"),
    path("", include("cpd.urls")),
    path("", include("courses.urls")),
    path("", include("events.urls")),
    path("", include("secondments.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's URLs, with its page view wrapped so that routes come from the shared cache.
urlpatterns += [
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, views.serve_page, name="wagtail_serve"),
]

handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"
