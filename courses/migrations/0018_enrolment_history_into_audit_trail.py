"""Every EnrolmentHistory row becomes a ModelLogEntry of its enrolment (cms.audit), then the
table goes. Its actions were already dotted (courses.enrolment.completed) and stay as they
were. Reversible: the entries go back into the table."""

from django.db import migrations

from cms.audit import copy_back_from_trail, copy_into_trail


def forwards(apps, schema_editor):
    copy_into_trail(
        apps, "courses.EnrolmentHistory", "enrolment",
        title=lambda enrolment: f"Enrolment {enrolment.pk}: {enrolment.course_title}",
        convert=lambda row: {
            "action": row.action, "user_id": row.by_id, "timestamp": row.at,
            "data": {"from_status": row.from_status, "to_status": row.to_status,
                     "reason": row.note},
        })


def backwards(apps, schema_editor):
    copy_back_from_trail(
        apps, "courses.EnrolmentHistory", "enrolment", "courses.",
        convert=lambda entry: {
            "action": entry.action, "by_id": entry.user_id, "at": entry.timestamp,
            "from_status": entry.data.get("from_status", ""),
            "to_status": entry.data.get("to_status", ""),
            "note": entry.data.get("reason", "")[:300],
        })


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("courses", "0017_enrolment_user_status_index"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="EnrolmentHistory"),
    ]
