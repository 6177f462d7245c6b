"""Admin wiring for secondments and mentoring: one menu, "Leadership development".

Applications change status only through the services, on the decision screen each
application's reference opens (secondments/admin_views.py); the admin edit form leaves
status alone."""

from django.urls import path
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms import audit, registry
from cms.permissions import RecordPermissionPolicy
from secondments.admin_views import (
    ApplicationDecisionView,
    ApplicationIndexView,
)
from secondments.models import (
    ExpertiseArea,
    MentoringBooking,
    MentoringSlot,
    MentorProfile,
    SecondmentApplication,
)
from secondments.reports import (
    MentoringByOrganisationReport,
    MentoringReport,
    SecondmentsReport,
)

# Before any viewset asks for the model's policy (Wagtail then makes a default one).
# Applications arrive only through the apply form and change only by the decision
# services; none is added or deleted in the admin (deleting would lose its history).
register_permission_policy(SecondmentApplication, RecordPermissionPolicy(SecondmentApplication))
register_permission_policy(MentoringBooking, RecordPermissionPolicy(MentoringBooking))


class ApplicationViewSet(SnippetViewSet):
    model = SecondmentApplication
    icon = "form"
    menu_label = "Applications"
    add_to_admin_menu = False
    list_display = ["reference", "applicant", "opportunity_title", "organisation_name",
                    "sponsor_decision", "status", "created_at"]
    list_filter = ["opportunity", "status", "sponsor_decision"]
    list_export = ["reference", "opportunity_title", "applicant", "applicant.email",
                   "organisation_name", "current_role", "sponsor_name", "sponsor_email",
                   "sponsor_decision", "sponsor_decided_at", "status", "created_at", "outcome"]
    export_headings = {"applicant.email": "Email", "reference": "Reference"}
    export_filename = "secondment-applications"
    search_fields = ["opportunity_title", "organisation_name", "current_role", "sponsor_name"]
    ordering = ["opportunity_title", "-created_at"]
    index_view_class = ApplicationIndexView
    history_view_class = audit.HistoryView
    # The applicant's answers are theirs: staff read them here and keep their own notes
    # alongside (decisions are made on the decision screen).
    panels = [
        FieldPanel("staff_notes"),
        MultiFieldPanel([
            FieldPanel("current_role", read_only=True),
            FieldPanel("experience", read_only=True),
            FieldPanel("learning_goals", read_only=True),
            FieldPanel("sponsor_name", read_only=True),
            FieldPanel("sponsor_email", read_only=True),
        ], heading="The applicant's answers (read only)"),
    ]

    def get_queryset(self, request):
        return SecondmentApplication.objects.select_related("applicant", "opportunity")

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(decide_url_name=self.get_url_name("decide"),
                                             **kwargs)

    @cached_property
    def decide_view(self):
        return self.construct_view(
            ApplicationDecisionView, **self.get_inspect_view_kwargs(
                template_name=ApplicationDecisionView.template_name,
                decide_url_name=self.get_url_name("decide"),
            )
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("decide/<int:pk>/", self.decide_view, name="decide"),
        ]


class MentorProfileViewSet(SnippetViewSet):
    model = MentorProfile
    icon = "user"
    menu_label = "Mentors"
    list_display = ["user", "role", "offers_coaching", "offers_mentoring", "is_active"]
    list_filter = ["is_active", "offers_coaching", "offers_mentoring", "expertise"]
    list_export = ["user", "user.email", "role", "offers_coaching", "offers_mentoring",
                   "is_active"]
    panels = [
        FieldPanel("user"),
        FieldPanel("role"),
        FieldPanel("biography"),
        FieldPanel("expertise"),
        FieldRowPanel([FieldPanel("offers_coaching"), FieldPanel("offers_mentoring")]),
        FieldPanel("is_active"),
    ]


class ExpertiseAreaViewSet(SnippetViewSet):
    model = ExpertiseArea
    icon = "tag"
    menu_label = "Areas of expertise"
    list_display = ["name", "slug"]


class MentoringSlotViewSet(SnippetViewSet):
    model = MentoringSlot
    icon = "date"
    menu_label = "Mentoring slots"
    list_display = ["mentor", "starts_at", "ends_at", "mode"]
    list_filter = ["mentor", "mode"]
    list_export = ["mentor", "starts_at", "ends_at", "mode", "location"]
    ordering = ["-starts_at"]


class MentoringBookingViewSet(SnippetViewSet):
    model = MentoringBooking
    icon = "calendar-check"
    menu_label = "Mentoring sessions"
    list_display = ["reference", "mentee", "slot", "status", "feedback_at"]
    list_filter = ["status", "slot__mentor"]
    list_export = ["reference", "mentee", "mentee.email", "slot", "status", "goals",
                   "goals_progress", "mentee_feedback", "created_at"]
    inspect_view_enabled = True
    history_view_class = audit.HistoryView
    panels = [FieldPanel("goals"), FieldPanel("mentor_notes")]

    def get_queryset(self, request):
        return MentoringBooking.objects.select_related("slot__mentor__user", "mentee")


