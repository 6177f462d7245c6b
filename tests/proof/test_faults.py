"""Faults: a mail server that fails, a database that errors half-way through a change, and a
task worker killed in the middle of its work. Nothing may be lost or half-written."""

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms import audit
from courses.models import Certificate, Enrolment, ModuleCompletion
from cpd.models import CPDEntry
from events.models import EventBooking
from secondments.models import (
    MentoringBooking,
    SecondmentApplication,
)
from tests.courses.conftest import RIGHT
from tests.task_queue import DATABASE_QUEUE, FlakyBackend, run_worker_until_idle

from .conftest import make_event, make_home


def _event_world():
    from events.models import EventIndexPage, Venue

    home = make_home()
    index = EventIndexPage(title="Events", slug="events", show_in_menus=True)
    home.add_child(instance=index)
    venue = Venue.objects.create(name="Merrion House", address="Leeds", postcode="LS2 8BB")
    return make_event(index, venue, capacity=5)


@pytest.mark.django_db(transaction=True)
def test_a_failing_mail_server_keeps_the_booking_and_the_email_is_retried_until_sent(
        settings, bob):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_QUEUE
    settings.EMAIL_BACKEND = "tests.task_queue.FlakyBackend"
    FlakyBackend.failures, FlakyBackend.sent = 3, []
    event = _event_world()
    DBTaskResult.objects.all().delete()  # what setting up the pages queued is not ours
    client = Client()
    client.force_login(bob)

    response = client.post(reverse("events:book", args=[event.pk]),
                           {"access_requirements": "Hearing loop"})

    booking = EventBooking.objects.get(event=event, user=bob)
    assert response.status_code == 302
    assert response["Location"] == reverse("events:booking_detail", args=[booking.reference])
    assert booking.status == EventBooking.Status.CONFIRMED
    emails = DBTaskResult.objects.filter(task_path="cms.tasks.send_notification")
    assert emails.count() == 1
    for _ in range(6):
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        run_worker_until_idle()
        booking.refresh_from_db()
        assert booking.status == EventBooking.Status.CONFIRMED
        assert client.get(reverse("events:booking_detail",
                                  args=[booking.reference])).status_code == 200
    assert [m.to for m in FlakyBackend.sent] == [[bob.email]]
    assert booking.reference in FlakyBackend.sent[0].subject + FlakyBackend.sent[0].body
    # Four attempts: three met the failing server (each queued the next and is recorded
    # as FAILED, so monitoring can count them), one sent; none is left waiting.
    attempts = sorted((r.args_kwargs["args"][1] if len(r.args_kwargs["args"]) > 1 else 1,
                       r.status) for r in emails)
    assert attempts == [(1, "FAILED"), (2, "FAILED"), (3, "FAILED"), (4, "SUCCESSFUL")]
    assert not emails.filter(status__in=["READY", "RUNNING"]).exists()


@pytest.mark.django_db(transaction=True)
def test_a_failing_mail_server_without_a_queue_still_keeps_the_booking(settings, bob):
    """With the immediate backend (no worker) the email is lost to the log, but the person
    still gets their booking and its page, not an error."""
    settings.EMAIL_BACKEND = "tests.task_queue.FlakyBackend"
    FlakyBackend.failures, FlakyBackend.sent = 99, []
    event = _event_world()
    client = Client(raise_request_exception=False)
    client.force_login(bob)
    response = client.post(reverse("events:book", args=[event.pk]), {})
    assert response.status_code == 302
    assert EventBooking.objects.get(event=event, user=bob).status == "confirmed"


# --- a database error half-way ---------------------------------------------------------

def _real_database_error(*args, **kwargs):
    """Fail the way a database does: a statement the server rejects (on PostgreSQL this
    also aborts the transaction, as a lost connection or a full disk would)."""
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO proof_no_such_table (id) VALUES (1)")


@pytest.fixture
def failing_client():
    """A browser's view of a server error: the 500 page, not a traceback."""
    return Client(raise_request_exception=False)


