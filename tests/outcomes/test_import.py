"""Importing figures from CSV: the preview's refusals (each kind), the file-level refusal of
personal identifiers, and that nothing is ever half-imported."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from outcomes import importing
from outcomes.models import Figure
from tests.outcomes.conftest import Q1, Q2, figure

pytestmark = pytest.mark.django_db

HEAD = "cluster,measure,period,value,base\n"


def preview_of(text, **kwargs):
    return importing.read_csv(text.encode("utf-8"), **kwargs)


def only_errors(preview):
    return {row.number: row.errors for row in preview.rows if row.errors}


def test_it_previews_every_row_and_saves_nothing(clusters, measures):
    preview = preview_of(HEAD + "2gether,t-referrals,2025-Q1,120,\n"
                                "JESS RES team,t-rereferrals,2025-Q2,18.5,240\n")
    assert not preview.file_errors and not only_errors(preview)
    assert [r.value for r in preview.valid_rows] == [Decimal("120.00"), Decimal("18.50")]
    assert preview.valid_rows[1].team == clusters["JESS"]
    assert preview.valid_rows[1].period.start == Q2
    assert Figure.objects.count() == 0


@pytest.mark.parametrize("line, reason", [
    ("Otley,t-referrals,2025-Q1,10,", "Unknown cluster “Otley”"),
    ("2gether,t-exclusions,2025-Q1,10,", "Unknown measure “t-exclusions”"),
    ("2gether,t-referrals,2025 quarter 1,10,", "Bad period"),
    ("2gether,t-referrals,2025-Q5,10,", "Bad period"),
    ("2gether,t-referrals,2025-03,10,", "Bad period"),  # a month, for a quarterly measure
    ("2gether,t-referrals,2999-Q1,10,", "has not begun"),
    ("2gether,t-referrals,2025-Q1,ten,", "is not a number"),
    ("2gether,t-referrals,2025-Q1,,", "The value is missing"),
    ("2gether,t-referrals,2025-Q1,NaN,", "is not a number"),
    ("2gether,t-referrals,2025-Q1,-4,", "cannot be negative"),
    ("2gether,t-referrals,2025-Q1,4.5,", "whole number"),
    ("2gether,t-referrals,2025-Q1,4,100", "A count has no base"),
    ("2gether,t-rereferrals,2025-Q1,104.5,200", "out of range"),
    ("2gether,t-lac,2025-Q1,10001,9000", "out of range"),
])
def test_it_refuses_a_bad_row_with_its_reason(clusters, measures, line, reason):
    preview = preview_of(HEAD + "JESS,t-referrals,2025-Q1,50,\n" + line + "\n")
    errors = only_errors(preview)
    assert list(errors) == [3]
    assert any(reason in e for e in errors[3]), errors
    assert [r.number for r in preview.valid_rows] == [2]


def test_it_refuses_both_rows_of_a_duplicate(clusters, measures):
    preview = preview_of(HEAD + "2gether,t-referrals,2025-Q1,50,\n"
                                "JESS,t-referrals,2025-Q1,60,\n"
                                "2gether RES team,T-Referrals,2025-Q1,55,\n")
    errors = only_errors(preview)
    assert list(errors) == [2, 4]
    assert "Duplicate: rows 2, 4" in errors[2][0]


def test_a_figure_already_held_is_refused_unless_replacing_is_chosen(clusters, measures):
    figure(measures["referrals"], clusters["JESS"], Q1, 70)
    text = HEAD + "JESS,t-referrals,2025-Q1,75,\n"
    assert "already a figure" in only_errors(preview_of(text))[2][0]
    preview = preview_of(text, replace_existing=True)
    assert preview.valid_rows[0].existing.value == 70


@pytest.mark.parametrize("heading", ["Name", "DOB", "Date of birth", "NHS number", "UPN",
                                     "Address", "Postcode", "Child ID", "child_surname"])
def test_a_file_with_a_column_of_personal_identifiers_is_refused_whole(clusters, measures,
                                                                       heading):
    preview = preview_of(f"cluster,measure,period,value,{heading}\n"
                         "2gether,t-referrals,2025-Q1,1,x\n")
    assert preview.file_errors and "look like personal details" in preview.file_errors[0]
    assert heading in preview.file_errors[0]
    assert preview.rows == [] and preview.valid_rows == []


def test_an_unknown_or_missing_column_refuses_the_file(clusters, measures):
    assert "Unknown: comment" in preview_of(
        "cluster,measure,period,value,comment\n").file_errors[0]
    assert "Missing: value" in preview_of("cluster,measure,period\n").file_errors[0]


@pytest.mark.parametrize("value, kind", [
    ("943 476 5919", "an NHS number"), ("A123456789012", "a unique pupil number"),
    ("LS9 6JF", "a postcode"), ("jo@example.org", "an email address"),
    ("12/03/2015", "a date of birth"), ("2015-03-12", "a date of birth"),
])
def test_a_value_that_looks_like_a_personal_identifier_refuses_its_row_unshown(
        clusters, measures, value, kind):
    preview = preview_of(HEAD + f"2gether,t-referrals,{value},{value},\n")
    row = preview.rows[0]
    assert not row.is_valid and row.hidden
    assert any(kind in e for e in row.errors)


def test_importing_saves_exactly_the_valid_rows_of_the_preview(clusters, measures,
                                                               reporting_staff):
    preview = preview_of(HEAD + "2gether,t-referrals,2025-Q1,120,\n"
                                "Otley,t-referrals,2025-Q1,10,\n"
                                "JESS,t-rereferrals,2025-Q1,18.5,240\n")
    assert importing.import_confirmed(preview.token(), reporting_staff) == 2
    saved = {(f.team.cluster, f.measure.code): (f.value, f.base, f.entered_by)
             for f in Figure.objects.all()}
    assert saved == {("2gether", "t-referrals"): (Decimal("120"), None, reporting_staff),
                     ("JESS", "t-rereferrals"): (Decimal("18.5"), Decimal("240"),
                                                 reporting_staff)}


def test_replacing_corrects_the_figure_in_place_and_logs_what_it_was(clusters, measures,
                                                                      reporting_staff):
    from wagtail.models import ModelLogEntry

    old = figure(measures["referrals"], clusters["JESS"], Q1, 70)
    preview = preview_of(HEAD + "JESS,t-referrals,2025-Q1,75,\n", replace_existing=True)
    importing.import_confirmed(preview.token(), reporting_staff)
    old.refresh_from_db()
    assert old.value == 75 and Figure.objects.count() == 1
    entry = ModelLogEntry.objects.get(action="outcomes.figures.imported")
    assert entry.data["replaced"] == [["t-referrals", "JESS RES team", "2025-Q1", "70.00",
                                       "75.00"]]


def test_nothing_is_imported_if_a_row_became_invalid_after_the_preview(clusters, measures,
                                                                       reporting_staff):
    preview = preview_of(HEAD + "2gether,t-referrals,2025-Q1,120,\n"
                                "JESS,t-referrals,2025-Q1,80,\n")
    figure(measures["referrals"], clusters["JESS"], Q1, 70)  # someone else, meanwhile
    with pytest.raises(importing.ImportRefused, match="nothing was imported"):
        importing.import_confirmed(preview.token(), reporting_staff)
    assert list(Figure.objects.values_list("value", flat=True)) == [Decimal("70")]


def test_nothing_is_imported_if_the_database_refuses_one_row(clusters, measures,
                                                             reporting_staff, monkeypatch):
    """The rows are saved in one transaction: when the database's own constraint refuses
    the second (the re-check is switched off to reach it), the first is rolled back."""
    preview = preview_of(HEAD + "2gether,t-referrals,2025-Q1,120,\n"
                                "JESS,t-referrals,2025-Q1,80,\n")
    figure(measures["referrals"], clusters["JESS"], Q1, 70)
    real_check = importing.check_rows

    def check_without_existing(rows, replace_existing):
        real_check(rows, replace_existing=True)
        for row in rows:
            row.existing = None

    monkeypatch.setattr(importing, "check_rows", check_without_existing)
    with pytest.raises(importing.ImportRefused, match="same moment"):
        importing.import_confirmed(preview.token(), reporting_staff)
    assert Figure.objects.count() == 1


def test_a_tampered_preview_is_refused(clusters, measures, reporting_staff):
    token = preview_of(HEAD + "2gether,t-referrals,2025-Q1,120,\n").token()
    with pytest.raises(importing.ImportRefused):
        importing.import_confirmed(token[:-2] + "xx", reporting_staff)
    assert Figure.objects.count() == 0


def test_the_import_is_logged(clusters, measures, reporting_staff):
    from wagtail.models import ModelLogEntry

    preview = preview_of(HEAD + "2gether,t-referrals,2025-Q1,120,\n")
    importing.import_confirmed(preview.token(), reporting_staff)
    entry = ModelLogEntry.objects.get(action="outcomes.figures.imported")
    assert entry.user == reporting_staff and entry.data["figures"] == 1


def test_excel_csv_in_windows_encoding_with_a_percent_sign_is_read(clusters, measures):
    preview = importing.read_csv(
        "cluster,measure,period,value,base\r\nInner East,t-rereferrals,2025-Q1,19.5%,200\r\n"
        .encode("cp1252"))
    assert preview.valid_rows[0].value == Decimal("19.5")


# --- the screens -------------------------------------------------------------------------


def upload(client, text, **data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(reverse("outcomes:import"), {
        "file": SimpleUploadedFile("q1.csv", text.encode(), content_type="text/csv"), **data})


def test_staff_see_the_bad_row_refused_then_import_the_valid_rows(client, clusters, measures,
                                                                  reporting_staff):
    client.force_login(reporting_staff)
    response = upload(client, HEAD + "2gether,t-referrals,2025-Q1,120,\n"
                                     "JESS,t-rereferrals,2025-Q1,140,200\n")
    page = response.content.decode()
    assert response.status_code == 200
    assert "out of range: a percentage is between 0 and 100" in page
    assert "Import the 1 valid row" in page and Figure.objects.count() == 0
    token = response.context["preview"].token()
    response = client.post(reverse("outcomes:import"), {"token": token}, follow=True)
    assert "Imported 1 figure." in response.content.decode()
    assert Figure.objects.get().value == 120


def test_the_preview_never_shows_a_row_that_looks_like_personal_data(client, clusters,
                                                                      measures,
                                                                      reporting_staff):
    client.force_login(reporting_staff)
    response = upload(client, HEAD + "2gether,t-referrals,2025-Q1,943 476 5919,\n")
    assert b"943 476 5919" not in response.content
    assert b"looks like personal data" in response.content


def test_a_file_that_is_not_csv_gets_a_message_not_an_error(client, clusters, measures,
                                                             reporting_staff):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(reporting_staff)
    response = client.post(reverse("outcomes:import"), {"file": SimpleUploadedFile(
        "x.csv", b"\xff\xfe\x00\x81\x8d" * 10, content_type="text/csv")})
    assert response.status_code == 200
    response = client.post(reverse("outcomes:import"), {})
    assert response.status_code == 200 and response.context["form"].errors


def test_q2_period_start_is_the_first_of_april():
    from outcomes.periods import QUARTER, parse_period

    assert parse_period("2025-Q2", QUARTER).start == Q2
    assert parse_period("2025-Q2", QUARTER).label == "Apr to Jun 2025"
    assert parse_period("2025-q4", QUARTER).end == datetime.date(2026, 1, 1)
