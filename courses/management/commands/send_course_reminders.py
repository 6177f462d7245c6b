from django.core.management.base import BaseCommand

from courses.services import send_course_reminders


class Command(BaseCommand):
    help = ("Email weekly reminders of overdue course assignments and reminders 30 days "
            "before a certificate expires. Idempotent: run it daily from cron.")

    def handle(self, *args, **options):
        sent = send_course_reminders()
        self.stdout.write(f"Sent {sent['overdue']} overdue and {sent['expiring']} expiry "
                          "reminders.")
