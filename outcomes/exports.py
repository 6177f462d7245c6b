"""CSV and XLSX downloads of the outcome views, every text cell made safe for spreadsheets.

Kept small and local on purpose: a shared helper (cms/exports.py) is being written in
parallel; this module is the one to swap for it when both land.
"""

import csv
import io
from decimal import Decimal

from django.http import HttpResponse

# A spreadsheet treats a cell starting with one of these as a formula (or a DDE call).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A text cell that could be read as a formula gets a leading apostrophe; numbers and
    dates pass through as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


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
