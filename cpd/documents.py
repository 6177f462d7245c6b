"""The CPD record as a PDF (WeasyPrint) and as CSV, for professional registration."""

import datetime

from cms import exports
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


def write_record_csv(entries, stream):
    writer = exports.csv_writer(stream)
    writer.writerow([label for _, label in CSV_FIELDS])
    for entry in entries:
        row = []
        for field, _ in CSV_FIELDS:
            value = getattr(entry, field)
            if field == "kind":
                value = entry.get_kind_display()
            elif isinstance(value, datetime.date):
                value = value.strftime("%d/%m/%Y")
            row.append(value)
        writer.writerow(row)
