"""What a visiting director would notice in the demo: impossible dates, answer keys that are
always the first option, empty reports for last year, placeholders, repeated text. The demo
is put in place once for the module (`_demo_site`) because seeding takes a while; each test
reads it inside its own savepoint."""

import datetime
import io
import os
import re
from collections import Counter

import pytest
from django.core.management import call_command
from django.test.utils import override_settings
from django.utils import timezone

from cms.bank_holidays import england_and_wales, is_working_day
from tests.reports.helpers import screen_rows

D = datetime.date


@pytest.fixture
def demo(_demo_site, db):
    """The seeded demo, read inside this test's own savepoint."""


def test_it_knows_the_bank_holidays_of_england_and_wales_with_substitute_days():
    assert england_and_wales(2026) == {
        D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4), D(2026, 5, 25),
        D(2026, 8, 31), D(2026, 12, 25), D(2026, 12, 28),  # Boxing Day is a Saturday
    }
    assert {D(2027, 12, 27), D(2027, 12, 28)} <= england_and_wales(2027)  # both at weekend
    assert D(2022, 1, 3) in england_and_wales(2022)  # New Year's Day on a Saturday
    assert D(2020, 5, 8) in england_and_wales(2020) and D(2020, 5, 4) not in england_and_wales(
        2020)  # moved for VE Day
    assert D(2023, 5, 8) in england_and_wales(2023)  # the coronation
    assert not is_working_day(D(2026, 12, 28)) and is_working_day(D(2026, 12, 29))
    assert not is_working_day(D(2026, 11, 28))  # a Saturday


def test_every_demo_event_and_mentoring_slot_falls_on_a_working_day(demo):
    from events.models import EventPage
    from secondments.models import MentoringSlot

    starts = [("event", e.title, e.start) for e in EventPage.objects.all()]
    starts += [("slot", str(s.mentor_id), s.starts_at) for s in MentoringSlot.objects.all()]
    assert len(starts) > 100
    bad = [(kind, name, timezone.localtime(when).date()) for kind, name, when in starts
           if not is_working_day(timezone.localtime(when).date())]
    assert bad == []


def test_events_have_their_own_programmes_windows_and_a_blended_module(demo):
    from events.models import EventPage

    events = list(EventPage.objects.all())
    programmes = [str(e.programme.raw_data) for e in events]
    assert len(set(programmes)) == len(programmes)
    assert {timezone.localtime(e.start).weekday() for e in events} >= {0, 1, 2, 3, 4}
    assert len({timezone.localtime(e.start).time() for e in events}) >= 5
    online = [e for e in events if e.is_online and (e.end - e.start) == datetime.timedelta(
        minutes=90)]
    assert online and all("Lunch" not in str(e.programme.raw_data) for e in online)
    future = [e for e in events if e.start > timezone.now()]
    assert any(e.booking_opens and e.booking_opens > timezone.now() for e in future)
    assert any(e.booking_closes for e in future)
    assert any(e.linked_module_id for e in events)


def test_knowledge_checks_have_four_to_six_questions_and_the_right_answer_moves(demo):
    from courses.models import ModulePage

    positions = Counter()
    checks = 0
    for module in ModulePage.objects.all():
        for _, check in module.knowledge_checks():
            checks += 1
            questions = list(check["questions"])
            assert 4 <= len(questions) <= 6, module.title
            for question in questions:
                answers = list(question["answers"])
                assert len(answers) >= 3, question["question"]
                right = [i for i, a in enumerate(answers) if a["correct"]]
                assert right, question["question"]
                if not question["multiple"]:
                    positions[right[0]] += 1
    total = sum(positions.values())
    assert checks >= 25 and total >= 80
    assert positions[0] < total, "the right answer is not always first"
    assert max(positions.values()) <= total / 2, positions


def _last_year():
    year = timezone.localdate().year - 1
    return {"date_from": f"{year}-01-01", "date_to": f"{year}-12-31"}


@pytest.fixture
def staff_client(client, demo):
    from cms.models import User

    client.force_login(User.objects.get(email="staff@example.org"))
    return client


@pytest.mark.parametrize("report, figure_columns", [
    ("course_completion", [2, 4]),  # enrolled, completed
    ("events", [5]),  # attended
    ("secondments", [2]),  # applications
    ("mentoring", [4]),  # held
    ("mentoring_organisations", [2]),  # held
    ("partner_engagement", [4, 5, 6, 7]),  # secondments, mentoring, events, courses
])
def test_every_report_has_rows_for_last_year(staff_client, report, figure_columns):
    rows = screen_rows(staff_client, report, **_last_year())
    with_figures = [row for row in rows if any(row[c] for c in figure_columns)]
    assert with_figures, f"{report} shows nothing for last year"


