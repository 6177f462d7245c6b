"""Admin wiring for programme outcomes: the Outcomes menu (programme view, import, measures,
figures), their URLs under /admin/outcomes/, the import's log action, and the published
headline figures offered to the public team directory."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.team_facts import TEAM_FACTS_HOOK, TeamFact
from outcomes import views
from outcomes.access import OutcomesPermissionPolicy, can_view_outcomes
from outcomes.models import ClusterBaseline, Figure, Measure

for _model in (Measure, Figure, ClusterBaseline):
    register_permission_policy(_model, OutcomesPermissionPolicy(_model))


class MeasureViewSet(SnippetViewSet):
    model = Measure
    icon = "list-ul"
    menu_label = "Measures"
    list_display = ["name", "code", "unit", "direction", "frequency", "baseline_period",
                    "published"]
    list_filter = ["unit", "direction", "published"]
    search_fields = ["name", "code"]


# No list_export on these two: the programme and cluster views are the one download of
# the figures (outcomes.exports), laid out with their periods and how clusters combine.
class FigureViewSet(SnippetViewSet):
    model = Figure
    icon = "table"
    menu_label = "Figures"
    list_display = ["measure", "team", "period_start", "value", "base", "published"]
    list_filter = ["measure", "team", "period_start", "published"]
    ordering = ["-period_start", "measure__sort_order", "team__name"]

    def get_queryset(self, request):
        return Figure.objects.select_related("measure", "team")


class OutcomeMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_outcomes(request.user)


class OutcomesGroup(SnippetViewSetGroup):
    items = (MeasureViewSet, FigureViewSet)
    menu_icon = "view"
    menu_label = "Programme outcomes"
    menu_name = "outcomes"
    menu_order = 350

    def get_submenu_items(self):
        return [
            OutcomeMenuItem("Programme and clusters", reverse("outcomes:programme"),
                            name="outcomes-programme", icon_name="view", order=0),
            OutcomeMenuItem("Import figures", reverse("outcomes:import"),
                            name="outcomes-import", icon_name="upload", order=0),
            *super().get_submenu_items(),
        ]


register_snippet(OutcomesGroup)


@hooks.register("register_admin_urls")
def register_outcomes_urls():
    patterns = [
        path("", views.programme_outcomes, name="programme"),
        path("clusters/<int:pk>/", views.cluster_outcomes, name="cluster"),
        path("import/", views.import_figures, name="import"),
    ]
    return [path("outcomes/", include((patterns, "outcomes")))]


@hooks.register("register_log_actions")
def register_import_action(actions):
    actions.register_action("outcomes.figures.imported", "Import figures",
                            "Imported programme outcome figures")


@hooks.register(TEAM_FACTS_HOOK)
def published_headline_facts(teams):
    from outcomes.services import published_headlines

    return {team_id: [TeamFact(f.measure.name, f.formatted, f.period.label,
                               f.measure.source_note) for f in figures]
            for team_id, figures in published_headlines(teams).items()}


@hooks.register("register_demo_seeder")
def demo_seeder():
    from outcomes import demo

    return demo.seed
