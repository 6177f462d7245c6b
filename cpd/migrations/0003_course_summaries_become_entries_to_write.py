"""Entries made from certificates used to say the course's marketing summary under "What I
learnt". That was never the learner's learning: such entries become "still to write", with
"What I learnt" blank, so the learner is asked to write them. Automatic entries with nothing
written are also still to write. No row is deleted."""

from django.db import migrations

AUTOMATIC = ("certificate", "event_booking")


def summaries_become_to_write(apps, schema_editor):
    CPDEntry = apps.get_model("cpd", "CPDEntry")
    Certificate = apps.get_model("courses", "Certificate")
    entries = CPDEntry.objects.filter(source_type="certificate", source_id__isnull=False)
    summaries = dict(
        Certificate.objects.filter(pk__in=entries.values("source_id"), course__isnull=False)
        .values_list("pk", "course__summary"))
    for entry in entries.only("pk", "source_id", "what_learnt").iterator():
        summary = (summaries.get(entry.source_id) or "").strip()
        if summary and entry.what_learnt.strip() == summary:
            CPDEntry.objects.filter(pk=entry.pk).update(what_learnt="", to_write=True)
    CPDEntry.objects.filter(source_type__in=AUTOMATIC, what_learnt="",
                            impact_on_practice="").update(to_write=True)


class Migration(migrations.Migration):

    dependencies = [
        ("cpd", "0002_regulator_form_fields"),
        ("courses", "0010_elearning_packages_and_attempts"),
    ]

    operations = [
        migrations.RunPython(summaries_become_to_write, migrations.RunPython.noop),
    ]
