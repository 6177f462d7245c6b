import csv
import io

import openpyxl
from django.urls import reverse


def url_of(name, **params):
    from urllib.parse import urlencode

    url = reverse(f"programme_reports:{name}")
    return url + ("?" + urlencode(params) if params else "")


def screen_rows(client, name, **params):
    """The report's rows as the screen shows them (the values in its table cells)."""
    response = client.get(url_of(name, **params))
    assert response.status_code == 200
    return [[cell["value"] for cell in row["cells"]] for row in response.context["object_list"]]


def by_first(rows):
    return {row[0]: row for row in rows}


def export_rows(client, name, fmt, **params):
    response = client.get(url_of(name, export=fmt, **params))
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "csv":
        return list(csv.reader(io.StringIO(body.decode("utf-8"))))
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    return [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]


def as_text(rows):
    """Normalise for comparing the screen, the CSV and the XLSX: every value as text,
    floats without a trailing .0 difference."""
    def text(value):
        if isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                return value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if hasattr(value, "date") and callable(value.date):
            value = value.date()
        return str(value)
    return [[text(v) for v in row] for row in rows]
