"""Admin wiring for courses: programmes and frameworks (snippets), and the records of
learning (enrolments, certificates, assignments) with CSV/XLSX export."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet, SnippetViewSetGroup

from cms import audit, registry
from cms.permissions import RecordPermissionPolicy
from cms.training_activity import (
    TRAINING_ACTIVITY_HOOK,
    TrainingActivity,
    count_per_team_and_period,
)
from courses import elearning_services
from courses.admin_reports import CourseCompletionReport, ELearningReport, TrainingMatrixReport
from courses.admin_views import (
    CertificateFilterSet,
    CertificateIndexView,
    CertificateInspectView,
    RevokeCertificateView,
)
from courses.forms import ELearningPackageForm
from courses.models import (
    Assignment,
    Certificate,
    CompetencyFramework,
    ELearningAttempt,
    ELearningPackage,
    Enrolment,
    KnowledgeCheckAttempt,
    ModuleCompletion,
    Programme,
)

# Before any viewset asks for the model's policy (Wagtail then makes a default one).
# No one adds, changes or deletes a certificate in the admin; staff with
# courses.revoke_certificate revoke it (courses/admin_views.py).
register_permission_policy(
    Certificate, RecordPermissionPolicy(Certificate, refused=("add", "change", "delete")))
# E-learning attempts are written only by the runtime's commits (courses.elearning_services).
register_permission_policy(
    ELearningAttempt,
    RecordPermissionPolicy(ELearningAttempt, refused=("add", "change", "delete")))


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "folder-open-inverse"
    menu_label = "Programmes"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class FrameworkViewSet(SnippetViewSet):
    model = CompetencyFramework
    icon = "list-ol"
    menu_label = "Competency frameworks"
    list_display = ["name"]


class EnrolmentViewSet(SnippetViewSet):
    model = Enrolment
    icon = "user"
    menu_label = "Enrolments"
    list_display = ["user", "course_title", "status", "enrolled_at", "completed_at"]
    list_filter = ["status"]
    list_export = ["user", "course_title", "status", "enrolled_at", "completed_at"]
    search_fields = ["course_title", "user__email", "user__full_name"]
    panels = [FieldPanel("status", read_only=True)]
    history_view_class = audit.HistoryView


@hooks.register("register_log_actions")
def register_enrolment_actions(actions):
    audit.register_actions(actions, {
        "courses.enrolment.created": "Enrolled",
        "courses.enrolment.withdrawn": "Withdrawn",
        "courses.enrolment.completed": "Completed",
        "courses.module.completion_withdrawn": "Module completion taken back",
    }, Enrolment.Status)


class AttemptViewSet(SnippetViewSet):
    model = KnowledgeCheckAttempt
    icon = "tasks"
    menu_label = "Knowledge-check attempts"
    list_display = ["enrolment", "module_title", "score", "pass_mark", "passed", "created_at"]
    list_filter = ["passed"]
    list_export = ["enrolment", "module_title", "score", "pass_mark", "passed", "created_at"]
    panels = [FieldPanel("score", read_only=True)]


class ELearningPackageDeleteView(DeleteView):
    def delete_action(self):
        # The package row goes through the usual delete action (and its log entry); its
        # files go once the deletion has committed.
        prefix = self.object.storage_prefix
        super().delete_action()
        from django.db import transaction

        transaction.on_commit(lambda: elearning_services.delete_package_files(prefix))


class ELearningPackageViewSet(SnippetViewSet):
    """Upload a SCORM 1.2 or 2004 zip; modules choose it with an "E-learning package"
    block. The upload form checks the zip and reads the manifest (courses.forms)."""

    model = ELearningPackage
    icon = "media"
    menu_label = "E-learning packages"
    list_display = ["title", "edition", "file_count", "uploaded_at", "uploaded_by"]
    search_fields = ["title"]
    delete_view_class = ELearningPackageDeleteView
    edit_handler = ObjectList([FieldPanel("title"), FieldPanel("package_file")],
                              base_form_class=ELearningPackageForm)


class ELearningAttemptViewSet(SnippetViewSet):
    """Each learner's runtime data per package item: status, score and time, exported
    for the course reports."""

    model = ELearningAttempt
    icon = "media"
    menu_label = "E-learning attempts"
    list_display = ["enrolment", "module_title", "package_title", "sco_identifier",
                    Column("status_display", label="Status"),
                    Column("score_percent", label="Score (%)"),
                    Column("total_time_display", label="Time"), "updated_at"]
    list_filter = ["completion_status", "success_status"]
    list_export = ["enrolment", "module_title", "package_title", "sco_identifier",
                   "completion_status", "success_status", "score_raw", "score_scaled",
                   "score_percent", "total_seconds", "started_at", "updated_at",
                   "satisfied_at"]
    export_headings = {"score_percent": "Score (%)", "total_seconds": "Total time (seconds)"}
    search_fields = ["module_title", "package_title", "enrolment__user__email",
                     "enrolment__user__full_name"]
    inspect_view_enabled = True
    inspect_view_fields = ["enrolment", "module_title", "package_title", "sco_identifier",
                           "version", "lesson_status", "completion_status", "success_status",
                           "score_raw", "score_min", "score_max", "score_scaled", "location",
                           "exit", "session_seconds", "total_seconds", "started_at",
                           "updated_at", "satisfied_at"]

    def get_queryset(self, request):
        return ELearningAttempt.objects.select_related("enrolment__user")


class CertificateViewSet(SnippetViewSet):
    """Read-only (see the RecordPermissionPolicy above): search, filter, inspect, export and
    revoke with a reason."""

    model = Certificate
    icon = "success"
    menu_label = "Certificates"
    list_display = ["learner_name", "course_title", "number", "issued_on", "expires_on",
                    Column("get_status_display", label="Status")]
    filterset_class = CertificateFilterSet
    list_export = ["number", "public_id", "learner_name", "course_title", "cpd_hours", "issued_on",
                   "expires_on", "revoked_at", "revoked_reason"]
    search_fields = ["learner_name", "course_title", "number", "public_id"]
    index_view_class = CertificateIndexView
    inspect_view_enabled = True
    inspect_view_class = CertificateInspectView
    inspect_view_fields = ["number", "public_id", "learner_name", "user", "course_title", "cpd_hours",
                           "issued_on", "expires_on", "status", "revoked_at",
                           "revoked_reason", "revoked_by", "superseded_by"]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(revoke_url_name=self.get_url_name("revoke"),
                                              **kwargs)

    @cached_property
    def revoke_view(self):
        return self.construct_view(RevokeCertificateView, **self.get_common_view_kwargs())

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("revoke/<int:pk>/", self.revoke_view, name="revoke"),
        ]


class AssignmentViewSet(SnippetViewSet):
    model = Assignment
    icon = "date"
    menu_label = "Assignments"
    list_display = ["user", "course_title", "due_on", "assigned_by", "last_reminded_at"]
    list_filter = ["due_on"]
    list_export = ["user", "course_title", "due_on", "assigned_by", "assigned_at"]
    panels = [FieldPanel("due_on")]


class LearningGroup(SnippetViewSetGroup):
    items = (ProgrammeViewSet, FrameworkViewSet, EnrolmentViewSet, AttemptViewSet,
             ELearningPackageViewSet, ELearningAttemptViewSet, CertificateViewSet,
             AssignmentViewSet)
    menu_icon = "pick"
    menu_label = "Learning"
    menu_name = "learning"

    def get_submenu_items(self):
        from courses.admin_views import CoverageMenuItem

        return [*super().get_submenu_items(),
                CoverageMenuItem("Framework coverage", reverse("framework_coverage"),
                                 name="framework-coverage", icon_name="list-ol", order=900)]


@hooks.register("register_admin_urls")
def register_framework_urls():
    from courses.admin_views import framework_coverage

    return [
        path("frameworks/coverage/", framework_coverage, name="framework_coverage"),
        path("frameworks/coverage/<int:version_id>/", framework_coverage,
             name="framework_coverage_version"),
    ]


register_snippet(LearningGroup)


@hooks.register(TRAINING_ACTIVITY_HOOK)
def register_course_training():
    """Courses completed, and those of them in Family Group Conferences, per team and
    period (programme outcomes show them beside each cluster's figures)."""
    completed = Enrolment.objects.filter(status=Enrolment.Status.COMPLETED)

    def counter(records):
        return lambda team_ids, periods: count_per_team_and_period(
            records, team="user__team", when="completed_at", team_ids=team_ids,
            periods=periods)

    return [
        TrainingActivity("course_completions", "Courses completed", counter(completed), 10),
        TrainingActivity(
            "fgc_courses", "Family Group Conference courses completed",
            counter(completed.filter(course__programme__slug="family-group-conferences")),
            30),
    ]


@hooks.register("register_home_panels")
def home_panels(request):
    from courses.home import home_panels

    return home_panels(request)


@hooks.register("register_protected_records")
def learning_held_by_pages(page_ids):
    """Course and module pages are unpublished, not deleted, once anyone has learnt there
    (the kernel's before_delete_page rule asks)."""
    return [
        ("enrolments", Enrolment.objects.filter(course_id__in=page_ids).count()),
        ("module completions",
         ModuleCompletion.objects.filter(module_id__in=page_ids).count()),
        ("certificates", Certificate.objects.filter(course_id__in=page_ids).count()),
    ]


# --- what courses registers with the kernel (cms.registry) ---------------------------------

registry.register_report(CourseCompletionReport, "course-completion", "tick-inverse", order=0)
registry.register_report(TrainingMatrixReport, "training-matrix", "table", order=1)
registry.register_report(ELearningReport, "elearning", "media", order=2)


@hooks.register(registry.REPORT_FILTERS)
def report_filters():
    import django_filters

    from cms.reports.base import keep

    return {"programme": lambda: django_filters.ModelChoiceFilter(
        label="Programme", queryset=Programme.objects.order_by("name"), method=keep)}


@hooks.register(registry.DASHBOARD_MEASURES)
def dashboard_measures():
    return [
        registry.Measure("completions", "Course completions",
                         Enrolment.objects.filter(status=Enrolment.Status.COMPLETED),
                         "completed_at", charted=True, order=10),
        registry.Measure("certificates", "Certificates issued",
                         Certificate.objects.filter(revoked_at__isnull=True), "issued_on",
                         order=60),
    ]


@hooks.register(registry.ENGAGEMENT_FIGURES)
def engagement_figures():
    return [registry.EngagementFigure(
        "courses_completed", "Courses completed",
        lambda period: Enrolment.objects.filter(period("completed_at"),
                                                status=Enrolment.Status.COMPLETED),
        "user__organisation", "completed_at", order=40)]


@hooks.register(registry.PERSONAL_DATA)
def personal_data():
    from courses import personal_data

    return registry.PersonalData("courses", personal_data.export_for, personal_data.erase_for)


@hooks.register(registry.DEMO_SEEDERS)
def demo_seeder():
    from courses import demo

    return demo.seed


@hooks.register("register_api_routes")
def api_routes():
    from cms.api.registry import ApiRoute
    from courses import api

    return [ApiRoute("courses", api.CourseViewSet, "course"),
            ApiRoute("me/enrolments", api.MyEnrolmentViewSet, "my-enrolment"),
            ApiRoute("me/certificates", api.MyCertificateViewSet, "my-certificate"),
            ApiRoute("organisation/completions", api.OrganisationCompletionViewSet,
                     "organisation-completion"),
            ApiRoute("organisation/certificates", api.OrganisationCertificateViewSet,
                     "organisation-certificate")]


@hooks.register(registry.STAFF_TODO)
def staff_todos(request):
    from courses.staff_todo import staff_todos

    return staff_todos(request)
