"""Print a new Ed25519 signing key for CREDENTIAL_SIGNING_KEYS (nothing is stored)."""

from django.core.management.base import BaseCommand

from cms.credential_keys import new_key_value, parse_key


class Command(BaseCommand):
    help = ("Print a new credential signing key. To rotate, put it first in "
            "CREDENTIAL_SIGNING_KEYS and keep the old keys after it.")
    requires_system_checks = []  # it is how you get past the missing-key check

    def handle(self, *args, **options):
        value = new_key_value()
        self.stdout.write(value)
        self.stderr.write(
            f"Key id {parse_key(value).kid}. Keep the value secret; to rotate, set\n"
            "CREDENTIAL_SIGNING_KEYS=<this value>,<the old values> (newest first).")
