"""What every programme report shares: the "view reports" permission, the filters (date
range, organisation, team, programme), aggregate helpers and the results table that the
screen and both exports read from the same row values."""

import datetime

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db import connection, models
from django.db.models import Count, F, Func, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateInput

from cms.limits import DateRangeValidator
from cms.models import Organisation, Team

PERMISSION = "cms.view_reports"


def can_view_reports(user):
    return user.is_authenticated and user.has_perm(PERMISSION)


def without_jit():
    """PostgreSQL's JIT compiler spends seconds compiling these many-subquery aggregates
    to save milliseconds running them: switch it off for this connection."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET jit = off")


# --- whose records ------------------------------------------------------------------------

ALL = Q()  # no narrowing


class People:
    """Whose records a report counts: the people of the chosen organisation and team, or
    everyone when neither is chosen. A report's query asks for the condition at the lookup
    path from its records to their person (`user__`, `booking__user__`, `mentee__`...), so
    a view hands over the choice without knowing those paths."""

    def __init__(self, organisation=None, team=None):
        self.organisation, self.team = organisation, team

    def at(self, prefix):
        """Q for records whose person (at `prefix`) is among these people."""
        q = Q()
        if self.organisation is not None:
            q &= Q(**{f"{prefix}organisation": self.organisation})
        if self.team is not None:
            q &= Q(**{f"{prefix}team": self.team})
        return q


EVERYONE = People()


# --- aggregate helpers -------------------------------------------------------------------


def count_of(queryset, outer="pk", inner=None):
    """A correlated COUNT(*) of `queryset` rows whose `inner` field equals the outer row's
    `outer` field, as an integer annotation (0 when there are none)."""
    inner = inner or "pk"
    rows = (queryset.filter(**{inner: OuterRef(outer)}).order_by().values(inner)
            .annotate(n=Count("*")).values("n"))
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def aggregate_of(queryset, inner, aggregate, outer="pk", output_field=None):
    """A correlated aggregate (Avg, Max...) over `queryset` rows grouped on `inner`."""
    rows = (queryset.filter(**{inner: OuterRef(outer)}).order_by().values(inner)
            .annotate(v=aggregate).values("v"))
    return Subquery(rows, output_field=output_field) if output_field else Subquery(rows)


class DaysBetween(Func):
    """Days (fractional) from `start` to `end`, computed by the database."""

    output_field = models.FloatField()
    arity = 2

    def as_sql(self, compiler, connection, **extra):
        start, start_params = compiler.compile(self.source_expressions[0])
        end, end_params = compiler.compile(self.source_expressions[1])
        if connection.vendor == "postgresql":
            sql = f"(EXTRACT(EPOCH FROM ({end} - {start})) / 86400.0)::double precision"
        else:
            sql = f"(julianday({end}) - julianday({start}))"
        return sql, (*end_params, *start_params)


class PercentileMedian(Subquery):
    """PostgreSQL: percentile_cont(0.5) over the single column `days` of a subquery."""

    output_field = models.FloatField()

    def as_sql(self, compiler, connection, template=None, **extra):
        sql, params = self.query.as_sql(compiler, connection)
        return (f"(SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY m.days) "
                f"FROM {sql} AS m)", params)


def median_of(queryset, inner, value, outer="pk"):
    """The median of `value` over the `queryset` rows whose `inner` field equals the outer
    row's `outer` field, computed by the database.

    PostgreSQL: percentile_cont. SQLite (no percentile function, no correlation inside a
    derived table or a LIMIT) averages the rows with at most half the group below them and
    at most half above: still one aggregate in the database."""
    rows = queryset.order_by().annotate(days=value)
    if connection.vendor == "postgresql":
        return PercentileMedian(rows.filter(**{inner: OuterRef(outer)}).values("days"))
    same = rows.filter(**{inner: OuterRef(inner)})

    def how_many(subset):
        return Coalesce(Subquery(subset.values(inner).annotate(c=Count("*")).values("c"),
                                 output_field=IntegerField()), Value(0))

    middle = (
        rows.filter(**{inner: OuterRef(outer)})
        .annotate(below=how_many(same.filter(days__lt=OuterRef("days"))),
                  above=how_many(same.filter(days__gt=OuterRef("days"))),
                  total=how_many(same))
        .annotate(below2=F("below") * 2, above2=F("above") * 2)
        .filter(below2__lte=F("total"), above2__lte=F("total"))
    )
    return Subquery(middle.values(inner).annotate(m=models.Avg("days")).values("m"),
                    output_field=models.FloatField())


class StringJoin(models.Aggregate):
    """Join texts with a separator: STRING_AGG on PostgreSQL, GROUP_CONCAT on SQLite."""

    output_field = models.TextField()
    template = "%(function)s(%(expressions)s)"

    def __init__(self, expression, separator=" | ", **extra):
        super().__init__(expression, Value(separator), **extra)

    def as_sql(self, compiler, connection, **extra):
        function = "STRING_AGG" if connection.vendor == "postgresql" else "GROUP_CONCAT"
        return super().as_sql(compiler, connection, function=function, **extra)


def percent(part, whole):
    """part * 100 / whole as a float in the database; NULL when whole is 0."""
    return models.ExpressionWrapper(
        models.functions.Cast(part, models.FloatField()) * Value(100.0)
        / models.functions.NullIf(whole, Value(0)),
        output_field=models.FloatField(),
    )


# --- filters -----------------------------------------------------------------------------


def keep(queryset, name, value):
    """Filters here narrow the figures (inside the aggregates), not the rows."""
    return queryset


# What a name box may suggest from: the reports' organisation and team filters.
SUGGESTIONS = {"organisation": Organisation, "team": Team}
MAX_SUGGESTIONS = 10


def name_suggestions(kind, typed):
    """Up to ten names of `kind` containing what was typed (at least two characters), names
    that start with it first: what the filter's box offers as the person types."""
    typed = (typed or "").strip()[:100]
    if kind not in SUGGESTIONS or len(typed) < 2:
        return []
    names = SUGGESTIONS[kind].objects.filter(name__icontains=typed)
    starting = list(names.filter(name__istartswith=typed).order_by("name")
                    .values_list("name", flat=True)[:MAX_SUGGESTIONS])
    rest = (names.exclude(name__istartswith=typed).order_by("name")
            .values_list("name", flat=True)[:MAX_SUGGESTIONS - len(starting)])
    return starting + list(rest)


