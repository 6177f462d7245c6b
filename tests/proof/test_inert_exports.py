"""Finding 5 (issue 10): every CSV and XLSX the platform writes is inert. Every free-text
value in the database is made hostile (names such as =HYPERLINK("http://evil.test","x") and
+, -, @, tab and carriage-return variants), then every export the URL resolver serves is
downloaded, as the persona who uses it, and no cell may start like a formula."""

import csv
import io

import openpyxl
import pytest
from django.apps import apps
from django.db import models
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.models import Page

from cms.exports import FORMULA_STARTS, csv_writer, inert

pytestmark = pytest.mark.django_db

HOSTILE = ['=HYPERLINK("http://evil.test","x{n}")', "+HYPERLINK({n})", "-2+3+cmd|' /C calc'!A{n}",
           "@SUM(1+{n})", "\t=1+{n}", "\r=1+{n}"]
# Fields that hold codes the platform makes, not text anyone types.
NOT_TYPED = {"public_id", "calendar_token", "check_id", "prompt_id", "source_type", "series",
             "action", "from_status", "to_status", "password", "reference", "url_path",
             "path", "slug", "content_type", "locale", "translation_key", "latest_revision",
             "draft_title", "live_revision"}


def _poison():
    """Every typed text field of every row of the platform's own models, and every page
    title, starts like a formula (a distinct value per row, within the field's length)."""
    n = 0
    for app in ("cms", "cpd", "courses", "events", "secondments"):
        for model in apps.get_app_config(app).get_models():
            fields = [
                f for f in model._meta.concrete_fields
                if isinstance(f, (models.CharField, models.TextField))
                and not isinstance(f, (models.URLField, models.SlugField))
                and not f.choices and f.name not in NOT_TYPED and f.model is model
            ]
            if not fields:
                continue
            for pk in model.objects.values_list("pk", flat=True):
                values = {}
                for field in fields:
                    n += 1
                    text = HOSTILE[n % len(HOSTILE)].format(n=n)
                    if isinstance(field, models.EmailField):
                        text = text[0] + f"evil{n}@evil.test"
                    values[field.name] = text[: field.max_length or None]
                model.objects.filter(pk=pk).update(**values)
    for pk in Page.objects.filter(depth__gt=1).values_list("pk", flat=True):
        n += 1
        Page.objects.filter(pk=pk).update(title=HOSTILE[n % len(HOSTILE)].format(n=n))


def _export_urls():
    """(url, view class) of every view the resolver serves that writes spreadsheets and
    needs no URL argument."""
    found = []

    def walk(patterns, prefix):
        for p in patterns:
            route = str(p.pattern).lstrip("^").rstrip("$").replace("\\Z", "")
            if isinstance(p, URLResolver):
                walk(p.url_patterns, prefix + route)
            elif isinstance(p, URLPattern):
                view_class = getattr(p.callback, "view_class", None)
                if (view_class and issubclass(view_class, SpreadsheetExportMixin)
                        and "<" not in route and "(" not in route):
                    found.append(("/" + prefix + route, view_class))

    walk(get_resolver().url_patterns, "")
    return found


def _cells(response, fmt):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "csv":
        return [cell for row in csv.reader(io.StringIO(body.decode("utf-8"), newline=""))
                for cell in row]
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    return [cell for row in sheet.iter_rows(values_only=True) for cell in row]


def _is_number(text):
    try:
        float(text)
    except (TypeError, ValueError):
        return False
    return True


def _formulas(cells):
    return [c for c in cells if isinstance(c, str) and c.startswith(FORMULA_STARTS)
            and not _is_number(c)]


def _staff_client(user):
    client = Client()
    client.force_login(user)
    session = client.session
    session["account_authentication_methods"] = [{"method": "mfa", "type": "totp"}]
    session.save()
    return client