def _assert_error_page(response):
    assert response.status_code == 500
    assert "Sorry" in response.content.decode() or "problem" in response.content.decode()


def test_a_database_error_while_booking_leaves_no_booking(world, failing_client,
                                                           monkeypatch):
    failing_client.force_login(world.bob)
    monkeypatch.setattr(ModelLogEntry, "save", _real_database_error)
    with _no_emails():
        response = failing_client.post(reverse("events:book", args=[world.event.pk]),
                                       {"access_requirements": "Step-free access"})
    _assert_error_page(response)
    assert not EventBooking.objects.filter(user=world.bob, event=world.event).exists()
    monkeypatch.undo()
    # Nothing was held: trying again books the place.
    response = failing_client.post(reverse("events:book", args=[world.event.pk]), {})
    booking = EventBooking.objects.get(user=world.bob, event=world.event)
    assert response.status_code == 302 and booking.status == "confirmed"
    assert audit.history_of(booking).count() == 1


def test_a_database_error_while_cancelling_leaves_the_booking_as_it_was(
        world, failing_client, monkeypatch):
    failing_client.force_login(world.alice)
    monkeypatch.setattr(ModelLogEntry, "save", _real_database_error)
    response = failing_client.post(reverse("events:cancel", args=[world.booking.reference]),
                                   {})
    _assert_error_page(response)
    world.booking.refresh_from_db()
    assert world.booking.status == "confirmed"
    assert audit.history_of(world.booking).count() == 1


def test_a_database_error_while_completing_a_course_leaves_nothing_half_written(
        world, failing_client, monkeypatch):
    bob = world.bob
    enrolment = Enrolment.objects.get(user=bob, course=world.course)
    failing_client.force_login(bob)
    assert failing_client.post(reverse("courses:complete_module",
                                       args=[world.modules[0].pk])).status_code == 302
    # Passing the last check completes the course: the certificate write fails.
    monkeypatch.setattr(Certificate, "save", _real_database_error)
    answers = {f"q-{q}": a for q, a in RIGHT.items()}
    response = failing_client.post(
        reverse("courses:submit_check", args=[world.modules[1].pk, "check-1"]), answers)
    _assert_error_page(response)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE and enrolment.completed_at is None
    assert not Certificate.objects.filter(user=bob).exists()
    assert not ModuleCompletion.objects.filter(enrolment=enrolment,
                                               module=world.modules[1]).exists()
    assert not enrolment.knowledgecheckattempt_set.exists() if hasattr(
        enrolment, "knowledgecheckattempt_set") else True
    assert not audit.history_of(enrolment).filter(action__endswith="completed").exists()
    assert not CPDEntry.objects.filter(user=bob, kind=CPDEntry.Kind.COURSE).exists()
    # The same fault in the CPD entry (the last write) also undoes the certificate.
    monkeypatch.undo()
    monkeypatch.setattr(CPDEntry, "save", _real_database_error)
    _assert_error_page(failing_client.post(
        reverse("courses:submit_check", args=[world.modules[1].pk, "check-1"]), answers))
    assert not Certificate.objects.filter(user=bob).exists()
    monkeypatch.undo()
    # When the database is back, the learner completes the course exactly once.
    response = failing_client.post(
        reverse("courses:submit_check", args=[world.modules[1].pk, "check-1"]), answers)
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert Certificate.objects.filter(user=bob).count() == 1
    assert CPDEntry.objects.filter(user=bob, kind=CPDEntry.Kind.COURSE).count() == 1


def test_a_database_error_while_applying_leaves_no_application_and_sends_nothing(
        world, failing_client, monkeypatch, django_capture_on_commit_callbacks):
    failing_client.force_login(world.bob)
    monkeypatch.setattr(ModelLogEntry, "save", _real_database_error)
    data = {"current_role": "Social worker", "experience": "Ten years.",
            "learning_goals": "Leading a RES team.", "sponsor_name": "Sally Sponsor",
            "sponsor_email": "sally@example.org"}
    url = reverse("secondments:apply", args=[world.opportunity.pk])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = failing_client.post(url, data)
    _assert_error_page(response)
    assert callbacks == [] and mail.outbox == []
    assert not SecondmentApplication.objects.filter(applicant=world.bob).exists()
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        response = failing_client.post(url, data)
    application = SecondmentApplication.objects.get(applicant=world.bob)
    assert response.status_code == 302
    assert audit.history_of(application).count() == 1
    assert sorted(m.to[0] for m in mail.outbox) == [world.bob.email, "sally@example.org"]


