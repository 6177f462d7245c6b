from django.core.management.base import BaseCommand
from django.db import DatabaseError

from cms.site_url import sync_site_record


class Command(BaseCommand):
    help = ("Point the default Wagtail Site at SITE_URL, so that page links (in emails too) "
            "use the same base URL as everything else. Safe to run at every start.")

    def handle(self, *args, **options):
        try:
            changed = sync_site_record()
        except DatabaseError:
            self.stdout.write("No database tables yet: nothing to do.")
            return
        self.stdout.write("Site record set from SITE_URL." if changed
                          else "Site record already matches SITE_URL.")