def _ours(view_class):
    """A view of this platform's (a viewset or report of ours), not one of Wagtail's own."""
    return (not view_class.__module__.startswith("wagtail.")
            or view_class.__name__ != view_class.__qualname__  # made by our viewset
            or "list_export" in {k for c in view_class.__mro__
                                 if not c.__module__.startswith("wagtail.") for k in vars(c)})


# What staff export from the admin (every viewset with list_export and every report).
STAFF_EXPORTS = [
    "/admin/snippets/cms/organisation/", "/admin/snippets/cms/team/",
    "/admin/snippets/courses/enrolment/", "/admin/snippets/courses/knowledgecheckattempt/",
    "/admin/snippets/courses/certificate/", "/admin/snippets/courses/assignment/",
    "/admin/snippets/cpd/cpdentry/", "/admin/eventbooking/", "/admin/eventfeedback/",
    "/admin/snippets/secondments/secondmentapplication/",
    "/admin/snippets/secondments/mentorprofile/",
    "/admin/snippets/secondments/mentoringslot/",
    "/admin/snippets/secondments/mentoringbooking/",
    "/admin/reports/course-completion/", "/admin/reports/training-matrix/",
    "/admin/reports/elearning/", "/admin/snippets/courses/elearningattempt/",
    "/admin/reports/events/", "/admin/reports/secondments/", "/admin/reports/mentoring/",
    "/admin/reports/mentoring-organisations/", "/admin/reports/partner-engagement/",
    "/admin/reports/improvement-partnerships/",
]


def test_the_kernel_rule_neutralises_each_formula_start():
    assert inert('=HYPERLINK("http://evil.test","x")') == '\'=HYPERLINK("http://evil.test","x")'
    for start in FORMULA_STARTS:
        assert inert(f"{start}1+1") == f"'{start}1+1"
    assert inert("Alice Adams") == "Alice Adams"
    assert inert(-3) == -3 and inert(None) is None
    out = io.StringIO()
    csv_writer(out).writerow(["=1+1", "@x", "ok", 4])
    assert out.getvalue() == "'=1+1,'@x,ok,4\r\n"


def test_every_spreadsheet_view_the_site_serves_is_inert():
    """A view that overrode the value hook without the rule would show up here."""
    for url, view_class in _export_urls():
        view = view_class()
        for fmt in ("csv", "xlsx"):
            assert view.preprocess_field_value("x", "=1+1", fmt) == "'=1+1", (url, fmt)
        assert view_class.get_heading.keeps_cells_inert, url


def test_every_admin_export_is_served_by_the_resolver_walk():
    served = {url for url, _ in _export_urls()}
    assert set(STAFF_EXPORTS) <= served
    # Any new export the platform adds must be downloaded by the tests below.
    ours = {url.removesuffix("results/") for url, view_class in _export_urls()
            if _ours(view_class)}
    assert ours <= set(STAFF_EXPORTS), ours - set(STAFF_EXPORTS)


def test_no_export_holds_a_formula(world):
    _poison()
    staff = _staff_client(world.staff)
    superuser = _staff_client(world.superuser)
    for url, view_class in _export_urls():
        ours = _ours(view_class)
        for fmt in ("csv", "xlsx"):
            response = (staff if ours else superuser).get(url, {"export": fmt})
            if not ours and response.status_code != 200:
                continue  # a Wagtail screen this site does not switch on
            assert response.status_code == 200, (url, fmt, response.status_code)
            cells = _cells(response, fmt)
            assert not _formulas(cells), (url, fmt, _formulas(cells)[:3])
            if ours:
                # the hostile text reached the export, as text
                assert any(isinstance(c, str) and c.startswith("'") for c in cells), (url, fmt)


def test_the_personal_cpd_export_is_inert(world):
    _poison()
    client = Client()
    client.force_login(world.alice)
    response = client.get("/learning/cpd/export.csv")
    cells = _cells(response, "csv")
    assert not _formulas(cells)
    assert any(c.startswith("'") and "HYPERLINK" in c or "=1+" in c for c in cells)
