"""The CPD record as a PDF (WeasyPrint) and as CSV, for professional registration."""

import csv
import datetime

from cms.pdf import render_pdf

CSV_FIELDS = [("date", "Date"), ("kind", "Type"), ("title", "Activity"),
              ("provider", "Provider"), ("hours", "Hours"), ("what_learnt", "What I learnt"),
              ("impact_on_practice", "Impact on my practice"),
              ("impact_on_people", "Impact on the people I work with"),
              ("peer_reflection", "Peer reflection"), ("peer_role", "Role of the peer"),
              ("standards", "Standards evidenced")]


def record_pdf(user, entries, year_label):
    return render_pdf("cpd/record_pdf.html", {
        "person": user, "entries": entries, "year_label": year_label,
    })


def _safe_cell(value):
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def write_record_csv(entries, stream):
    writer = csv.writer(stream)
    writer.writerow([label for _, label in CSV_FIELDS])
    for entry in entries:
        row = []
        for field, _ in CSV_FIELDS:
            value = getattr(entry, field)
            if field == "kind":
                value = entry.get_kind_display()
            elif isinstance(value, datetime.date):
                value = value.strftime("%d/%m/%Y")
            row.append(_safe_cell(value))
        writer.writerow(row)
