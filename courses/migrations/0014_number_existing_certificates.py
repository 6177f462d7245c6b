"""Existing certificates are given a number each, and a person's earlier certificates for a
course are marked as replaced by their latest one. A migration of its own: on PostgreSQL,
updating a foreign key leaves trigger events that forbid altering the table in the same
transaction."""

import secrets

from django.db import migrations, models

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"  # as courses.models.learning, frozen here


def number_and_link_certificates(apps, schema_editor):
    Certificate = apps.get_model("courses", "Certificate")
    missing = models.Q(number__isnull=True) | models.Q(number="")
    taken = set(Certificate.objects.exclude(missing).values_list("number", flat=True))
    for certificate in Certificate.objects.filter(missing).only("pk").iterator():
        number = None
        while number is None or number in taken:
            core = "".join(secrets.choice(ALPHABET) for _ in range(8))
            number = f"RPC-{core[:4]}-{core[4:]}"
        taken.add(number)
        Certificate.objects.filter(pk=certificate.pk).update(number=number)
    latest = {}
    for certificate in (Certificate.objects.filter(revoked_at__isnull=True, course__isnull=False)
                        .order_by("issued_on", "pk").only("pk", "user_id", "course_id")):
        latest[(certificate.user_id, certificate.course_id)] = certificate.pk
    for (user_id, course_id), pk in latest.items():
        Certificate.objects.filter(user_id=user_id, course_id=course_id,
                                   revoked_at__isnull=True).exclude(pk=pk).update(
            superseded_by_id=pk)


class Migration(migrations.Migration):

    dependencies = [
        ("courses", "0013_certificate_number_and_superseded_by"),
    ]

    operations = [
        migrations.RunPython(number_and_link_certificates, migrations.RunPython.noop),
    ]
