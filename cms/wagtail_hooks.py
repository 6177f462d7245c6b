"""Admin wiring for people, organisations and teams, and the kernel's rule that a page
holding records of learning, bookings or applications is unpublished, never deleted."""

from django.template.response import TemplateResponse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.models import (
    Organisation,
    OrganisationMembershipRequest,
    OrganisationSignOn,
    Team,
    TeamMembershipRequest,
)
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

# --- pages that hold records are unpublished, never deleted ----------------------------
#
# Each feature app says which of its records hang from pages by registering a function
# under this hook: it takes a queryset of pages and returns [(label, count), ...], e.g.
# [("event bookings", 12)]. The kernel asks them all and imports none of them.
PROTECTED_RECORDS_HOOK = "register_protected_records"


def protected_records(pages):
    """What the pages (a Page queryset) hold that must be kept: [(label, count)] with
    every count above zero, from every app's `register_protected_records` hook."""
    page_ids = pages.values("pk")
    held = []
    for count_records in hooks.get_hooks(PROTECTED_RECORDS_HOOK):
        held.extend((label, count) for label, count in count_records(page_ids) if count)
    return held


def _refusal(request, pages, held, status=200):
    return TemplateResponse(request, "cms/admin/page_delete_refused.html", {
        "pages": pages, "held": held,
        "live_pages": [page for page in pages if page.live],
    }, status=status)


@hooks.register("before_delete_page")
def refuse_to_delete_a_page_holding_records(request, page):
    """A page whose subtree holds bookings, applications, enrolments or completions is
    not deleted (its records would be orphaned, or the delete would fail on a protected
    key); staff are told what it holds and offered unpublishing instead."""
    held = protected_records(Page.objects.descendant_of(page, inclusive=True))
    if held:
        return _refusal(request, [page], held, status=409 if request.method == "POST" else 200)
    return None


@hooks.register("before_bulk_action")
def refuse_to_bulk_delete_pages_holding_records(request, action_type, objects, action):
    if action_type != "delete" or not objects or not isinstance(objects[0], Page):
        return None
    subtrees = Page.objects.none()
    for page in objects:
        subtrees |= Page.objects.descendant_of(page, inclusive=True)
    held = protected_records(subtrees)
    if held:
        return _refusal(request, list(objects), held, status=409)
    return None


from cms import admin_home  # noqa: E402,F401  (the admin home: a to-do list)
from cms.reports import hooks as report_hooks  # noqa: E402,F401  (registers the reports)


@hooks.register("register_api_routes")
def api_routes():
    from cms.api.publications import PublicationViewSet
    from cms.api.registry import ApiRoute

    return [ApiRoute("publications", PublicationViewSet, "publication")]


@hooks.register("register_admin_urls")
def organisation_token_urls():
    from django.urls import path

    from cms.api import views as api_views

    return [path("organisation-tokens/", api_views.organisation_tokens,
                 name="cms_organisation_tokens"),
            path("organisation-tokens/<int:pk>/revoke/", api_views.revoke_organisation_token,
                 name="cms_revoke_organisation_token")]


@hooks.register("register_settings_menu_item")
def organisation_tokens_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import MenuItem

    class TokenMenuItem(MenuItem):
        def is_shown(self, request):
            return request.user.has_perm("cms.add_apitoken")

    return TokenMenuItem("Organisation API tokens", reverse("cms_organisation_tokens"),
                         icon_name="key", order=900)


class SignOnViewSet(SnippetViewSet):
    """Single sign-on per organisation (cms.sso): staff enter the provider's details; the
    allauth SocialApp behind it is written on save."""

    model = OrganisationSignOn
    icon = "key"
    menu_label = "Single sign-on"
    add_to_admin_menu = False
    list_display = ["organisation", "protocol", "is_enabled", "trust_provider_mfa"]
    panels = [
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("protocol"), FieldPanel("is_enabled")]),
        FieldPanel("button_label"),
        MultiFieldPanel([FieldPanel("issuer_url"), FieldPanel("client_id"),
                         FieldPanel("client_secret")], heading="OpenID Connect"),
        MultiFieldPanel([FieldPanel("idp_entity_id"), FieldPanel("idp_sso_url"),
                         FieldPanel("idp_certificate")], heading="SAML 2.0"),
        FieldPanel("trust_provider_mfa"),
    ]


register_snippet(SignOnViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def sync_sign_on_app(request, instance):
    from cms.sso import sync_social_app

    if isinstance(instance, OrganisationSignOn):
        sync_social_app(instance)
