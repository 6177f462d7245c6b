import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-secret-key-with-enough-entropy-1234567890",
    "ALLOWED_HOSTS": "centre.example.org",
    "CREDENTIAL_SIGNING_KEYS": "ed25519:nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
    "PATH": os.environ.get("PATH", ""),
}


def _manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off():
    env = {**PRODUCTION_ENV}
    del env["SECRET_KEY"]
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_it_refuses_to_start_without_a_credential_signing_key_when_debug_is_off():
    env = {**PRODUCTION_ENV}
    del env["CREDENTIAL_SIGNING_KEYS"]
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "cms.E101" in result.stderr and "make_credential_key" in result.stderr


def test_it_passes_the_deployment_checklist_with_production_variables():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stderr


def test_it_reads_the_database_and_cache_from_the_environment():
    env = {**PRODUCTION_ENV, "DATABASE_URL": "postgres://u:p@db.internal:5432/centre",
           "REDIS_URL": "redis://cache.internal:6379/1", "TASKS_BACKEND": "database"}
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['HOST'],"
        " s.CACHES['default']['BACKEND'], s.TASKS['default']['BACKEND'], s.TIME_ZONE,"
        " s.LANGUAGE_CODE)"
    )
    result = _manage("shell", "--no-imports", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql", "db.internal",
        "cms.cache.RedisCache", "django_tasks_db.DatabaseBackend",
        "Europe/London", "en-gb",
    ]


def test_it_runs_on_sqlite_with_immediate_tasks_by_default():
    from django.conf import settings

    assert settings.TIME_ZONE == "Europe/London"
    assert settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")


def test_sessions_use_the_cache_only_when_every_server_shares_it():
    code = "from django.conf import settings as s;print(s.SESSION_ENGINE)"
    shared = _manage("shell", "--no-imports", "-c", code,
                     env={**PRODUCTION_ENV, "REDIS_URL": "redis://cache.internal:6379/1"})
    alone = _manage("shell", "--no-imports", "-c", code, env=PRODUCTION_ENV)
    assert shared.stdout.split() == ["cms.sessions.cached_db"]
    # A per-process cache would keep a signed-out session alive in the other processes.
    assert alone.stdout.split() == ["cms.sessions.db"]
