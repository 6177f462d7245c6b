"""Every EventBookingHistory row becomes a ModelLogEntry of its booking (cms.audit), then the
table goes. Reversible: the entries go back into the table."""

from django.db import migrations

from cms.audit import copy_back_from_trail, copy_into_trail


def _action(row):
    if row.from_status and row.from_status == row.to_status:
        return "events.booking.event_changed"
    return f"events.booking.{row.to_status}"


def forwards(apps, schema_editor):
    copy_into_trail(
        apps, "events.EventBookingHistory", "booking",
        title=lambda booking: f"Booking {booking.reference}: {booking.event_title}",
        convert=lambda row: {
            "action": _action(row), "user_id": row.by_id, "timestamp": row.at,
            "data": {"from_status": row.from_status, "to_status": row.to_status,
                     "reason": row.reason},
        })


def backwards(apps, schema_editor):
    copy_back_from_trail(
        apps, "events.EventBookingHistory", "booking", "events.booking.",
        convert=lambda entry: {
            "by_id": entry.user_id, "at": entry.timestamp,
            "from_status": entry.data.get("from_status", ""),
            "to_status": entry.data.get("to_status", ""),
            "reason": entry.data.get("reason", "")[:255],
        })


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0003_bound_free_text"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="EventBookingHistory"),
    ]