@hooks.register("register_log_actions")
def register_history_actions(actions):
    audit.register_actions(actions, {
        "secondments.application.submitted": "Submitted",
        "secondments.application.shortlisted": "Shortlisted",
        "secondments.application.offered": "Offered",
        "secondments.application.accepted": "Accepted",
        "secondments.application.declined": "Declined",
        "secondments.application.completed": "Completed",
        "secondments.application.rejected": "Not successful",
        "secondments.application.withdrawn": "Withdrawn",
        "secondments.application.sponsor_endorsed": "Sponsor endorsed",
        "secondments.application.sponsor_declined": "Sponsor did not endorse",
        "secondments.application.offer_confirmed_despite": "Offer confirmed despite a warning",
    }, SecondmentApplication.Status)
    audit.register_actions(actions, {
        "secondments.mentoring.booked": "Booked",
        "secondments.mentoring.cancelled": "Cancelled",
        "secondments.mentoring.held": "Held",
        "secondments.mentoring.not_held": "Did not take place",
    }, MentoringBooking.Status)


class LeadershipGroup(SnippetViewSetGroup):
    items = (ApplicationViewSet, MentorProfileViewSet, ExpertiseAreaViewSet,
             MentoringSlotViewSet, MentoringBookingViewSet)
    menu_icon = "group"
    menu_label = "Leadership development"
    menu_name = "leadership"
    menu_order = 250


register_snippet(LeadershipGroup)


@hooks.register("register_home_panels")
def home_panels(request):
    from secondments.home import home_panels

    return home_panels(request)


@hooks.register("register_my_bookings")
def my_bookings(request):
    from secondments.home import booking_lines

    return booking_lines(request)


@hooks.register("register_search_results")
def search_results(request, query):
    from secondments.home import search_results

    return search_results(request, query)


@hooks.register("register_protected_records")
def applications_held_by_pages(page_ids):
    """Opportunity pages with applications are unpublished, not deleted (the kernel's
    before_delete_page rule asks)."""
    return [("secondment applications",
             SecondmentApplication.objects.filter(opportunity_id__in=page_ids).count())]


# --- what secondments registers with the kernel (cms.registry) -----------------------------

registry.register_report(SecondmentsReport, "secondments", "group", order=3)
registry.register_report(MentoringReport, "mentoring", "user", order=4)
registry.register_report(MentoringByOrganisationReport, "mentoring-organisations", "site",
                         order=5)


@hooks.register(registry.DASHBOARD_MEASURES)
def dashboard_measures():
    return [
        registry.Measure("sessions", "Mentoring sessions held",
                         MentoringBooking.objects.filter(status=MentoringBooking.Status.HELD),
                         "slot__starts_at", charted=True, order=30),
        registry.Measure("secondments", "Secondments completed",
                         SecondmentApplication.objects.filter(
                             status=SecondmentApplication.Status.COMPLETED), "updated_at",
                         order=50),
    ]


@hooks.register(registry.ENGAGEMENT_FIGURES)
def engagement_figures():
    def applications(period):
        return SecondmentApplication.objects.filter(period("created_at"))

    return [
        registry.EngagementFigure(
            "secondments_completed", "Secondments completed",
            lambda period: applications(period).filter(
                status=SecondmentApplication.Status.COMPLETED),
            "applicant__organisation", "created_at", order=10),
        # Any application counts towards the organisation's last activity.
        registry.EngagementFigure(None, "", applications, "applicant__organisation",
                                  "created_at", order=11),
        registry.EngagementFigure(
            "mentoring_held", "Mentoring sessions held",
            lambda period: MentoringBooking.objects.filter(
                period("slot__starts_at"), status=MentoringBooking.Status.HELD),
            "mentee__organisation", "slot__starts_at", order=20),
    ]


@hooks.register(registry.CALENDAR_ENTRIES)
def calendar_entries(user):
    from secondments.calendar import entries_for

    return entries_for(user)


@hooks.register(registry.PERSONAL_DATA)
def personal_data():
    from secondments import personal_data

    return registry.PersonalData("secondments", personal_data.export_for,
                                 personal_data.erase_for)


@hooks.register(registry.DEMO_SEEDERS)
def demo_seeder():
    from secondments import demo

    return demo.seed


@hooks.register("register_api_routes")
def api_routes():
    from cms.api.registry import ApiRoute
    from secondments import api

    return [ApiRoute("secondments", api.OpportunityViewSet, "secondment")]


@hooks.register(registry.STAFF_TODO)
def staff_todos(request):
    from secondments.staff_todo import staff_todos

    return staff_todos(request)


@hooks.register(registry.ORGANISATION_SUPPORT)
def organisation_support(organisation, since):
    """Secondments offered, taken or completed, and mentoring sessions held, for the
    organisation's people (an improvement partnership's record lists them)."""
    import datetime

    from django.utils import timezone

    start = (datetime.datetime.combine(since, datetime.time.min,
                                       timezone.get_current_timezone()) if since else None)
    applications = (SecondmentApplication.objects
                    .filter(applicant__organisation=organisation,
                            status__in=SecondmentApplication.PLACE_HOLDING)
                    .select_related("applicant", "opportunity"))
    sessions = (MentoringBooking.objects
                .filter(mentee__organisation=organisation,
                        status=MentoringBooking.Status.HELD)
                .select_related("mentee", "slot__mentor__user"))
    if start:
        applications = applications.filter(opportunity__end_date__gte=since)
        sessions = sessions.filter(slot__starts_at__gte=start)
    return [
        *[registry.SupportItem(
            kind="Secondment", title=a.opportunity_title, date=a.opportunity.start_date,
            person=a.applicant.get_full_name(), detail=a.get_status_display())
          for a in applications],
        *[registry.SupportItem(
            kind="Mentoring", title=f"Session with {s.slot.mentor.user.get_full_name()}",
            date=timezone.localtime(s.slot.starts_at).date(),
            person=s.mentee.get_full_name()) for s in sessions],
    ]
