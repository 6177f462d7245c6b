import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone
from django_tasks_db.models import DBTaskResult


class Command(BaseCommand):
    help = (
        "Put tasks whose worker died mid-task (left RUNNING) back on the queue. Run it when "
        "workers start (make worker does) or every few minutes. Delivery becomes "
        "at-least-once: an email whose worker died after the mail server took it is sent again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, default=600,
                            help="seconds a task must have been RUNNING (default 600)")

    def handle(self, *args, older_than, **options):
        cutoff = timezone.now() - datetime.timedelta(seconds=older_than)
        count = DBTaskResult.objects.filter(status="RUNNING", started_at__lte=cutoff).update(
            status="READY", started_at=None
        )
        self.stdout.write(f"Requeued {count} stale task(s).")