def test_a_database_error_while_booking_a_mentor_leaves_the_slot_free(
        world, failing_client, monkeypatch):
    failing_client.force_login(world.bob)
    monkeypatch.setattr(ModelLogEntry, "save", _real_database_error)
    response = failing_client.post(reverse("secondments:book", args=[world.free_slot.pk]),
                                   {"goals": "Learn to lead"})
    _assert_error_page(response)
    assert not MentoringBooking.objects.filter(slot=world.free_slot).exists()
    monkeypatch.undo()
    response = failing_client.post(reverse("secondments:book", args=[world.free_slot.pk]),
                                   {"goals": "Learn to lead"})
    assert response.status_code == 302
    assert MentoringBooking.objects.get(slot=world.free_slot).mentee == world.bob


class _no_emails:
    """Nothing is queued for a change that did not commit."""

    def __enter__(self):
        from django.db import transaction

        self._callbacks = len(transaction.get_connection().run_on_commit)
        return self

    def __exit__(self, *exc):
        from django.db import transaction

        assert len(transaction.get_connection().run_on_commit) == self._callbacks
        return False


# --- a task worker killed mid-task -----------------------------------------------------

EMAILS = 6
TABLE = "django_tasks_database_dbtaskresult"  # DBTaskResult._meta.db_table
SLOW_SECONDS = 3
SLOW_SUBJECT = "Email 2"  # the send the worker is killed in


class WorkerDatabase:
    """The database a `manage.py db_worker` subprocess shares with this test: on
    PostgreSQL the test database itself; on SQLite (in memory for tests) a file copy of
    it, made with SQLite's backup API once the emails are queued."""

    def __init__(self, tmp_path):
        self.vendor = connection.vendor
        self.path = tmp_path / "worker.sqlite3"

    def env(self):
        import os

        env = {**os.environ, "TASKS_BACKEND": "database", "DEBUG": "1",
               "EMAIL_BACKEND": "tests.proof.slow_mail.SlowFileBackend",
               "SLOW_MAIL_SECONDS": str(SLOW_SECONDS), "SLOW_MAIL_SUBJECT": SLOW_SUBJECT}
        if self.vendor == "sqlite":
            env.pop("DATABASE_URL", None)
            env["SQLITE_PATH"] = str(self.path)
        else:
            url = env["DATABASE_URL"].rsplit("/", 1)[0]
            env["DATABASE_URL"] = f"{url}/{connection.settings_dict['NAME']}"
        return env

    def copy_queue(self):
        if self.vendor == "sqlite":
            import sqlite3

            connection.ensure_connection()
            target = sqlite3.connect(self.path)
            connection.connection.backup(target)
            target.close()

    def rows(self, sql, params=()):
        if self.vendor == "sqlite":
            import sqlite3

            with sqlite3.connect(self.path, timeout=10) as db:
                return db.execute(sql, params).fetchall()
        with connection.cursor() as cursor:
            cursor.execute(sql.replace("?", "%s"), params)
            return cursor.fetchall()

    def statuses(self):
        from collections import Counter

        return Counter(s for (s,) in self.rows(
            f"SELECT status FROM {TABLE}"))

    def requeue_stale(self):
        """The fix: `manage.py requeue_stale_tasks` (run by `make worker` at start-up) puts
        tasks whose worker died back on the queue."""
        import subprocess
        import sys

        from django.conf import settings as django_settings

        subprocess.run(
            [sys.executable, "manage.py", "requeue_stale_tasks", "--older-than", "0"],
            cwd=django_settings.BASE_DIR, env=self.env(), check=True,
            stdout=subprocess.DEVNULL)


