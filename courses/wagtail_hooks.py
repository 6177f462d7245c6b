"""Admin wiring for courses: programmes and frameworks (snippets), and the records of
learning (enrolments, certificates, assignments, CPD entries) with CSV/XLSX export."""

from django.urls import path
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.permissions import RecordPermissionPolicy
from courses.admin_views import (
    CertificateFilterSet,
    CertificateIndexView,
    CertificateInspectView,
    RevokeCertificateView,
)
from courses.models import (
    Assignment,
    Certificate,
    CompetencyFramework,
    CPDEntry,
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


class AttemptViewSet(SnippetViewSet):
    model = KnowledgeCheckAttempt
    icon = "tasks"
    menu_label = "Knowledge-check attempts"
    list_display = ["enrolment", "module_title", "score", "pass_mark", "passed", "created_at"]
    list_filter = ["passed"]
    list_export = ["enrolment", "module_title", "score", "pass_mark", "passed", "created_at"]
    panels = [FieldPanel("score", read_only=True)]


class CertificateViewSet(SnippetViewSet):
    """Read-only (see the RecordPermissionPolicy above): search, filter, inspect, export and
    revoke with a reason."""

    model = Certificate
    icon = "success"
    menu_label = "Certificates"
    list_display = ["learner_name", "course_title", "issued_on", "expires_on",
                    Column("get_status_display", label="Status")]
    filterset_class = CertificateFilterSet
    list_export = ["public_id", "learner_name", "course_title", "cpd_hours", "issued_on",
                   "expires_on", "revoked_at", "revoked_reason"]
    search_fields = ["learner_name", "course_title", "public_id"]
    index_view_class = CertificateIndexView
    inspect_view_enabled = True
    inspect_view_class = CertificateInspectView
    inspect_view_fields = ["public_id", "learner_name", "user", "course_title", "cpd_hours",
                           "issued_on", "expires_on", "status", "revoked_at",
                           "revoked_reason", "revoked_by"]

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


class CPDEntryViewSet(SnippetViewSet):
    model = CPDEntry
    icon = "doc-full"
    menu_label = "CPD entries"
    list_display = ["user", "title", "kind", "date", "hours"]
    list_filter = ["kind"]
    list_export = ["user", "title", "kind", "date", "hours", "provider"]
    search_fields = ["title"]


class LearningGroup(SnippetViewSetGroup):
    items = (ProgrammeViewSet, FrameworkViewSet, EnrolmentViewSet, AttemptViewSet,
             CertificateViewSet, AssignmentViewSet, CPDEntryViewSet)
    menu_icon = "pick"
    menu_label = "Learning"
    menu_name = "learning"


register_snippet(LearningGroup)


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
