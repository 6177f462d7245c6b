"""Running the task queue so that nothing is lost: a worker that survives a database
restart, a heartbeat so that the task a dead worker held goes back on the queue whatever the
timing, and the figures an operator checks (cms.health.queue_state).

Delivery is at least once: a task whose worker died after doing its work (an email the
mail server took) runs again. Emails keep the Message-ID they were given when queued, so a
repeat is recognisable."""

import logging
import os
import socket
import threading
import time

from django.conf import settings
from django.db import connection, connections
from django.db.utils import InterfaceError, OperationalError
from django.utils import timezone

from cms.models import WorkerHeartbeat

logger = logging.getLogger(__name__)


def default_worker_id():
    return f"{socket.gethostname()[:40]}-{os.getpid()}"


def requeue_stale_tasks(stale_after=None, now=None, worker_id=None):
    """Put back on the queue (READY) every RUNNING task whose worker is dead: its last
    heartbeat is older than `stale_after` seconds (WORKER_STALE_SECONDS), or it never beat
    (a plain db_worker) and the task started that long ago. With `worker_id`, also every
    task that worker held: a worker starting under its own id knows it runs nothing yet.
    Returns how many tasks were requeued."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    cutoff = now - timezone.timedelta(
        seconds=settings.WORKER_STALE_SECONDS if stale_after is None else stale_after)
    alive = set(WorkerHeartbeat.objects.filter(beat_at__gt=cutoff)
                .values_list("worker_id", flat=True))
    requeued = 0
    for task in DBTaskResult.objects.filter(status="RUNNING").only("id", "worker_ids",
                                                                   "started_at"):
        holder = task.worker_ids[-1] if task.worker_ids else None
        mine = worker_id is not None and holder == worker_id
        dead = holder not in alive and (task.started_at is None or task.started_at <= cutoff)
        if not (mine or dead):
            continue
        # Only if it is still RUNNING under that worker: it may have finished meanwhile.
        requeued += DBTaskResult.objects.filter(
            pk=task.pk, status="RUNNING", started_at=task.started_at,
        ).update(status="READY", started_at=None)
        logger.warning("Requeued task %s held by %s", task.pk, holder)
    WorkerHeartbeat.objects.filter(beat_at__lte=cutoff - timezone.timedelta(days=1)).delete()
    return requeued


class Heartbeat(threading.Thread):
    """Beats every WORKER_HEARTBEAT_SECONDS on its own database connection, whatever the
    main thread is doing (a long task), and requeues the tasks of dead workers. It rides out
    a database outage: each failed beat drops the connection and tries again next time."""

    def __init__(self, worker_id):
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.started_at = timezone.now()
        self.stopping = threading.Event()

    def beat(self):
        now = timezone.now()
        WorkerHeartbeat.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={"hostname": socket.gethostname()[:255], "pid": os.getpid(),
                      "started_at": self.started_at, "beat_at": now})

    def run(self):
        while not self.stopping.wait(settings.WORKER_HEARTBEAT_SECONDS):
            try:
                self.beat()
                requeue_stale_tasks()
            except Exception as error:  # the database is away: try again next beat
                logger.warning("Heartbeat of %s failed: %s", self.worker_id, error)
                connection.close()
        connection.close()

    def stop(self):
        self.stopping.set()


def serve_forever(make_worker, worker_id, max_backoff=30, sleep=time.sleep):
    """Run the django-tasks worker, and when the database goes away (OperationalError,
    InterfaceError) drop every connection, wait (1 s, doubling to `max_backoff`) and carry
    on: the task it was running, left RUNNING under this worker's id, is requeued first."""
    heartbeat = Heartbeat(worker_id)
    backoff = 1
    try:
        while True:
            try:
                heartbeat.beat()
                if not heartbeat.is_alive():
                    heartbeat.start()
                recovered = requeue_stale_tasks(worker_id=worker_id)
                if recovered:
                    logger.warning("Recovered %s task(s) left by an earlier run", recovered)
                backoff = 1
                make_worker().run()
                return
            except (OperationalError, InterfaceError) as error:
                logger.warning("Database unavailable (%s); retrying in %s s", error, backoff)
                for conn in connections.all(initialized_only=True):
                    try:
                        conn.close()  # forgets the connection even when closing fails
                    except Exception:
                        pass
                sleep(backoff)
                backoff = min(backoff * 2, max_backoff)
    finally:
        heartbeat.stop()
        try:
            WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()
        except Exception:
            pass
