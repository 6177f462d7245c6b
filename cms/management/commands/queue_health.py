import json as json_module

from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.health import queue_state
from cms.models import WorkerHeartbeat


class Command(BaseCommand):
    help = ("The task queue in figures: tasks ready and the age of the oldest, running, "
            "failed in the last hour, and each worker's last heartbeat. Exits 1 when the "
            "oldest ready task is older than HEALTHZ_QUEUE_MAX_AGE or no worker has beaten "
            "within WORKER_STALE_SECONDS.")

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, json: bool = False, **options):
        from django.conf import settings

        now = timezone.now()
        state = queue_state(now)
        workers = [
            {"worker_id": w.worker_id, "hostname": w.hostname, "pid": w.pid,
             "seconds_since_beat": int((now - w.beat_at).total_seconds())}
            for w in WorkerHeartbeat.objects.all()
        ]
        alive = [w for w in workers if w["seconds_since_beat"] <= settings.WORKER_STALE_SECONDS]
        healthy = state["oldest_ready_seconds"] <= settings.HEALTHZ_QUEUE_MAX_AGE and alive
        if json:
            self.stdout.write(json_module.dumps(
                {"ok": bool(healthy), **state, "workers": workers}, indent=2))
        else:
            for key, value in state.items():
                self.stdout.write(f"{key.replace('_', ' ')}: {value}")
            for w in workers:
                self.stdout.write(f"worker {w['worker_id']} (pid {w['pid']} on {w['hostname']}): "
                                  f"last beat {w['seconds_since_beat']} s ago")
            if not workers:
                self.stdout.write("no worker has reported")
        if not healthy:
            raise SystemExit(1)
