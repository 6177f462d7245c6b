from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms import demo, registry
from cms.site_url import sync_site_record


class Command(BaseCommand):
    help = (
        "Load the demo content: the Centre's pages, organisations, teams, demo accounts, "
        "courses, events and secondments. Safe to run again: it only adds what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--password", default=None,
                            help="Password for the demo logins: new accounts get it, and "
                                 "the five demo logins from an earlier run are set to it. "
                                 f"Without it, new accounts get {demo.DEFAULT_PASSWORD!r} "
                                 "and existing ones keep theirs.")
        parser.add_argument("--allow-production", action="store_true",
                            help="Run even though DEBUG is off.")

    def handle(self, *args, password, allow_production, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "DEBUG is off, so this looks like production. Demo accounts with known "
                "passwords do not belong there; pass --allow-production if you mean it."
            )
        # The history is made through the apps' rules, which email the people involved;
        # demo people have example.org addresses and nobody needs those emails.
        # Wagtail re-indexes the references of every row saved, one task each: thousands
        # for the demo's history. Pages are what editors ask "where is this used?" about,
        # so only they are indexed, once, at the end.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"), \
                disable_reference_index_auto_update(), transaction.atomic():
            context = demo.seed(self.stdout, password=password or demo.DEFAULT_PASSWORD)
            if password:
                demo.set_login_passwords(password)
            # Each app seeds its own demo content (registered through the
            # register_demo_seeder hook, in INSTALLED_APPS order) after the Centre's pages
            # and people exist.
            for seed in registry.demo_seeders():
                seed(self.stdout, context)
            for page in Page.objects.filter(depth__gt=1).specific().iterator():
                ReferenceIndex.create_or_update_for_object(page)
            sync_site_record()  # page links use SITE_URL, like every other link
        self.print_logins(password or demo.DEFAULT_PASSWORD)

    def print_logins(self, password):
        out = self.stdout
        out.write("")
        out.write(self.style.SUCCESS(
            f"Demo content is ready. Sign in at {settings.SITE_URL}/accounts/login/"))
        if demo.login_password_is(password):
            out.write(f"Password for every demo account: {password}")
        else:
            out.write("The demo accounts keep the password an earlier run gave them "
                      "(set a new one with --password).")
        for email, name, title, *_ in demo.DEMO_PEOPLE:
            out.write(f"  {email:28} {name}, {title}")
        secret = demo.staff_totp_secret()
        if secret:
            out.write(
                "staff@example.org needs a code from an authenticator app. Add this secret "
                f"to one: {secret}\n  or print the current code with: "
                ".venv/bin/python manage.py totp_code staff@example.org"
            )
