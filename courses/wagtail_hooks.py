"""Admin wiring for courses: programmes and frameworks (snippets), and the records of
learning (enrolments, certificates, assignments, CPD entries) with CSV/XLSX export."""

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from courses.models import (
    Assignment,
    Certificate,
    CompetencyFramework,
    CPDEntry,
    Enrolment,
    KnowledgeCheckAttempt,
    Programme,
)


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
    model = Certificate
    icon = "success"
    menu_label = "Certificates"
    list_display = ["learner_name", "course_title", "issued_on", "expires_on", "revoked_at"]
    list_filter = ["issued_on", "expires_on"]
    list_export = ["public_id", "learner_name", "course_title", "cpd_hours", "issued_on",
                   "expires_on", "revoked_at", "revoked_reason"]
    search_fields = ["learner_name", "course_title", "public_id"]
    panels = [FieldPanel("learner_name", read_only=True),
              FieldPanel("course_title", read_only=True)]


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
