"""The CPD record as a PDF (WeasyPrint) and as CSV, for professional registration."""

import datetime

from cms import exports
from cms.pdf import render_pdf

# The questions of Social Work England's CPD form, in its order, so that each cell can be
# pasted into the field of the same name; then what this record adds.
REGULATOR_FORM_HEADINGS = [
    ("kind", "Type of CPD"),
    ("title", "Title"),
    ("date", "Date"),
    ("what_learnt", "What I learnt"),
    ("impact_on_practice", "Impact on my practice"),
    ("peer_name", "Peer reflection: who it was with"),
    ("peer_role", "Peer reflection: their role"),
    ("peer_discussed_on", "Peer reflection: date of the discussion"),
    ("peer_reflection", "Peer reflection: what I learnt from discussing it"),
]
CSV_FIELDS = REGULATOR_FORM_HEADINGS + [
    ("hours", "Hours"),
    ("provider", "Provider"),
    ("impact_on_people", "Impact on the people I work with"),
    ("standards", "Standards evidenced"),
    ("to_write", "Still to write"),
]


def record_pdf(user, entries, year_label, progress=None):
    return render_pdf("cpd/record_pdf.html", {
        "person": user, "entries": entries, "year_label": year_label, "progress": progress,
        "total_hours": sum((e.hours for e in entries), 0),
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
            elif field == "to_write":
                value = "Yes" if value else "No"
            elif field == "hours":
                value = f"{value.normalize():f}"
            elif isinstance(value, datetime.date):
                value = value.strftime("%d/%m/%Y")
            elif value is None:
                value = ""
            row.append(value)
        writer.writerow(row)
