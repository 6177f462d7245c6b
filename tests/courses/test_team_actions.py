"""Managers who can act on their team's matrix: totals, filters, a person's record,
reminders (at most one a person a day), exports, and a warning for a missing
prerequisite."""

import datetime
import io

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import Assignment, Certificate, Enrolment, TrainingReminder
from courses.views import MATRIX_PEOPLE_PER_PAGE
from tests.courses.conftest import make_course
from tests.factories import practitioner

pytestmark = pytest.mark.django_db

MATRIX = "/learning/team/"


def overdue(user, course, days=3):
    return Assignment.objects.create(user=user, course=course, course_title=course.title,
                                     due_on=timezone.localdate() - datetime.timedelta(days=days))


def certificate(user, course, issued_days_ago, expires_in_days):
    today = timezone.localdate()
    enrolment = Enrolment.objects.create(user=user, course=course, course_title=course.title,
                                         status=Enrolment.Status.COMPLETED,
                                         completed_at=timezone.now())
    return Certificate.objects.create(
        enrolment=enrolment, user=user, course=course, learner_name=user.full_name,
        course_title=course.title, issued_on=today - datetime.timedelta(days=issued_days_ago),
        expires_on=today + datetime.timedelta(days=expires_in_days))


@pytest.fixture
def essentials(catalogue):
    return make_course(catalogue, title="Restorative essentials", modules=1)


def test_the_matrix_totals_each_course_and_shows_the_manager_apart(
        client, manager, alice, bob, essentials):
    overdue(alice, essentials)
    overdue(bob, essentials, days=10)
    client.force_login(manager)
    page = client.get(MATRIX).content.decode()
    assert "2 overdue" in page
    assert "Manager: Mark Manager" in page
    rows = page.split("<tbody>")[1]
    assert "Mark Manager" not in rows and "Alice Adams" in rows
    # Each name opens the person's record; each date says what it is.
    assert reverse("courses:person", args=[alice.pk]) in rows
    due = timezone.localdate() - datetime.timedelta(days=3)
    assert f"Overdue since {due:%-d %b %Y}" in rows


def test_the_matrix_filters_to_who_is_overdue_or_by_name(client, manager, alice, bob,
                                                          essentials):
    overdue(alice, essentials)
    certificate(bob, essentials, issued_days_ago=300, expires_in_days=10)
    client.force_login(manager)
    rows = client.get(MATRIX + "?show=overdue").content.decode().split("<tbody>")[1]
    assert "Alice Adams" in rows and "Bob Brown" not in rows
    rows = client.get(MATRIX + "?show=expiring").content.decode().split("<tbody>")[1]
    assert "Bob Brown" in rows and "Alice Adams" not in rows
    assert f"Expires {timezone.localdate() + datetime.timedelta(days=10):%-d %b %Y}" in rows
    rows = client.get(MATRIX + "?q=brown").content.decode().split("<tbody>")[1]
    assert "Bob Brown" in rows and "Alice Adams" not in rows


def test_the_matrix_exports_to_csv_and_xlsx_with_inert_cells(client, manager, team,
                                                             essentials):
    from openpyxl import load_workbook

    practitioner(team=team, full_name="=HYPERLINK(\"http://evil.test\",\"x\")",
                 email="evil@example.org")
    client.force_login(manager)
    response = client.get(MATRIX + "?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode()
    assert "Restorative essentials" in text.splitlines()[0]
    assert "'=HYPERLINK" in text
    response = client.get(MATRIX + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "'=HYPERLINK(\"http://evil.test\",\"x\")" in values


def test_a_person_is_reminded_at_most_once_a_day(client, manager, alice, essentials,
                                                 django_capture_on_commit_callbacks):
    overdue(alice, essentials)
    client.force_login(manager)
    url = reverse("courses:remind") + f"?person={alice.pk}"
    page = client.get(url).content.decode()
    assert "Send the reminder" in page and not mail.outbox  # a confirmation first
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("courses:remind"), {"person": alice.pk})
        client.post(reverse("courses:remind"), {"person": alice.pk})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [alice.email]
    assert "Restorative essentials" in mail.outbox[0].body
    assert TrainingReminder.objects.filter(user=alice).count() == 1


def test_a_manager_reminds_everyone_overdue_in_the_team(client, manager, alice, bob, team,
                                                       essentials,
                                                       django_capture_on_commit_callbacks):
    overdue(alice, essentials)
    overdue(bob, essentials)
    practitioner(team=team, full_name="Nobody Late", email="ontime@example.org")
    client.force_login(manager)
    page = client.get(reverse("courses:remind") + f"?team={team.pk}").content.decode()
    assert "Send 2 reminders" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("courses:remind"), {"team": team.pk})
    assert sorted(m.to[0] for m in mail.outbox) == [alice.email, bob.email]


