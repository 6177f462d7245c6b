"""Admin wiring for the programme reports: URLs under /admin/reports/<name>/ (namespace
programme_reports) and items in Wagtail's Reports menu, shown only to people with the
"view reports" permission (Centre staff)."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms import registry
from cms.reports.base import can_view_reports
from cms.reports.dashboard import dashboard
from cms.reports.engagement import EngagementReport

# The kernel's own report; each feature app registers its reports in its wagtail_hooks.py
# with cms.registry.register_report.
registry.register_report(EngagementReport, "partner-engagement", "globe", order=90)


def names(request, kind):
    """The names a report's organisation or team box suggests, as JSON: staff who may view
    reports only (the admin's door has already asked for MFA)."""
    from django.core.exceptions import PermissionDenied
    from django.http import JsonResponse

    from cms.reports.base import name_suggestions

    if not can_view_reports(request.user):
        raise PermissionDenied
    return JsonResponse({"names": name_suggestions(kind, request.GET.get("q"))})


def urlpatterns():
    patterns = [path("programme-dashboard/", dashboard, name="dashboard"),
                path("names/<str:kind>/", names, name="names")]
    for report in registry.reports():
        view = report.view
        patterns += [
            path(f"{report.segment}/", view.as_view(), name=view.name),
            path(f"{report.segment}/results/", view.as_view(results_only=True),
                 name=f"{view.name}_results"),
        ]
    return patterns


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/", include((urlpatterns(), "programme_reports")))]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_dashboard_menu_item():
    return ReportMenuItem("Programme dashboard", reverse("programme_reports:dashboard"),
                          name="programme-dashboard", icon_name="view", order=50)
