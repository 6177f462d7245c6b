"""During a database outage the site answers 503 with Retry-After (load balancers and
monitors understand it; it used to be a 500), and /healthz says which part is down."""

import datetime
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.utils import timezone

from tests.task_queue import DATABASE_QUEUE

ROOT = Path(__file__).resolve().parents[2]


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def _serve(env_extra):
    """gunicorn with the production settings, as the README runs it."""
    port = _free_port()
    env = {
        "PATH": os.environ.get("PATH", ""), "DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1",
        "SECRET_KEY": "test-production-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "SECURE_SSL_REDIRECT": "0", "TESTING": "1",  # static files uncollected
        **env_extra,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "1"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    # gunicorn listens before its worker has loaded the app: wait for an HTTP answer
    # (any status), which takes seconds on a busy machine.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=5)
            break
        except urllib.error.HTTPError:
            break
        except OSError:
            time.sleep(0.2)
    return process, url


def test_it_answers_503_with_retry_after_while_the_database_is_away_and_recovers(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    # A connection per request, so that each request finds the file gone: a connection
    # kept open (DB_CONN_MAX_AGE) would go on reading the file it had opened.
    process, url = _serve({"SQLITE_PATH": str(data / "db.sqlite3"), "DB_CONN_MAX_AGE": "0"})
    try:
        assert _get(url + "/healthz")[0] == 200
        away = data.rename(tmp_path / "away")  # the database file cannot be opened: down
        try:
            status, headers, body = _get(url + "/search/?q=circles")
            health_status, _, health = _get(url + "/healthz")
        finally:
            away.rename(data)
        assert status == 503
        assert headers["Retry-After"] == "30"
        assert "the service is unavailable" in body
        assert health_status == 503
        assert '"database": {"ok": false' in health
        # Back as soon as the database is.
        assert _get(url + "/healthz")[0] == 200
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_it_answers_503_when_postgresql_refuses_connections():
    process, url = _serve({"DATABASE_URL": f"postgres://postgres@127.0.0.1:{_free_port()}/x"})
    try:
        status, headers, _ = _get(url + "/search/?q=circles")
        health_status, _, health = _get(url + "/healthz")
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert (status, headers.get("Retry-After")) == (503, "30")
    assert health_status == 503 and '"database": {"ok": false' in health


@pytest.mark.django_db
def test_healthz_reports_database_cache_and_queue(client):
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200
    assert body["ok"] and body["database"]["ok"] and body["cache"]["ok"]
    assert body["queue"] == {"ok": True, "backend": "immediate"}
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_fails_when_the_oldest_ready_task_has_waited_too_long(
        client, settings, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    from cms.tasks import send_email

    settings.TASKS = DATABASE_QUEUE
    settings.HEALTHZ_QUEUE_MAX_AGE = 300
    with django_capture_on_commit_callbacks(execute=True):
        send_email.enqueue({"subject": "s", "body": "b", "to": ["a@example.org"]})
    body = client.get("/healthz").json()
    assert body["queue"]["ok"] and body["queue"]["ready"] == 1

    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=20))
    response = client.get("/healthz")
    assert response.status_code == 503
    queue = response.json()["queue"]
    assert not queue["ok"] and queue["oldest_ready_seconds"] >= 1200


@pytest.mark.django_db
def test_healthz_fails_when_the_cache_is_down(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": f"redis://127.0.0.1:{_free_port()}/0"}}
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"]["ok"] is False
    assert response.json()["database"]["ok"] is True


@pytest.mark.django_db
def test_the_benchmark_ceiling_is_not_served_unless_the_benchmark_asks_for_it(client):
    assert client.get("/bench/ceiling", follow=True).status_code == 404
