"""Every PDF the platform makes is tagged for screen readers (PDF/UA-1) with its title and
language set: they all go through cms.pdf.render_pdf."""

import datetime
import io
import re
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from cms.pdf import render_pdf

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def assert_accessible(pdf, title_part):
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712  (a pypdf BooleanObject)
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en-GB"
    assert title_part in reader.metadata.title
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    return reader


def test_every_pdf_goes_through_render_pdf():
    """No module builds a PDF with WeasyPrint itself: they all get the tagging here."""
    found = subprocess.run(["grep", "-rln", "--include=*.py", "weasyprint", "cms", "cpd",
                            "courses", "events", "secondments", "outcomes"],
                           cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert found == ["cms/pdf.py"]


def test_the_cpd_record_is_tagged(alice):
    from cpd.documents import record_pdf

    assert_accessible(record_pdf(alice, [], "2025 to 2026"), "CPD record")


def test_the_sign_in_sheet_is_tagged():
    event = SimpleNamespace(title="Circles in schools", start=datetime.datetime(2026, 3, 4, 10),
                            venue="Town hall", slug="circles")
    assert_accessible(render_pdf("events/sign_in_sheet.html", {"event": event, "rows": []}),
                      "Sign-in sheet: Circles in schools")


def test_the_offer_letter_is_tagged():
    opportunity = SimpleNamespace(title="Practice lead secondment")
    application = SimpleNamespace(opportunity=opportunity, reference="SEC-0042")
    pdf = render_pdf("secondments/offer_letter.html", {
        "application": application, "opportunity": opportunity, "offered_at": None})
    assert_accessible(pdf, "Offer of a secondment place – SEC-0042")


def test_a_publication_is_tagged():
    pdf = render_pdf("cms/publication_document.html", {
        "title": "Annual report", "summary": "What we did.", "sections": [],
        "kind": "Report", "published_on": datetime.date(2026, 1, 5)})
    assert_accessible(pdf, "Annual report")


def test_a_pdf_without_a_title_is_refused(monkeypatch):
    monkeypatch.setattr("cms.pdf.render_to_string",
                        lambda *args, **kwargs: "<html><body><p>Hello</p></body></html>")
    with pytest.raises(ValueError, match="title"):
        render_pdf("untitled.html", {})
    reader = assert_accessible(render_pdf("untitled.html", {}, title="Given"), "Given")
    assert re.search("Hello", reader.pages[0].extract_text())