def test_nobody_outside_the_managers_teams_can_be_reminded_or_opened(client, alice, team,
                                                                     essentials):
    from tests import factories

    other_manager = factories.team_manager(factories.TeamFactory(name="Other team",
                                                                  organisation=team.organisation),
                                           email="om@example.org")
    overdue(alice, essentials)
    client.force_login(other_manager)
    assert client.get(reverse("courses:person", args=[alice.pk])).status_code == 404
    assert client.post(reverse("courses:remind"), {"person": alice.pk}).status_code == 404
    assert not TrainingReminder.objects.exists()


def test_assigning_a_course_whose_prerequisite_is_missing_needs_confirming(
        client, manager, alice, team, catalogue, essentials):
    advanced = make_course(catalogue, title="Leading restorative practice", modules=1)
    advanced.prerequisites = [essentials]
    advanced.save()
    client.force_login(manager)
    due = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    form = {"team": team.pk, "course": advanced.pk, "members": [alice.pk], "due_on": due}
    response = client.post(reverse("courses:assign"), form)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Alice Adams: Restorative essentials" in page
    assert not Assignment.objects.exists()
    response = client.post(reverse("courses:assign"), {**form, "assign_anyway": "on"})
    assert response.status_code == 302
    assert Assignment.objects.filter(user=alice, course=advanced).exists()


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_page_of_the_matrix_costs_the_same_however_long_the_team_and_its_history(
        client, manager, team, essentials):
    client.force_login(manager)
    first = practitioner(team=team, full_name="Aaron First")
    overdue(first, essentials)
    certificate(first, essentials, issued_days_ago=800, expires_in_days=-70)
    _queries(client, MATRIX)
    small = _queries(client, MATRIX)
    for i in range(MATRIX_PEOPLE_PER_PAGE + 5):
        person = practitioner(team=team, full_name=f"Person {i:02d}")
        overdue(person, essentials)
    for years in range(1, 5):  # renewed four times since
        certificate(first, essentials, issued_days_ago=800 - years * 150,
                    expires_in_days=-70 + years * 150)
    page = client.get(MATRIX).content.decode()
    assert page.split("<tbody>")[1].count("<tr>") == MATRIX_PEOPLE_PER_PAGE
    assert "More people" in page
    assert _queries(client, MATRIX) == small


def test_a_persons_record_shows_their_cpd_readiness_but_never_what_they_wrote(client, manager,
                                                                             alice):
    from cpd.models import CPDEntry

    today = timezone.localdate()
    CPDEntry.objects.create(user=alice, title="Peer supervision on a family group conference",
                            date=today, hours=2, what_learnt="PRIVATE-LEARNING",
                            impact_on_practice="PRIVATE-IMPACT", peer_name="Priya Patel",
                            peer_role="Senior practitioner", peer_discussed_on=today)
    client.force_login(manager)
    page = client.get(reverse("courses:person", args=[alice.pk])).content.decode()
    assert "CPD for registration" in page
    assert "1 of 2 pieces" in page and "Not met yet" in page and "2 hours" in page
    assert "PRIVATE" not in page and "Priya Patel" not in page
