"""The person's own CPD record: list by registration year, add, edit, delete, export.
Every entry a view touches is reached through `_get_entry_for_user`, so other people's
entries are a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from cms import limits
from cpd import services
from cpd.documents import record_pdf, write_record_csv
from cpd.forms import CPDEntryForm
from cpd.models import CPDEntry


def _selected_year(request):
    current = services.registration_year(timezone.localdate())
    try:
        year = int(request.GET.get("year", current))
    except ValueError:
        year = current
    if not limits.EARLIEST_YEAR <= year <= current + 1:
        year = current
    return year, current


def _year_label(year):
    start, end = services.registration_year_bounds(year)
    return f"{start:%-d %B %Y} to {end:%-d %B %Y}"


def _get_entry_for_user(user, pk):
    return get_object_or_404(CPDEntry, pk=pk, user=user)


@login_required
def record(request):
    year, current = _selected_year(request)
    entries = services.entries_in_year(request.user, year)
    first = CPDEntry.objects.filter(user=request.user).order_by("date").values_list(
        "date", flat=True).first()
    # A row dated before the earliest year (entered before dates were checked) must not
    # stretch the list of years back to year 1, whose bounds are not dates.
    first_year = max(services.registration_year(first) if first else current,
                     limits.EARLIEST_YEAR)
    years = [(y, _year_label(y)) for y in range(current, min(first_year, current) - 1, -1)]
    return render(request, "cpd/record.html", {
        "entries": entries, "year": year, "year_label": _year_label(year), "years": years,
        "warnings": services.cpd_warnings(entries) if year == current else [],
        "total_hours": sum(e.hours for e in entries),
    })


@login_required
def edit(request, pk=None):
    entry = _get_entry_for_user(request.user, pk) if pk else None
    form = CPDEntryForm(request.POST or None, instance=entry,
                        initial=None if entry else {"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        entry.user = request.user
        entry.save()
        messages.success(request, "Your CPD entry is saved.")
        return redirect(f"{reverse('cpd:record')}?year={services.registration_year(entry.date)}")
    return render(request, "cpd/entry_form.html", {"form": form, "entry": entry})


@login_required
@require_POST
def delete(request, pk):
    entry = _get_entry_for_user(request.user, pk)
    entry.delete()
    messages.success(request, "The CPD entry is deleted.")
    return redirect("cpd:record")


@login_required
def export_csv(request):
    year, _ = _selected_year(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cpd-record-{year}.csv"'
    write_record_csv(services.entries_in_year(request.user, year), response)
    return response


@login_required
def export_pdf(request):
    year, _ = _selected_year(request)
    pdf = record_pdf(request.user, services.entries_in_year(request.user, year),
                     _year_label(year))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="cpd-record-{year}.pdf"'
    return response
