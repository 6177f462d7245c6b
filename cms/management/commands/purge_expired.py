from django.core.management.base import BaseCommand

from cms.privacy import purge_expired


class Command(BaseCommand):
    help = (
        "Apply the retention rules: delete accounts never verified, anonymise accounts unused "
        "for years, erase access requirements after events. Safe to run daily from cron."
    )

    def handle(self, *args, **options):
        for what, count in purge_expired().items():
            self.stdout.write(f"{what}: {count}")
