"""Admin wiring for improvement partnerships: the records (one per partner authority),
each opening its record screen with a one-page PDF; the report; the admin home's
warnings; the demo's partnerships."""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms import registry, roles
from partnerships.admin_views import PartnershipRecordView, partnership_pdf
from partnerships.models import ImprovementPartnership
from partnerships.reports import PartnershipsReport


class PartnershipViewSet(SnippetViewSet):
    model = ImprovementPartnership
    icon = "globe"
    menu_label = "Improvement partnerships"
    menu_name = "improvement-partnerships"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["organisation", "status", "centre_lead", "next_review_on"]
    list_filter = ["status"]
    list_export = ["organisation", "status", "centre_lead", "started_on", "last_review_on",
                   "next_review_on"]
    search_fields = []
    inspect_view_enabled = True
    inspect_view_class = PartnershipRecordView

    def get_queryset(self, request):
        return ImprovementPartnership.objects.select_related("organisation", "centre_lead")

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(pdf_url_name=self.get_url_name("pdf"),
                                               **kwargs)

    @cached_property
    def pdf_view(self):
        return partnership_pdf

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(),
                path("pdf/<int:pk>/", self.pdf_view, name="pdf")]


register_snippet(PartnershipViewSet)
registry.register_report(PartnershipsReport, "improvement-partnerships", "globe", order=91)

RECORD = "wagtailsnippets_partnerships_improvementpartnership:inspect"


@hooks.register(registry.STAFF_TODO)
def staff_todos(request):
    from partnerships.services import early_warnings

    if not roles.is_centre_staff(request.user):
        return []
    today = timezone.localdate()
    warnings = early_warnings(today)
    items = tuple(registry.TodoItem(
        title=organisation.name,
        url=(reverse(RECORD, args=[partnership.pk]) if partnership else
             reverse("wagtailsnippets_partnerships_improvementpartnership:add")),
        meta="; ".join(reasons) + ".",
        tag="Overdue review" if any(r.startswith("Review overdue") for r in reasons)
        else "Needs support", tag_colour="red") for organisation, partnership, reasons
        in warnings[:6])
    return [registry.Todo(
        key="partnerships", title="Partner authorities needing attention", items=items,
        count=len(warnings), noun=("authority", "authorities"),
        summary="judged to need improvement, or with a review overdue",
        empty="No partner authority needs attention.",
        more_url=reverse("programme_reports:improvement_partnerships"),
        more_label="The improvement partnerships report", urgent=bool(warnings), order=50)]


@hooks.register(registry.DEMO_SEEDERS)
def demo_seeder():
    from partnerships import demo

    return demo.seed
