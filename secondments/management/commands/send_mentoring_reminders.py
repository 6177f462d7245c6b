"""Email mentee and mentor about each session the day before. Run daily, e.g. from cron:
    0 8 * * * cd /srv/centre && .venv/bin/python manage.py send_mentoring_reminders
Safe to run more often: each booking is reminded once."""

from django.core.management.base import BaseCommand

from secondments import services


class Command(BaseCommand):
    help = "Send reminders for tomorrow's mentoring sessions (idempotent)."

    def handle(self, *args, **options):
        sent = services.send_reminders()
        self.stdout.write(f"Sent reminders for {sent} session{'s' if sent != 1 else ''}.")
