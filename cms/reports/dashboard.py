"""The programme dashboard: headline figures for this year so far against the same dates
last year, and bar charts (SVG with a data table) of the last 12 months."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.shortcuts import render
from django.utils import timezone

from cms import registry
from cms.charts import bar_chart
from cms.models import Organisation
from cms.reports.base import can_view_reports, without_jit


def _aware(day):
    return datetime.datetime.combine(day, datetime.time.min, timezone.get_current_timezone())


def _same_day_last_year(day):
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def measures():
    """(key, label, queryset, date field) for each headline figure and chart: the kernel's
    own, then what each feature app registers (cms.registry.DASHBOARD_MEASURES)."""
    own = [registry.Measure("partners", "New partner authorities",
                            Organisation.objects.partner_authorities(), "created_at",
                            charted=True, order=40)]
    found = sorted([*own, *registry.dashboard_measures()], key=lambda m: m.order)
    return [(m.key, m.label, m.queryset, m.date_field) for m in found]


def charted():
    own = ["partners"]
    return own + [m.key for m in registry.dashboard_measures() if m.charted]


def headline_figures(today=None):
    """This year from 1 January to today, against 1 January to the same day last year:
    one aggregate query per measure."""
    today = today or timezone.localdate()
    this_start = datetime.date(today.year, 1, 1)
    last_start = datetime.date(today.year - 1, 1, 1)
    last_end = _same_day_last_year(today)
    rows = []
    for key, label, queryset, field in measures():
        is_date = field == "issued_on"
        bound = (lambda d: d) if is_date else _aware
        one_day = datetime.timedelta(days=1)
        figures = queryset.order_by().aggregate(
            this_year=Count("pk", filter=Q(**{f"{field}__gte": bound(this_start),
                                              f"{field}__lt": bound(today + one_day)})),
            last_year=Count("pk", filter=Q(**{f"{field}__gte": bound(last_start),
                                              f"{field}__lt": bound(last_end + one_day)})),
        )
        rows.append({"key": key, "label": label, **figures,
                     "change": figures["this_year"] - figures["last_year"]})
    return {"rows": rows, "this_label": f"1 Jan to {today:%-d %b %Y}",
            "last_label": f"1 Jan to {last_end:%-d %b %Y}"}


def last_twelve_months(today=None):
    today = today or timezone.localdate()
    first = datetime.date(today.year, today.month, 1)
    months = []
    for back in range(11, -1, -1):
        year, month = first.year, first.month - back
        while month < 1:
            month += 12
            year -= 1
        months.append(datetime.date(year, month, 1))
    return months


def monthly_counts(queryset, field, months):
    """{first day of month: count} for the months given, grouped by the database."""
    start = _aware(months[0])
    rows = (queryset.filter(**{f"{field}__gte": start}).order_by()
            .annotate(month=TruncMonth(field, tzinfo=timezone.get_current_timezone()))
            .values("month").annotate(n=Count("pk")).values_list("month", "n"))
    counts = {}
    for month, n in rows:  # at most 12 grouped rows
        key = month.date() if isinstance(month, datetime.datetime) else month
        counts[key] = n
    return counts


def series(today=None):
    """[(key, label, [(first day of month, count)])] of the charted measures, last 12
    months: what the charts draw and the export writes."""
    months = last_twelve_months(today)
    keys = charted()
    result = []
    for key, label, queryset, field in measures():
        if key in keys:
            counts = monthly_counts(queryset, field, months)
            result.append((key, label, [(m, counts.get(m, 0)) for m in months]))
    return result


def charts(today=None):
    return [{"id": f"chart-{key}",
             "chart": bar_chart(f"{label} by month, last 12 months",
                                [(f"{m:%b %y}", n) for m, n in rows], value_label=label)}
            for key, label, rows in series(today)]


def export(file_format, today=None):
    """The headline figures and the monthly series as one table (CSV or XLSX), for a
    return to the Department: one row per measure and period."""
    from cms.exports import spreadsheet_response

    today = today or timezone.localdate()
    headline = headline_figures(today)
    rows = []
    for row in headline["rows"]:
        rows.append([row["label"], "This year", headline["this_label"], row["this_year"]])
        rows.append([row["label"], "Same dates last year", headline["last_label"],
                     row["last_year"]])
    for _key, label, months in series(today):
        rows += [[label, "Month", f"{month:%B %Y}", n] for month, n in months]
    return spreadsheet_response(f"programme-dashboard-{today:%Y-%m-%d}",
                                ["Measure", "Kind", "Period", "Count"], rows, file_format)


def dashboard(request):
    if not can_view_reports(request.user):
        raise PermissionDenied
    without_jit()
    if request.GET.get("export") in ("csv", "xlsx"):
        return export(request.GET["export"])
    return render(request, "reports/dashboard.html", {
        "page_title": "Programme dashboard",
        "headline": headline_figures(),
        "charts": charts(),
    })
