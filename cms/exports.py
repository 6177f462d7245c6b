"""Every spreadsheet the platform writes is inert: a cell that a spreadsheet program would
read as a formula (it starts with = + - @, a tab or a carriage return) is written with a
leading apostrophe, so a name such as =HYPERLINK("http://evil.test","x") shows as text
and never runs on a member of staff's computer.

The one rule is `inert()`. Two ways reach it:

- Wagtail writes every CSV and XLSX (viewsets' `list_export`, `ReportView`s, the
  programme reports, Wagtail's own reports and user listing) through
  `SpreadsheetExportMixin.preprocess_field_value` (and its headings through `get_heading`).
  `make_wagtail_exports_inert()`, run once when the kernel starts, wraps those methods, so no export, present or future,
  can forget the rule (a mixin on each view class would have to be remembered on every
  new viewset).
- Hand-written CSV files use `csv_writer()`.
"""

import csv
import functools

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value):
    """The cell as a spreadsheet should hold it: text that starts like a formula gets a
    leading apostrophe (shown as text, not run); numbers, dates and other text are kept."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class InertCSVWriter:
    """csv.writer whose every cell goes through inert()."""

    def __init__(self, stream, **kwargs):
        self._writer = csv.writer(stream, **kwargs)

    def writerow(self, row):
        return self._writer.writerow([inert(cell) for cell in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_writer(stream, **kwargs):
    """A CSV writer for hand-written exports (it takes the same arguments as csv.writer)."""
    return InertCSVWriter(stream, **kwargs)


def make_wagtail_exports_inert():
    """Wrap the two methods every Wagtail CSV and XLSX export passes its text through,
    SpreadsheetExportMixin.preprocess_field_value (each value) and get_heading (each
    column heading: the training matrix names its columns after courses), with inert().
    Idempotent."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    for name in ("preprocess_field_value", "get_heading"):
        original = getattr(SpreadsheetExportMixin, name)
        if getattr(original, "keeps_cells_inert", False):
            continue
        setattr(SpreadsheetExportMixin, name, _made_inert(original))


def _made_inert(method):
    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        return inert(method(*args, **kwargs))

    wrapper.keeps_cells_inert = True
    return wrapper


def spreadsheet_response(filename, headings, rows, file_format):
    """A hand-written table as a CSV or XLSX download (`file_format` "csv" or "xlsx"),
    every cell through inert(). `filename` is without its extension."""
    import io

    from django.http import HttpResponse

    if file_format == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        for row in [headings, *rows]:
            sheet.append([inert(cell) for cell in row])
        stream = io.BytesIO()
        workbook.save(stream)
        response = HttpResponse(
            stream.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    else:
        stream = io.StringIO()
        writer = csv_writer(stream)
        writer.writerow(headings)
        writer.writerows(rows)
        response = HttpResponse(stream.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response
