from django.core.management.base import BaseCommand

from cms.workers import requeue_stale_tasks


class Command(BaseCommand):
    help = (
        "Put back on the queue every task whose worker died mid-task (left RUNNING): its "
        "worker's heartbeat stopped more than --stale-after seconds ago. Every run_worker "
        "does this on each heartbeat; run it from a timer too (deploy/systemd) so that "
        "recovery does not wait for a live worker. Delivery is at least once: an email "
        "whose worker died after the mail server took it is sent again, with the same "
        "Message-ID."
    )

    def add_arguments(self, parser):
        parser.add_argument("--stale-after", "--older-than", type=int, default=None,
                            dest="stale_after",
                            help="seconds without a heartbeat (default WORKER_STALE_SECONDS)")

    def handle(self, *args, stale_after, **options):
        count = requeue_stale_tasks(stale_after=stale_after)
        self.stdout.write(f"Requeued {count} stale task(s).")
