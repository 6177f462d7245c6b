"""Certificates get a short number people can read out (RPC-7K4M-9QXD) and a link to the
renewal that replaced them. Existing certificates are given a number each, and a person's
earlier certificates for a course are marked as replaced by their latest one."""

import secrets

import django.db.models.deletion
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
        ("courses", "0010_elearning_packages_and_attempts"),
    ]

    operations = [
        migrations.AddField(
            model_name="certificate",
            name="number",
            field=models.CharField(editable=False, max_length=16, null=True,
                                   verbose_name="certificate number"),
        ),
        migrations.AddField(
            model_name="certificate",
            name="superseded_by",
            field=models.ForeignKey(blank=True, editable=False, null=True,
                                    on_delete=django.db.models.deletion.SET_NULL,
                                    related_name="supersedes", to="courses.certificate"),
        ),
        migrations.RunPython(number_and_link_certificates, migrations.RunPython.noop),
    ]
