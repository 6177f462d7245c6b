"""Admin wiring for the programme reports: URLs under /admin/reports/<name>/ (namespace
programme_reports) and items in Wagtail's Reports menu, shown only to people with the
"view reports" permission (Centre staff)."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.reports.base import can_view_reports
from cms.reports.dashboard import dashboard
from cms.reports.engagement import EngagementReport
from courses.admin_reports import CourseCompletionReport, ELearningReport, TrainingMatrixReport
from events.reports import EventsReport
from secondments.reports import MentoringByOrganisationReport, MentoringReport, SecondmentsReport

REPORTS = [
    # (view class, URL segment, menu icon)
    (CourseCompletionReport, "course-completion", "tick-inverse"),
    (TrainingMatrixReport, "training-matrix", "table"),
    (ELearningReport, "elearning", "media"),
    (EventsReport, "events", "date"),
    (SecondmentsReport, "secondments", "group"),
    (MentoringReport, "mentoring", "user"),
    (MentoringByOrganisationReport, "mentoring-organisations", "site"),
    (EngagementReport, "partner-engagement", "globe"),
]


def urlpatterns():
    patterns = [path("programme-dashboard/", dashboard, name="dashboard")]
    for view, segment, _icon in REPORTS:
        patterns += [
            path(f"{segment}/", view.as_view(), name=view.name),
            path(f"{segment}/results/", view.as_view(results_only=True),
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


def _menu_item_hook(view, icon, order):
    def register():
        return ReportMenuItem(view.page_title, reverse(f"programme_reports:{view.name}"),
                              name=view.name.replace("_", "-"), icon_name=icon, order=order)
    return register


for _order, (_view, _segment, _icon) in enumerate(REPORTS):
    hooks.register("register_reports_menu_item", _menu_item_hook(_view, _icon, 60 + _order))
