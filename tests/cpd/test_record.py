import csv
import datetime
import io

import pytest
from freezegun import freeze_time
from pypdf import PdfReader

from cpd import services
from cpd.models import CPDEntry

pytestmark = pytest.mark.django_db


def test_the_registration_year_runs_from_1_december_to_30_november():
    assert services.registration_year(datetime.date(2025, 12, 1)) == 2026
    assert services.registration_year(datetime.date(2026, 11, 30)) == 2026
    assert services.registration_year(datetime.date(2026, 12, 1)) == 2027
    assert services.registration_year_bounds(2026) == (datetime.date(2025, 12, 1),
                                                       datetime.date(2026, 11, 30))


def test_record_cpd_activity_is_idempotent(alice):
    kwargs = dict(source_type="event", source_id=7, kind=CPDEntry.Kind.EVENT,
                  title="Network meeting", date=datetime.date(2026, 3, 1), hours=2)
    first = services.record_cpd_activity(alice, **kwargs)
    assert services.record_cpd_activity(alice, **kwargs) == first


@freeze_time("2026-06-01")
def test_the_page_warns_about_too_few_entries_and_no_peer_reflection(client, alice):
    client.force_login(alice)
    html = client.get("/learning/cpd/").content.decode()
    assert "Record two pieces of CPD" in html and "Discuss one piece with a peer" in html
    CPDEntry.objects.create(user=alice, title="A", date="2026-01-10")
    CPDEntry.objects.create(user=alice, title="B", date="2026-02-10",
                            peer_reflection="My supervisor said...", peer_role="Supervisor")
    html = client.get("/learning/cpd/").content.decode()
    assert "Record two pieces" not in html and "Discuss one piece" not in html
    assert "rule met" in html


@freeze_time("2026-06-01")
def test_entries_filter_by_registration_year(client, alice):
    CPDEntry.objects.create(user=alice, title="This year", date="2025-12-01")
    CPDEntry.objects.create(user=alice, title="Last year", date="2025-11-30")
    client.force_login(alice)
    html = client.get("/learning/cpd/").content.decode()
    assert "This year" in html and "Last year" not in html
    html = client.get("/learning/cpd/?year=2025").content.decode()
    assert "Last year" in html and "This year" not in html
    assert client.get("/learning/cpd/?year=banana").status_code == 200


def test_a_practitioner_adds_an_entry_with_reflection_and_standards(client, alice):
    client.force_login(alice)
    response = client.post("/learning/cpd/add/", {
        "kind": "reading", "title": "Rethink Formulation guide", "date": "2026-05-01",
        "hours": "1.5", "what_learnt": "Formulation", "impact_on_practice": "Better plans",
        "impact_on_people": "Families set goals", "peer_reflection": "", "peer_role": "",
        "standards": "SWE 4",
    })
    assert response.status_code == 302
    entry = CPDEntry.objects.get(user=alice)
    assert entry.standards == "SWE 4" and entry.hours == 1.5


def test_bad_cpd_input_is_a_form_error(client, alice):
    client.force_login(alice)
    response = client.post("/learning/cpd/add/", {"kind": "nope", "title": "",
                                                   "date": "31/02", "hours": "-1"})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not CPDEntry.objects.exists()


@freeze_time("2026-06-01")
def test_the_csv_export_has_one_row_per_activity_and_defuses_formulas(client, alice):
    CPDEntry.objects.create(user=alice, title="=HYPERLINK(1)", date="2026-01-10",
                            what_learnt="Circles")
    CPDEntry.objects.create(user=alice, title="Second", date="2026-02-10")
    client.force_login(alice)
    response = client.get("/learning/cpd/export.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:9] == ["Type of CPD", "Title", "Date", "What I learnt",
                           "Impact on my practice", "Peer reflection: who it was with",
                           "Peer reflection: their role",
                           "Peer reflection: date of the discussion",
                           "Peer reflection: what I learnt from discussing it"]
    assert len(rows) == 3
    assert any(row[1] == "'=HYPERLINK(1)" for row in rows)


@freeze_time("2026-06-01")
def test_the_pdf_export_holds_each_activity(client, alice, bob):
    CPDEntry.objects.create(user=alice, title="Restorative circles", date="2026-01-10",
                            impact_on_practice="I use circles in team meetings")
    CPDEntry.objects.create(user=bob, title="Bob's own", date="2026-01-10")
    client.force_login(alice)
    response = client.get("/learning/cpd/export.pdf")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Restorative circles" in text and "Alice Adams" in text
    assert "Bob's own" not in text


@freeze_time("2026-11-28")
def test_the_csv_holds_the_peer_reflection_in_the_regulators_fields(client, alice):
    CPDEntry.objects.create(user=alice, title="Supervision", date="2026-10-01",
                            what_learnt="-1 is not a formula", peer_name="+Sam",
                            peer_role="Team manager", peer_discussed_on="2026-10-02")
    client.force_login(alice)
    rows = list(csv.reader(io.StringIO(client.get("/learning/cpd/export.csv").content.decode())))
    assert rows[1][:8] == ["Other learning", "Supervision", "01/10/2026",
                           "'-1 is not a formula", "", "'+Sam", "Team manager", "02/10/2026"]


@freeze_time("2026-11-28")
def test_the_pdf_has_totals_and_says_not_written_only_where_the_learner_must_write(
        client, alice):
    CPDEntry.objects.create(user=alice, title="Written entry", date="2026-01-10", hours=1,
                            what_learnt="Circles")
    CPDEntry.objects.create(user=alice, title="Course to write", date="2026-02-10",
                            hours="1.5", to_write=True)
    client.force_login(alice)
    response = client.get("/learning/cpd/export.pdf?year=2026")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "2 activities, 2.5 hours in total" in text
    assert "1 of 2 pieces; no peer reflection yet; 1 entry still to write; 2 days left" in text
    assert "–" not in text and "1 hours" not in text
    assert text.count("Not written yet") == 2  # both questions of the entry to write
    assert "Course to write (still to write)" in text
