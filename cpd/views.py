"""The person's own CPD record: list by registration year, add, edit, delete, export.
Every entry a view touches is reached through `_get_entry_for_user`, so other people's
entries are a 404."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from cms import limits, roles
from cms.access import staff_mfa_required
from cms.models import User
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

    # Read only when the person's record for this year is not already kept for them
    # ({% personal %} in the template, cms.page_cache path 4).
    @functools.cache
    def record():
        entries = services.entries_in_year(request.user, year)
        # The years offered are those the person has entries in, the current one, and the
        # one asked for, so the selector always agrees with the heading.
        offered = {y for y in services.years_with_entries(request.user)
                   if limits.EARLIEST_YEAR <= y <= current + 1} | {current, year}
        # Short labels: a phone's select shows about 30 characters.
        years = [(y, f"December {y - 1} to November {y}")
                 for y in sorted(offered, reverse=True)]
        return {
            "to_write": [e for e in entries if e.to_write],
            "written": [e for e in entries if not e.to_write],
            "entries": entries, "years": years,
            "progress": services.renewal_progress(request.user, year),
            "total_hours": sum(e.hours for e in entries),
        }

    return render(request, "cpd/record.html", {
        "year": year, "year_label": _year_label(year), "record": record})


@login_required
def edit(request, pk=None):
    """Add an entry, or edit one. An entry with both of the regulator's answers (what I
    learnt, the impact on my practice) is written and counts towards the registration
    rule; without them it is still to write."""
    entry = _get_entry_for_user(request.user, pk) if pk else None
    form = CPDEntryForm(request.POST or None, instance=entry,
                        initial=None if entry else {"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        entry.user = request.user
        entry.to_write = not entry.is_written_up
        entry.save()
        messages.success(request, "Your CPD entry is saved." if not entry.to_write else
                         "Your CPD entry is saved. It counts towards your registration once "
                         "you write what you learnt and the impact on your practice.")
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
                     _year_label(year), services.renewal_progress(request.user, year))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="cpd-record-{year}.pdf"'
    return response


# --- a manager's view of their team --------------------------------------------------------



@staff_mfa_required
def team_record(request):
    """Per team member: whether this registration year's CPD rule is met, in counts. The
    entries' text is private to each person and never read here."""
    team = roles.get_team_for_user(request.user, request.GET.get("team"))
    year, _ = _selected_year(request)
    members = list(User.objects.filter(team=team, is_active=True)
                   .order_by("full_name", "email"))
    progress = services.renewal_progress_for(members, year)
    return render(request, "cpd/team_record.html", {
        "team": team, "teams": roles.teams_for_user(request.user), "year": year,
        "year_label": _year_label(year),
        "rows": [(member, progress[member.pk]) for member in members],
    })
