import importlib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cms import demo
from cms.site_url import sync_site_record

# Each app seeds its own demo content after the Centre's pages and people exist.
APP_SEEDERS = ["courses.demo", "events.demo", "secondments.demo"]


class Command(BaseCommand):
    help = (
        "Load the demo content: the Centre's pages, organisations, teams, demo accounts, "
        "courses, events and secondments. Safe to run again: it only adds what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--password", default=demo.DEFAULT_PASSWORD,
                            help="Password for the demo accounts created by this run.")
        parser.add_argument("--allow-production", action="store_true",
                            help="Run even though DEBUG is off.")

    def handle(self, *args, password, allow_production, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "DEBUG is off, so this looks like production. Demo accounts with known "
                "passwords do not belong there; pass --allow-production if you mean it."
            )
        with transaction.atomic():
            context = demo.seed(self.stdout, password=password)
            for module_name in APP_SEEDERS:
                module = importlib.import_module(module_name)
                module.seed(self.stdout, context)
            sync_site_record()  # page links use SITE_URL, like every other link
        self.print_logins(password)

    def print_logins(self, password):
        out = self.stdout
        out.write("")
        out.write(self.style.SUCCESS("Demo content is ready. Sign in at http://127.0.0.1:8000/accounts/login/"))
        out.write(f"Password for every demo account: {password}")
        for email, name, title, *_ in demo.DEMO_PEOPLE:
            out.write(f"  {email:28} {name}, {title}")
        secret = demo.staff_totp_secret()
        if secret:
            out.write(
                "staff@example.org needs a code from an authenticator app. Add this secret "
                f"to one: {secret}\n  or print the current code with: "
                ".venv/bin/python manage.py totp_code staff@example.org"
            )
