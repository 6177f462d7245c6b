"""Indexes for the monitoring reports (issue 6): sessions by status per slot, applications
by date. Raw SQL, so the models' state is unchanged."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("secondments", "0001_initial")]
    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS secondments_mentoringbooking_status_slot "
            "ON secondments_mentoringbooking (status, slot_id)",
            "DROP INDEX IF EXISTS secondments_mentoringbooking_status_slot",
        ),
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS secondments_application_created "
            "ON secondments_secondmentapplication (created_at)",
            "DROP INDEX IF EXISTS secondments_application_created",
        ),
    ]
