"""The admin home as a to-do list: what needs doing today, gathered from every app.

Wagtail's default home (page and image counts, recent edits, a page search) tells Centre
staff nothing about their day. Each feature app registers a function with the
`register_staff_todo` hook (cms.registry.STAFF_TODO) returning `Todo` panels for the person
signed in; the kernel puts them in place of Wagtail's panels and adds its own headline
figures, with a link to the programme dashboard."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component

from cms import registry

NUMBER_WORDS = ["No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"]


def count_phrase(count, noun):
    """'No applications', 'One application', 'Three applications', '12 applications':
    words for small counts, as the Centre's letters and GOV.UK pages write them."""
    singular, plural = noun
    number = NUMBER_WORDS[count] if 0 <= count < len(NUMBER_WORDS) else f"{count:,}"
    return f"{number} {singular if count == 1 else plural}"


class TodoPanel(Component):
    template_name = "cms/admin/todo_panel.html"

    class Media:
        css = {"all": ["css/admin_home.css"]}

    def __init__(self, todo, order):
        self.todo = todo
        # Wagtail sorts the home's panels by `order`: keep the urgent-first order of
        # registry.staff_todos.
        self.order = order

    def get_context_data(self, parent_context=None):
        todo = self.todo
        return {"todo": todo, "items": todo.items,
                "count_words": count_phrase(todo.count, todo.noun),
                "hidden": max(todo.count - len(todo.items), 0)}


def headline_todo(request):
    """The programme's headline figures (this year against last), linked to the
    programme dashboard they come from (which otherwise sits under Reports)."""
    from cms.reports.base import can_view_reports
    from cms.reports.dashboard import headline_figures

    if not can_view_reports(request.user):
        return []
    headline = headline_figures()
    items = tuple(registry.TodoItem(
        title=f"{row['label']}: {row['this_year']:,}",
        url=reverse("programme_reports:dashboard") + f"#figure-{row['key']}",
        meta=f"{row['last_year']:,} in the same part of last year",
    ) for row in headline["rows"])
    return [registry.Todo(
        key="headline", title="Headline figures", items=items, count=len(items),
        noun=("figure", "figures"), summary=f"for {headline['this_label']}",
        empty="No figures are registered.",
        more_url=reverse("programme_reports:dashboard"),
        more_label="Open the programme dashboard", order=900)]


hooks.register(registry.STAFF_TODO, headline_todo)


@hooks.register("construct_homepage_panels")
def to_do_in_place_of_wagtails_panels(request, panels):
    panels[:] = [TodoPanel(todo, order)
                 for order, todo in enumerate(registry.staff_todos(request))]
