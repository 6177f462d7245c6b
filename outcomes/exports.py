"""CSV and XLSX downloads of the outcome views, every text cell made safe for spreadsheets.

The rule for what counts as a formula is the kernel's one (cms.exports.inert); this module
only lays out the outcome views' rows.
"""

import csv
import io
from decimal import Decimal

from django.http import HttpResponse

from cms.exports import inert as neutralise


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return neutralise(value)


def csv_response(filename, headings, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    writer = csv.writer(response)
    writer.writerow([neutralise(h) for h in headings])
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return response


def xlsx_response(filename, headings, rows, title="Figures"):
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    sheet.append([neutralise(h) for h in headings])
    for row in rows:
        sheet.append([_cell(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def export_response(fmt, filename, headings, rows):
    if fmt == "xlsx":
        return xlsx_response(filename, headings, rows)
    return csv_response(filename, headings, rows)
