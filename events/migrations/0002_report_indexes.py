"""Indexes for the monitoring reports (issue 6): attendances by date for the dashboard and
the engagement report. Raw SQL, so the models' state is unchanged."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]
    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS events_booking_status_start "
            "ON events_eventbooking (status, event_start)",
            "DROP INDEX IF EXISTS events_booking_status_start",
        ),
    ]