class NameSearchInput(forms.TextInput):
    """The name box, with suggestions as the person types where JavaScript runs
    (static/js/name-suggest.js fills a datalist from the reports' suggestion URL); without
    it the box is a plain search, and the field's errors say what matched."""

    def __init__(self, kind, attrs=None):
        self.kind = kind
        super().__init__(attrs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs["autocomplete"] = "off"
        widget_attrs["list"] = f"{widget_attrs.get('id', name)}-suggestions"
        widget_attrs["data-suggest-url"] = reverse("programme_reports:names", args=[self.kind])
        return context

    def render(self, name, value, attrs=None, renderer=None):
        from django.utils.html import format_html

        html = super().render(name, value, attrs, renderer)
        list_id = f"{(attrs or {}).get('id', name)}-suggestions"
        return format_html('{}<datalist id="{}"></datalist>', html, list_id)

    class Media:
        js = ["js/name-suggest.js"]


class ModelByNameField(forms.CharField):
    """A text box that finds one organisation or team by (part of) its name: a search, not
    a dropdown of 2,000 teams, and it works without JavaScript. Several matches are a form
    error naming a few, so the person can type more; an id (from a link) also works."""

    def __init__(self, *, queryset, noun, **kwargs):
        self.queryset, self.noun = queryset, noun
        kwargs.setdefault("help_text", f"Type part of the {noun[0]}'s name.")
        kwargs.setdefault("widget", NameSearchInput(noun[0]))
        super().__init__(**kwargs)

    def to_python(self, value):
        value = (super().to_python(value) or "").strip()
        if not value:
            return None
        if value.isdigit() and int(value) < 2**31:
            found = self.queryset.filter(pk=int(value)).first()
            if found is not None:
                return found
        exact = list(self.queryset.filter(name__iexact=value)[:2])
        if len(exact) == 1:
            return exact[0]
        matches = list(self.queryset.filter(name__icontains=value).order_by("name")[:6])
        if len(matches) == 1:
            return matches[0]
        singular, plural = self.noun
        if not matches:
            raise forms.ValidationError(
                f"No {singular} has a name containing “{value}”. Check the spelling, or type "
                "less of the name.")
        names = ", ".join(f"“{m.name}”" for m in matches[:5])
        raise forms.ValidationError(
            f"More than one {singular} matches “{value}” ({names}"
            f"{' and more' if len(matches) > 5 else ''}). Type more of the name.")

    def prepare_value(self, value):
        return getattr(value, "name", value)


class NameSearchFilter(django_filters.Filter):
    field_class = ModelByNameField


def report_filterset(model, *names, date_label="Date"):
    """A filter form with the named filters among date_from/date_to, organisation, team and
    those feature apps register (cms.registry.REPORT_FILTERS: courses adds programme)."""
    from cms import registry

    # Dates outside these years are refused with a form error (a date_to of 9999-12-31
    # would overflow when the day after it is worked out).
    in_range = [DateRangeValidator(years_ahead=10)]
    available = {
        "date_from": lambda: django_filters.DateFilter(
            label=f"{date_label} from", widget=AdminDateInput, method=keep,
            validators=in_range),
        "date_to": lambda: django_filters.DateFilter(
            label=f"{date_label} to", widget=AdminDateInput, method=keep,
            validators=in_range),
        "organisation": lambda: NameSearchFilter(
            label="Organisation", queryset=Organisation.objects.order_by("name"),
            noun=("organisation", "organisations"), method=keep),
        "team": lambda: NameSearchFilter(
            label="Team", queryset=Team.objects.order_by("name"), noun=("team", "teams"),
            method=keep),
        **registry.report_filters(),
    }
    if "date" in names:
        names = ("date_from", "date_to") + tuple(n for n in names if n != "date")
    attrs = {name: available[name]() for name in names}
    attrs["Meta"] = type("Meta", (), {"model": model, "fields": []})
    return type(f"{model.__name__}ReportFilterSet", (WagtailFilterSet,), attrs)


# --- the view ----------------------------------------------------------------------------


class Column:
    def __init__(self, field, label, kind="text"):
        self.field, self.label, self.kind = field, label, kind

    @property
    def numeric(self):
        return self.kind in ("int", "rate", "days", "decimal")


def cell_value(value, kind):
    """The one formatting of a figure, shared by the screen and both exports."""
    if value is None:
        return "" if kind != "int" else 0
    if kind in ("rate", "days", "decimal"):
        return round(float(value), 1)
    if kind == "date":
        if isinstance(value, datetime.datetime):
            return timezone.localtime(value).date()
        return value
    return value


class ProgrammeReportView(ReportView):
    """Base for every monitoring report. Subclasses set `name`, `page_title`, `columns`
    (a list of Column), `filter_names` and `get_report_queryset()`."""

    name = ""
    columns_spec = []
    filter_names = ("date",)
    date_label = "Date"
    description = ""
    results_template_name = "reports/report_results.html"
    template_name = "reports/report.html"
    header_icon = "table"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if not can_view_reports(request.user):
            raise PermissionDenied
        without_jit()
        return super().dispatch(request, *args, **kwargs)

    # Export ---------------------------------------------------------------------------

    @property
    def list_export(self):
        return [c.field for c in self.get_columns()]

    @property
    def export_headings(self):
        return {c.field: c.label for c in self.get_columns()}

    def get_filename(self):
        return f"{self.name}-{timezone.localdate():%Y-%m-%d}"

    def to_row_dict(self, item):
        return dict(zip(self.list_export, self.row_values(item), strict=True))

    def get_columns(self):
        return self.columns_spec

    def row_values(self, item):
        values = []
        for column in self.get_columns():
            value = item[column.field] if isinstance(item, dict) else getattr(
                item, column.field, "")
            values.append(cell_value(value, column.kind))
        return values

    # Filters ---------------------------------------------------------------------------

    @property
    def filterset_class(self):
        return report_filterset(self.model, *self.filter_names, date_label=self.date_label)

    def get_index_url(self):
        return reverse(f"programme_reports:{self.name}")

    def get_index_results_url(self):
        return reverse(f"programme_reports:{self.name}_results")

    @cached_property
    def filter_values(self):
        filters = self.filters
        if filters is not None and filters.is_valid():
            return {k: v for k, v in filters.form.cleaned_data.items() if v not in (None, "")}
        return {}

    def filter_queryset(self, queryset):
        return queryset  # the filters are applied inside get_report_queryset

    def period(self):
        """(start, end) aware datetimes for the date filters; either may be None."""
        tz = timezone.get_current_timezone()
        start = end = None
        if self.filter_values.get("date_from"):
            start = datetime.datetime.combine(self.filter_values["date_from"],
                                              datetime.time.min, tz)
        if self.filter_values.get("date_to"):
            end = datetime.datetime.combine(
                self.filter_values["date_to"] + datetime.timedelta(days=1),
                datetime.time.min, tz)
        return start, end

    def in_period(self, field):
        start, end = self.period()
        q = Q()
        if start:
            q &= Q(**{f"{field}__gte": start})
        if end:
            q &= Q(**{f"{field}__lt": end})
        return q

    @cached_property
    def people(self):
        """The People of the organisation and team chosen (everyone if neither)."""
        return People(organisation=self.filter_values.get("organisation"),
                      team=self.filter_values.get("team"))

    def get_base_queryset(self):
        return self.get_report_queryset()

    def get_report_queryset(self):
        raise NotImplementedError

    def decorate_paginated_queryset(self, object_list):
        if self.is_export:
            return object_list
        columns = self.get_columns()
        return [
            {"object": item, "cells": [{"value": value, "numeric": column.numeric}
                                       for column, value in zip(columns, self.row_values(item), strict=True)]}
            for item in object_list
        ]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["report_columns"] = self.get_columns()
        context["report_description"] = self.description
        return context
