from django.core.management.base import BaseCommand
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker

from cms.workers import default_worker_id, serve_forever


class Command(BaseCommand):
    help = (
        "Run the task queue (email, PDFs) until stopped: django-tasks' db_worker, plus a "
        "heartbeat so that a dead worker's task goes back on the queue, and reconnection "
        "with backoff when the database restarts. Give each worker a stable --worker-id "
        "(systemd: worker@1 → %H-1) and a restarted worker takes back its own task at once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--worker-id", default=None,
                            help="unique in the pool, stable across restarts (default: "
                                 "host and process id)")
        parser.add_argument("--interval", type=float, default=1,
                            help="seconds between looks at an empty queue (default 1)")
        parser.add_argument("--queue-name", default="default")
        parser.add_argument("--max-tasks", type=int, default=None,
                            help="stop after this many tasks (systemd restarts it)")

    def handle(self, *args, worker_id, interval, queue_name, max_tasks, **options):
        worker_id = (worker_id or default_worker_id())[:64]
        DbWorkerCommand.configure_logging(self, options["verbosity"])  # task lines, as db_worker

        def make_worker():
            worker = Worker(
                queue_names=queue_name.split(","), interval=interval, batch=False,
                backend_name="default", startup_delay=False, max_tasks=max_tasks,
                worker_id=worker_id, excluded_queue_names=[],
            )
            worker.configure_signals()
            return worker

        self.stdout.write(f"Worker {worker_id} started.")
        serve_forever(make_worker, worker_id)
