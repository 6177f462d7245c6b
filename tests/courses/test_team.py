import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from freezegun import freeze_time

from cms.models import User
from courses import reports, services
from courses.models import Assignment, Certificate
from tests.courses.conftest import make_course, modules_of
from tests.courses.test_access import complete

# Due dates run at most five years ahead (cms.limits).
IN_THREE_MONTHS = (datetime.date.today() + datetime.timedelta(days=90)).isoformat()

pytestmark = pytest.mark.django_db


def cells(matrix):
    return {(row["user"].email, cell["course"].title): cell
            for row in matrix["rows"] for cell in row["cells"]}


@freeze_time("2026-06-01")
def test_the_matrix_shows_each_state(alice, bob, charlie, manager, catalogue, course):
    other = make_course(catalogue, title="Family Group Conferences", modules=4)
    complete(alice, course)
    services.enrol(bob, other)
    services.complete_module(bob, modules_of(other)[0])
    services.assign_course(course, [bob], datetime.date(2026, 6, 10), manager)
    Assignment.objects.filter(user=bob).update(due_on=datetime.date(2026, 5, 1))
    services.assign_course(other, [alice], datetime.date(2026, 7, 1), manager)
    matrix = reports.training_matrix(User.objects.filter(email__in=[
        "alice@example.org", "bob@example.org", "charlie@example.org"]).order_by("email"),
        [course, other])
    c = cells(matrix)
    assert c[("alice@example.org", course.title)]["label"] == "Completed"
    assert c[("alice@example.org", other.title)]["label"] == "Assigned"
    assert c[("bob@example.org", other.title)]["label"] == "In progress"
    assert c[("bob@example.org", other.title)]["detail"] == "25%"
    assert c[("bob@example.org", course.title)]["label"] == "Overdue"
    assert c[("charlie@example.org", course.title)]["label"] == "Not started"


def test_the_matrix_flags_an_expiring_certificate(alice, course):
    with freeze_time("2025-06-20"):
        complete(alice, course)
    with freeze_time("2026-06-01"):
        cell = cells(reports.training_matrix([alice], [course]))[(alice.email, course.title)]
        assert cell["label"] == "Expiring soon"
    with freeze_time("2026-07-01"):
        cell = cells(reports.training_matrix([alice], [course]))[(alice.email, course.title)]
        assert cell["label"] == "Expired"


def test_assigning_emails_each_member(client, manager, alice, bob, team, course,
                                      django_capture_on_commit_callbacks):
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/learning/team/assign/", {
            "team": team.pk, "course": course.pk, "members": [alice.pk, bob.pk],
            "due_on": IN_THREE_MONTHS})
    assert response.status_code == 302
    assert Assignment.objects.count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.org", "bob@example.org"]
    due = datetime.date.fromisoformat(IN_THREE_MONTHS)
    assert f"{due:%-d %B %Y}" in mail.outbox[0].subject


def test_a_due_date_in_the_past_is_a_form_error(client, manager, alice, team, course):
    client.force_login(manager)
    response = client.post("/learning/team/assign/", {
        "team": team.pk, "course": course.pk, "members": [alice.pk], "due_on": "2000-01-01"})
    assert response.status_code == 200 and "future" in response.content.decode()


def test_overdue_reminders_go_weekly_until_done(alice, manager, course,
                                                django_capture_on_commit_callbacks):
    with freeze_time("2026-05-01"):
        services.assign_course(course, [alice], datetime.date(2026, 5, 10), manager)
    mail.outbox.clear()

    def run(when):
        with freeze_time(when), django_capture_on_commit_callbacks(execute=True):
            call_command("send_course_reminders", stdout=open("/dev/null", "w"))
        return len(mail.outbox)

    assert run("2026-05-10 09:00") == 0  # not overdue on the due date
    assert run("2026-05-11 09:00") == 1
    assert run("2026-05-11 15:00") == 1  # idempotent the same day
    assert run("2026-05-15 09:00") == 1  # not again within a week
    assert run("2026-05-18 09:00") == 2
    with freeze_time("2026-05-19"):
        complete(alice, course)
    mail.outbox.clear()
    assert run("2026-05-30 09:00") == 0


def test_expiry_reminders_go_once_thirty_days_before(alice, course,
                                                     django_capture_on_commit_callbacks):
    with freeze_time("2025-06-15"):
        certificate = complete(alice, course)
    mail.outbox.clear()
    assert certificate.expires_on == datetime.date(2026, 6, 15)
    with freeze_time("2026-05-01"), django_capture_on_commit_callbacks(execute=True):
        services.send_course_reminders()
    assert len(mail.outbox) == 0
    with freeze_time("2026-05-20"), django_capture_on_commit_callbacks(execute=True):
        services.send_course_reminders()
        services.send_course_reminders()
    assert len(mail.outbox) == 1 and "expires" in mail.outbox[0].subject
    assert Certificate.objects.get().expiry_reminder_sent_at is not None


def test_my_learning_lists_assigned_overdue_in_progress_and_certificates(client, alice,
                                                                         manager, catalogue,
                                                                         course):
    other = make_course(catalogue, title="Motivational Interviewing", modules=2)
    with freeze_time("2026-01-01"):
        services.assign_course(other, [alice], datetime.date(2026, 2, 1), manager)
    complete(alice, course)
    third = make_course(catalogue, title="Outcomes Based Accountability", modules=2)
    services.enrol(alice, third)
    client.force_login(alice)
    html = client.get("/learning/").content.decode()
    assert "Overdue" in html and "Motivational Interviewing" in html
    assert "Outcomes Based Accountability" in html and "0% complete" in html
    assert course.title in html and "Completed" in html
    assert f"/certificates/{alice.certificates.get().public_id}/pdf/" in html