def test_the_training_matrix_shows_completions_from_last_year(staff_client):
    from cms.models import Organisation

    host = Organisation.objects.get(is_host_authority=True)
    rows = screen_rows(staff_client, "training_matrix", organisation=host.pk)
    year = timezone.localdate().year - 1
    cells = " ".join(str(value) for row in rows for value in row)
    assert len(rows) > 20 and str(year) in cells


def test_the_dashboard_compares_this_year_with_a_last_year_that_is_not_empty(demo):
    from cms.models import Organisation
    from cms.reports.dashboard import headline_figures

    for row in headline_figures()["rows"]:
        assert row["last_year"] > 0, row["label"]
    today = timezone.localdate()
    joined = {o.created_at.date() for o in Organisation.objects.filter(is_host_authority=False)}
    assert len(joined) == 7 and today not in joined


def test_seeding_again_adds_nothing_and_changes_nothing(demo):
    from django.apps import apps

    def snapshot():
        counts = {}
        for app in ("cms", "courses", "events", "secondments", "wagtailcore", "wagtaildocs"):
            for model in apps.get_app_config(app).get_models():
                counts[model._meta.label] = model.objects.count()
        from courses.models import Certificate, Enrolment
        from events.models import EventBooking

        counts["dates"] = (
            list(Enrolment.objects.order_by("pk").values_list("enrolled_at", "completed_at")),
            list(Certificate.objects.order_by("pk").values_list("issued_on", "expires_on")),
            list(EventBooking.objects.order_by("pk").values_list("status", "created_at")),
        )
        return counts

    before = snapshot()
    with override_settings(DEBUG=True):
        call_command("seed_demo", stdout=open(os.devnull, "w"))
    assert snapshot() == before


PLACEHOLDERS = re.compile(r"demonstration copy|lorem|placeholder|\bTODO\b|example text",
                          re.IGNORECASE)


def _text(html):
    return re.sub(r"<[^>]+>", " ", html)


def test_no_page_module_or_document_holds_placeholder_text(client, demo):
    from pypdf import PdfReader
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    from cms.models import User

    client.force_login(User.objects.get(email="practitioner@example.org"))
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert pages.count() > 80
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        found = PLACEHOLDERS.search(_text(response.content.decode()))
        assert found is None, f"{page.url}: {found.group(0)}"
    documents = list(get_document_model().objects.all())
    assert len(documents) >= 5
    for document in documents:
        with document.file.open("rb") as handle:
            reader = PdfReader(io.BytesIO(handle.read()))
        text = " ".join(p.extract_text() for p in reader.pages)
        assert len(reader.pages) >= 3, document.title
        assert PLACEHOLDERS.search(text) is None, document.title


def test_no_two_modules_or_comments_say_the_same_thing(demo):
    from courses.models import ModulePage
    from events.models import EventFeedback
    from secondments.models import MentoringBooking

    bodies = [_text(str(m.body)) for m in ModulePage.objects.all()]
    assert len(set(bodies)) == len(bodies)
    feedback = EventFeedback.objects.all()
    assert feedback.count() > 50
    for field in ("most_useful", "do_differently"):
        texts = [getattr(f, field) for f in feedback]
        assert len(set(texts)) == len(texts), Counter(texts).most_common(1)
    held = MentoringBooking.objects.exclude(mentee_feedback="")
    assert held.count() > 10
    texts = list(held.values_list("mentee_feedback", flat=True))
    assert len(set(texts)) == len(texts)
    notes = list(MentoringBooking.objects.exclude(mentor_notes="")
                 .values_list("mentor_notes", flat=True))
    assert notes and len(set(notes)) == len(notes)


def test_certificates_have_expired_been_renewed_and_are_expiring(demo):
    from courses.models import Certificate

    today = timezone.localdate()
    expired = Certificate.objects.filter(expires_on__lt=today)
    assert expired.exists()
    renewed = [c for c in expired if Certificate.objects.filter(
        user=c.user, course=c.course, issued_on__gt=c.issued_on).exists()]
    assert renewed
    assert Certificate.objects.filter(
        expires_on__gte=today, expires_on__lte=today + datetime.timedelta(days=90)).exists()


def test_team_phone_numbers_are_shown_with_the_date_of_their_source(client, demo):
    html = client.get("/res-teams/directory/").content.decode()
    assert "0113 3782478" in html and "April 2021" in html
    for url in ["/restorative-adolescent-service/", "/about/improvement-partner-offer/",
                "/about/managing-risk/", "/about/knowledge-and-skills-framework/"]:
        assert client.get(url).status_code == 200, url
