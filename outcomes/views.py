"""Admin views of programme outcomes: the programme and each cluster (trend against
baseline, the training beside it, CSV and XLSX downloads), and the CSV import."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from outcomes import importing
from outcomes.access import outcomes_staff_only
from outcomes.charts import trend_chart
from outcomes.exports import export_response
from outcomes.models import Measure, clusters
from outcomes.services import outcome_series, period_range, training_beside

EXPORT_HEADINGS = [
    "Measure", "Unit", "Better when", "Cluster", "Period", "Period start", "Value", "Base",
    "Baseline period", "Baseline value", "Change from baseline", "Clusters reporting",
    "How clusters are combined", "Source",
]
PROGRAMME = "All RES clusters"


def _frequency(request):
    kind = request.GET.get("frequency")
    return kind if kind in Measure.Frequency.values else Measure.Frequency.QUARTERLY


def _outcomes(request, cluster):
    kind = _frequency(request)
    measures = list(Measure.objects.all())
    # The programme's periods for a cluster too, so a quarter it has not returned shows.
    team_ids = list(clusters().values_list("pk", flat=True))
    periods = period_range([m for m in measures if m.frequency == kind], team_ids, kind)
    series = outcome_series(measures, cluster=cluster, kind=kind, periods=periods)
    training = training_beside(periods, cluster=cluster)
    name = cluster.cluster if cluster else PROGRAMME
    if request.GET.get("export") in ("csv", "xlsx"):
        slug = "programme" if cluster is None else f"cluster-{cluster.pk}"
        filename = f"outcomes-{slug}-{timezone.localdate():%Y-%m-%d}"
        return export_response(request.GET["export"], filename, EXPORT_HEADINGS,
                               export_rows(series, training, name, cluster is None))
    context = {
        "cluster": cluster,
        "name": name,
        "frequency": kind,
        "frequencies": Measure.Frequency.choices,
        "sections": [{"series": s, "chart": trend_chart(s, f"{s.measure.name}, {name}"),
                      "id": f"measure-{s.measure.code}"} for s in series],
        "training": training,
        "periods": periods,
        "clusters": clusters().order_by("area", "name"),
        "page_title": f"Outcomes: {name}",
    }
    return render(request, "outcomes/outcomes.html", context)


def export_rows(series, training, name, is_programme):
    """One row per measure and period, then one per training activity and period."""
    rows = []
    for s in series:
        m = s.measure
        baseline = s.baseline
        for point in s.points:
            rows.append([
                m.name, m.get_unit_display(), m.get_direction_display(), name,
                point.period.label, point.period.start, point.value, point.base,
                baseline.period.label if baseline else "",
                baseline.value if baseline else None, s.change(point),
                point.reporting if is_programme else None,
                (s.note + ("" if point.weighted else " Unweighted in this period."))
                if is_programme else "",
                m.source_note,
            ])
    for index, activity in enumerate(training.activities):
        for row in training.rows:
            rows.append([f"Training: {activity.label}", "Count", "", name,
                         row["period"].label, row["period"].start, row["counts"][index],
                         None, "", None, None, None, "", ""])
    return rows


@outcomes_staff_only
def programme_outcomes(request):
    return _outcomes(request, None)


@outcomes_staff_only
def cluster_outcomes(request, pk):
    return _outcomes(request, get_object_or_404(clusters(), pk=pk))


class UploadForm(forms.Form):
    file = forms.FileField(
        label="CSV file", widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
        help_text="Headings: cluster, measure, period, value, base. One row per cluster, "
        "measure and period, e.g. 2gether, re-referrals, 2026-Q1, 18.5, 240.")
    replace_existing = forms.BooleanField(
        label="Replace figures already held for the same cluster, measure and period",
        required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > importing.MAX_BYTES:
            raise forms.ValidationError("The file is larger than 1 MB; a return of figures "
                                        "is far smaller.")
        return upload


@outcomes_staff_only
def import_figures(request):
    """Upload → preview (nothing saved) → "Import the N valid rows" → saved in one go."""
    preview = None
    form = UploadForm()
    if request.method == "POST" and "token" in request.POST:
        try:
            saved = importing.import_confirmed(request.POST["token"], request.user)
        except importing.ImportRefused as refusal:
            messages.error(request, str(refusal))
            return redirect("outcomes:import")
        messages.success(request, f"Imported {saved} figure{'s' if saved != 1 else ''}.")
        return redirect("outcomes:programme")
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            preview = importing.read_csv(
                form.cleaned_data["file"].read(),
                replace_existing=form.cleaned_data["replace_existing"])
    return render(request, "outcomes/import.html", {
        "form": form,
        "preview": preview,
        "columns": importing.COLUMNS,
        "page_title": "Import figures",
        "action": reverse("outcomes:import"),
    })
