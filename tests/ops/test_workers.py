"""The task queue an operator can trust: a failed attempt is recorded as failed, a dead
worker's task goes back on the queue whatever the timing, a worker rides out a database
restart, and a repeated email is recognisable by its Message-ID."""

import datetime
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from cms import emails
from cms.models import WorkerHeartbeat
from cms.workers import requeue_stale_tasks
from tests.task_queue import DATABASE_QUEUE, FlakyBackend, hold_then_write, run_worker_until_idle

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db(transaction=True)
def test_a_failed_send_is_recorded_as_failed_and_the_retry_sends_the_same_message_id(
        settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_QUEUE
    settings.EMAIL_BACKEND = "tests.task_queue.FlakyBackend"
    FlakyBackend.failures, FlakyBackend.sent = 1, []
    emails.send("courses-assigned", "bob@example.org", {
        "user": {"get_full_name": "Bob"}, "course": {"title": "FGC"},
        "assignment": {"due_on": datetime.date(2027, 1, 1)}, "course_url": "x"})
    first = DBTaskResult.objects.get()
    message_id = first.args_kwargs["args"][0]["message_id"]

    run_worker_until_idle()
    first.refresh_from_db()
    assert first.status == "FAILED"
    assert first.exception_class_path == "cms.tasks.EmailNotSent"

    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_worker_until_idle()
    retry = DBTaskResult.objects.exclude(pk=first.pk).get()
    assert retry.status == "SUCCESSFUL"
    assert [m.extra_headers["Message-ID"] for m in FlakyBackend.sent] == [message_id]
    assert FlakyBackend.sent[0].message()["Message-ID"] == message_id


def _running_task(worker_id, started_ago):
    from django_tasks_db.models import DBTaskResult

    result = hold_then_write.using(backend="default").enqueue("/nonexistent", "/dev/null")
    row = DBTaskResult.objects.get(pk=result.id)
    row.claim(worker_id)
    DBTaskResult.objects.filter(pk=row.pk).update(
        started_at=timezone.now() - datetime.timedelta(seconds=started_ago))
    return row


def _status(row):
    row.refresh_from_db()
    return row.status


@pytest.mark.django_db(transaction=True)
def test_a_dead_workers_task_is_requeued_whatever_the_timing(settings):
    settings.TASKS = DATABASE_QUEUE
    settings.WORKER_STALE_SECONDS = 60
    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id="alive", hostname="h", pid=1, started_at=now,
                                   beat_at=now)
    WorkerHeartbeat.objects.create(worker_id="silent", hostname="h", pid=2, started_at=now,
                                   beat_at=now - datetime.timedelta(seconds=90))
    long_task_of_a_live_worker = _running_task("alive", started_ago=3600)
    task_of_a_silent_worker = _running_task("silent", started_ago=61)
    just_claimed_by_a_worker_without_heartbeat = _running_task("db-worker", started_ago=1)
    killed_and_restarted_at_once = _running_task("host-1", started_ago=1)

    assert requeue_stale_tasks() == 1
    assert _status(task_of_a_silent_worker) == "READY"
    assert _status(long_task_of_a_live_worker) == "RUNNING"
    assert _status(just_claimed_by_a_worker_without_heartbeat) == "RUNNING"

    # A worker restarted under its own id takes back what it held at once.
    assert requeue_stale_tasks(worker_id="host-1") == 1
    assert _status(killed_and_restarted_at_once) == "READY"


# --- real processes on PostgreSQL ------------------------------------------------------

def _worker(tmp_path, worker_id, **env):
    database = connection.settings_dict
    url = (f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
           f"{database['PORT'] or 5432}/{database['NAME']}")
    log = open(tmp_path / f"{worker_id}.log", "a")
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--worker-id", worker_id,
         "--interval", "0.1"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
        env={**os.environ, "DATABASE_URL": url, "TASKS_BACKEND": "database",
             "DB_CONN_MAX_AGE": "600", "WORKER_HEARTBEAT_SECONDS": "1", **env})


def _wait_for(condition, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def _status_of(pk):
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.get(pk=pk).status


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_kill_9_mid_task_and_the_restarted_worker_finishes_it(settings, tmp_path):
    settings.TASKS = DATABASE_QUEUE
    hold, out = tmp_path / "hold", tmp_path / "out"
    hold.touch()
    result = hold_then_write.enqueue(str(hold), str(out))
    first = _worker(tmp_path, "host-1")
    try:
        assert _wait_for(lambda: _status_of(result.id) == "RUNNING")
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
        hold.unlink()
        assert _status_of(result.id) == "RUNNING"  # nobody will finish it...
        killed_at = time.monotonic()
        second = _worker(tmp_path, "host-1")  # ...until the worker is back, at once
        try:
            assert _wait_for(lambda: _status_of(result.id) == "SUCCESSFUL")
            print(f"recovered {time.monotonic() - killed_at:.1f} s after the kill")
        finally:
            second.terminate()
            second.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    assert out.read_text() == "done\n"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_another_worker_takes_over_the_task_of_a_dead_one(settings, tmp_path):
    settings.TASKS = DATABASE_QUEUE
    hold, out = tmp_path / "hold", tmp_path / "out"
    hold.touch()
    result = hold_then_write.enqueue(str(hold), str(out))
    first = _worker(tmp_path, "host-a", WORKER_STALE_SECONDS="3")
    assert _wait_for(lambda: _status_of(result.id) == "RUNNING")
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    hold.unlink()
    other = _worker(tmp_path, "host-b", WORKER_STALE_SECONDS="3")
    try:
        assert _wait_for(lambda: _status_of(result.id) == "SUCCESSFUL")
    finally:
        other.terminate()
        other.wait(timeout=10)
    assert out.read_text() == "done\n"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_worker_carries_on_when_the_database_drops_its_connections(settings, tmp_path):
    """What a PostgreSQL restart does to a worker: every connection is cut. db_worker
    exited and stayed dead; run_worker reconnects and carries on."""
    settings.TASKS = DATABASE_QUEUE
    worker = _worker(tmp_path, "host-1")
    try:
        before = hold_then_write.enqueue(str(tmp_path / "none"), str(tmp_path / "out"))
        assert _wait_for(lambda: _status_of(before.id) == "SUCCESSFUL")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()")
            assert cursor.fetchone()[0] >= 1
        after = hold_then_write.enqueue(str(tmp_path / "none"), str(tmp_path / "out"))
        assert _wait_for(lambda: _status_of(after.id) == "SUCCESSFUL"), (
            tmp_path / "host-1.log").read_text()
        assert worker.poll() is None
    finally:
        worker.terminate()
        worker.wait(timeout=10)
    assert (tmp_path / "out").read_text() == "done\ndone\n"
