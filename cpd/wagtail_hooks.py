"""Admin wiring for the CPD record: every entry, with CSV/XLSX export."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms import registry
from cpd.models import CPDEntry


class CPDEntryViewSet(SnippetViewSet):
    model = CPDEntry
    icon = "doc-full"
    menu_label = "CPD entries"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["user", "title", "kind", "date", "hours"]
    list_filter = ["kind"]
    list_export = ["user", "title", "kind", "date", "hours", "provider"]
    search_fields = ["title"]


register_snippet(CPDEntryViewSet)


@hooks.register("register_home_panels")
def home_panels(request):
    from cpd.home import home_panels

    return home_panels(request)


@hooks.register(registry.PERSONAL_DATA)
def personal_data():
    from cpd import personal_data

    return registry.PersonalData("cpd", personal_data.export_for, personal_data.erase_for)


@hooks.register("register_api_routes")
def api_routes():
    from cms.api.registry import ApiRoute
    from cpd import api

    return [ApiRoute("me/cpd-entries", api.MyCPDEntryViewSet, "my-cpd-entry")]
