"""What an operator, a load balancer and a monitor need to know about the service: whether
the database, the cache and the task queue answer, and whether an error was the database
being away (a 503 to retry) rather than a fault (a 500)."""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Case, F, When
from django.db.utils import InterfaceError, OperationalError
from django.utils import timezone
from django.utils.crypto import get_random_string

# Seconds a client should wait before retrying while the database is away.
RETRY_AFTER_SECONDS = 30


def database_unavailable(error):
    """True when `error` is the database being unreachable (down, restarting, the
    connection lost), not a fault in a query: the connection is then gone or unusable."""
    if not isinstance(error, (OperationalError, InterfaceError)):
        return False
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.connection is None:
        return True
    try:
        return not connection.is_usable()
    except Exception:
        return True


def check_database():
    started = time.monotonic()
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        return {"ok": False, "error": error.__class__.__name__}
    return {"ok": True, "ms": round((time.monotonic() - started) * 1000, 1)}


def check_cache():
    key, value = "healthz:probe", get_random_string(12)
    try:
        cache.set(key, value, 30)
        ok = cache.get(key) == value
    except Exception as error:
        return {"ok": False, "error": error.__class__.__name__}
    return {"ok": ok} if ok else {"ok": False, "error": "the cache did not keep a value"}


def _uses_database_queue():
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    return backend.startswith("django_tasks_db")


def queue_state(now=None):
    """The database queue in figures: tasks ready to run and the age of the oldest,
    tasks running, and attempts that failed in the last hour."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = now or timezone.now()
    ready = DBTaskResult.objects.ready()
    # A task to run at once carries the far future as run_after: it waits from enqueued_at.
    waiting_since = Case(When(run_after=get_date_max(), then=F("enqueued_at")),
                         default=F("run_after"))
    oldest = (ready.annotate(waiting_since=waiting_since).order_by("waiting_since")
              .values_list("waiting_since", flat=True).first())
    return {
        "ready": ready.count(),
        "oldest_ready_seconds": int((now - oldest).total_seconds()) if oldest else 0,
        "running": DBTaskResult.objects.filter(status="RUNNING").count(),
        "failed_last_hour": DBTaskResult.objects.filter(
            status="FAILED", finished_at__gte=now - timezone.timedelta(hours=1)).count(),
    }


def check_queue():
    """The oldest ready task must be younger than HEALTHZ_QUEUE_MAX_AGE seconds: older
    means no worker is taking work (dead, or too few for the load)."""
    if not _uses_database_queue():
        return {"ok": True, "backend": "immediate"}
    try:
        state = queue_state()
    except Exception as error:
        return {"ok": False, "backend": "database", "error": error.__class__.__name__}
    ok = state["oldest_ready_seconds"] <= settings.HEALTHZ_QUEUE_MAX_AGE
    return {"ok": ok, "backend": "database", **state}


def report():
    parts = {"database": check_database(), "cache": check_cache()}
    parts["queue"] = (check_queue() if parts["database"]["ok"]
                      else {"ok": False, "error": "database unavailable"})
    return {"ok": all(part["ok"] for part in parts.values()), **parts}
