"""Indexes for the monitoring reports (issue 6). Raw SQL, so the models' state is unchanged
(the models belong to the courses app; the integrator may move these into Meta.indexes)."""

from django.db import migrations

INDEXES = [
    # First attempts at each knowledge check (course completion report).
    ("courses_kca_first_attempt", "courses_knowledgecheckattempt",
     "(enrolment_id, check_id, id)", "INCLUDE (passed)"),
    # Completions by date (dashboard, engagement report).
    ("courses_enrolment_status_completed", "courses_enrolment", "(status, completed_at)", ""),
    # Certificates expiring per course.
    ("courses_certificate_course_expires", "courses_certificate", "(course_id, expires_on)", ""),
]


def create(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    for name, table, columns, include in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} {columns} "
                              f"{include if postgres else ''}")


def drop(apps, schema_editor):
    for name, _table, _columns, _include in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("courses", "0002_competencyframework_courseindexpage_modulepage_and_more")]
    operations = [migrations.RunPython(create, drop)]
