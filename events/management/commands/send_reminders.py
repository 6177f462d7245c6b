"""Scheduled event work. Safe to run every few minutes, by cron or a systemd timer:

    */5 * * * * cd /srv/centre && .venv/bin/python manage.py send_reminders

Each run: lapses unaccepted waitlist offers (passing each place on), sends the 24-hour
reminders not yet sent, asks attendees of finished events for feedback, and erases
access requirements ACCESS_REQUIREMENTS_RETENTION_DAYS after an event. Every step records
what it did, so a second run sends nothing twice.
"""

from django.core.management.base import BaseCommand

from events import services


class Command(BaseCommand):
    help = "Send event reminders, lapse unaccepted offers, ask for feedback, erase old access needs."

    def handle(self, *args, **options):
        expired = services.expire_offers()
        reminded = services.send_due_reminders()
        asked = services.ask_for_feedback()
        erased = services.erase_access_requirements()
        self.stdout.write(
            f"{expired} offers lapsed, {reminded} reminders sent, {asked} feedback requests, "
            f"{erased} access requirements erased."
        )
