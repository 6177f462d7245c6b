"""Every ApplicationHistory and MentoringBookingHistory row becomes a ModelLogEntry of its
application or booking (cms.audit), then both tables go. Actions move into the app's
namespace (secondment.offered -> secondments.application.offered, mentoring.held ->
secondments.mentoring.held); an application's actor_label (who acted, kept if their
account goes) stays in the entry's data. Reversible: the entries go back into the tables."""

from django.db import migrations

from cms.audit import copy_back_from_trail, copy_into_trail


def _renamed(action, old, new):
    return new + action[len(old):] if action.startswith(old) else new + action


def _data(row):
    return {"from_status": row.from_status, "to_status": row.to_status, "reason": row.reason}


def forwards(apps, schema_editor):
    copy_into_trail(
        apps, "secondments.ApplicationHistory", "application",
        title=lambda a: f"Application SEC-{a.pk:05d}: {a.opportunity_title}",
        convert=lambda row: {
            "action": _renamed(row.action, "secondment.", "secondments.application."),
            "user_id": row.actor_id, "timestamp": row.created_at,
            "data": {**_data(row), "actor_label": row.actor_label},
        })
    copy_into_trail(
        apps, "secondments.MentoringBookingHistory", "booking",
        title=lambda b: f"Mentoring session MEN-{b.pk:05d}",
        convert=lambda row: {
            "action": _renamed(row.action, "mentoring.", "secondments.mentoring."),
            "user_id": row.actor_id, "timestamp": row.created_at, "data": _data(row),
        })


def _row(entry):
    return {"actor_id": entry.user_id, "created_at": entry.timestamp,
            "from_status": entry.data.get("from_status", ""),
            "to_status": entry.data.get("to_status", ""), "reason": entry.data.get("reason", "")}


def backwards(apps, schema_editor):
    copy_back_from_trail(
        apps, "secondments.ApplicationHistory", "application", "secondments.application.",
        convert=lambda entry: {
            **_row(entry), "actor_label": entry.data.get("actor_label", "")[:200],
            "action": _renamed(entry.action, "secondments.application.", "secondment."),
        })
    copy_back_from_trail(
        apps, "secondments.MentoringBookingHistory", "booking", "secondments.mentoring.",
        convert=lambda entry: {
            **_row(entry), "action": _renamed(entry.action, "secondments.mentoring.",
                                              "mentoring."),
        })


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("secondments", "0005_secondmentapplication_reply_by_and_more"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="ApplicationHistory"),
        migrations.DeleteModel(name="MentoringBookingHistory"),
    ]
