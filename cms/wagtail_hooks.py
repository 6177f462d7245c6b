"""Admin wiring for people, organisations and teams."""

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.models import Organisation, OrganisationMembershipRequest, Team, TeamMembershipRequest
from cms.page_cache import invalidate_pages
from cms.permissions import RecordPermissionPolicy


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "site"
    menu_label = "Organisations"
    list_display = ["name", "kind", "is_host_authority", "is_confirmed", "email_domains",
                    "ofsted_judgement", "ofsted_judgement_date"]
    list_filter = ["is_confirmed", "kind", "is_host_authority", "ofsted_judgement"]
    list_export = ["name", "kind", "is_host_authority", "ofsted_judgement", "ofsted_judgement_date"]
    search_fields = ["name"]
    ordering = ["name"]
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("is_host_authority")]),
        FieldPanel("email_domains"),
        FieldPanel("is_confirmed"),
        MultiFieldPanel(
            [FieldPanel("ofsted_judgement"), FieldPanel("ofsted_judgement_date")],
            heading="Ofsted",
        ),
    ]


class TeamViewSet(SnippetViewSet):
    model = Team
    icon = "group"
    menu_label = "Teams"
    list_display = ["name", "organisation", "service", "cluster", "area", "phone"]
    list_filter = ["organisation", "area", "show_in_directory"]
    list_export = ["name", "organisation", "service", "cluster", "area", "phone"]
    search_fields = ["name", "cluster", "service"]
    panels = [
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("service"),
        FieldRowPanel([FieldPanel("cluster"), FieldPanel("area")]),
        FieldPanel("phone"),
        FieldPanel("show_in_directory"),
        FieldPanel("managers"),
    ]


for _model in (OrganisationMembershipRequest, TeamMembershipRequest):
    register_permission_policy(
        _model, RecordPermissionPolicy(_model, refused=("add", "change", "delete")))


class MembershipRequestViewSet(SnippetViewSet):
    """Requests are decided on the decision screen (Approve / Decline), where the rule that
    applies the decision runs; the admin lists them and links there."""

    icon = "user"
    list_filter = ["status"]
    inspect_view_enabled = True


class OrganisationMembershipRequestViewSet(MembershipRequestViewSet):
    model = OrganisationMembershipRequest
    menu_label = "Host membership requests"
    list_display = ["user", "organisation", "status", "created_at", "decided_by"]


class TeamMembershipRequestViewSet(MembershipRequestViewSet):
    model = TeamMembershipRequest
    menu_label = "Team membership requests"
    list_display = ["user", "team", "status", "created_at", "decided_by"]


class PeopleGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, TeamViewSet, OrganisationMembershipRequestViewSet,
             TeamMembershipRequestViewSet)
    menu_icon = "group"
    menu_label = "Organisations and teams"
    menu_name = "organisations"


register_snippet(PeopleGroup)


@hooks.register("register_admin_menu_item")
def membership_decisions_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import MenuItem

    return MenuItem("Membership decisions", reverse("membership_requests"), icon_name="tick",
                    order=9000)


# Any change to what anonymous visitors see drops the cached pages.
for _hook in ["after_publish_page", "after_unpublish_page", "after_delete_page",
              "after_move_page", "after_create_snippet", "after_edit_snippet",
              "after_delete_snippet"]:
    hooks.register(_hook, invalidate_pages)

from cms.reports import hooks as report_hooks  # noqa: E402,F401  (registers the reports)