def _start_worker(env, *extra):
    import subprocess
    import sys
    from pathlib import Path

    from django.conf import settings as django_settings

    return subprocess.Popen(
        [sys.executable, str(Path(django_settings.BASE_DIR) / "manage.py"), "db_worker",
         "--interval", "0.05", "--no-startup-delay", "--no-reload", *extra],
        cwd=django_settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)


def _sent(mail_dir):
    from collections import Counter

    return Counter(path.read_text() for path in mail_dir.glob("*.eml"))


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_send_and_restarted_sends_each_pending_email_once(
        settings, tmp_path):
    """What happens, precisely: django-tasks-db claims a task by marking it RUNNING in the
    same transaction that locks it (SKIP LOCKED on PostgreSQL, an exclusive transaction on
    SQLite), so two workers never run one task. A worker killed with SIGKILL mid-send leaves
    that task RUNNING; a restarted worker only takes READY tasks, so every other pending
    email is sent exactly once, and the one in flight is sent NEVER (at most once), left
    RUNNING until someone acts. The fix: at worker start-up (or from a periodic command)
    set RUNNING tasks older than the longest send back to READY; that makes delivery
    at-least-once (a kill after the mail server accepted the message but before the row
    is marked SUCCESSFUL would send that one twice). This test proves both halves.
    Note: with DEBUG on, db_worker runs under the autoreloader, in a child process: killing
    the parent then leaves the child sending (hence --no-reload here and in production)."""
    import os
    import signal
    import time

    from cms.tasks import send_email

    settings.TASKS = DATABASE_QUEUE
    for n in range(EMAILS):
        send_email.enqueue({"subject": f"Email {n}", "body": "Hello", "html": None,
                            "to": [f"person{n}@example.org"], "attachments": []})
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    db = WorkerDatabase(tmp_path)
    db.copy_queue()
    env = {**db.env(), "EMAIL_FILE_PATH": str(mail_dir)}
    assert db.statuses() == {"READY": EMAILS}

    worker = _start_worker(env)
    try:
        deadline = time.monotonic() + 90
        # Kill it while it is inside the slow send: two emails out, the third claimed.
        while db.statuses() != {"SUCCESSFUL": 2, "RUNNING": 1, "READY": EMAILS - 3}:
            assert time.monotonic() < deadline, "the worker never got going"
            assert worker.poll() is None, "the worker died by itself"
            time.sleep(0.02)
        os.kill(worker.pid, signal.SIGKILL)
    finally:
        if worker.poll() is None:
            worker.kill()
        worker.wait(timeout=30)

    assert _sent(mail_dir) == {"Email 0": 1, "Email 1": 1}
    assert db.statuses()["RUNNING"] == 1
    in_flight = db.rows(f"SELECT args_kwargs FROM {TABLE} "
                        "WHERE status = 'RUNNING'")[0][0]
    in_flight_subject = (in_flight if isinstance(in_flight, dict)
                         else __import__("json").loads(in_flight))["args"][0]["subject"]
    assert in_flight_subject == SLOW_SUBJECT

    # Restarted, the worker sends every READY email once and leaves the killed one.
    assert _start_worker(env, "--batch").wait(timeout=120) == 0
    sent = _sent(mail_dir)
    assert set(sent) == {f"Email {n}" for n in range(EMAILS)} - {in_flight_subject}
    assert all(count == 1 for count in sent.values())
    assert db.statuses() == {"SUCCESSFUL": EMAILS - 1, "RUNNING": 1}

    # With the fix (requeue_stale_tasks puts stale RUNNING tasks back) it goes out, once.
    db.requeue_stale()
    assert _start_worker(env, "--batch").wait(timeout=120) == 0
    sent = _sent(mail_dir)
    assert sent == {f"Email {n}": 1 for n in range(EMAILS)}
    assert db.statuses() == {"SUCCESSFUL": EMAILS}
