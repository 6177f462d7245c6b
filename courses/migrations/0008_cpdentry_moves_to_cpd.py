"""CPDEntry now belongs to the cpd app (cpd/migrations/0001): courses forgets the model
without touching its table, so no CPD entry is lost."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("courses", "0007_bound_cpd_free_text"),
        ("cpd", "0001_cpdentry_moves_from_courses"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="CPDEntry")],
            database_operations=[],
        ),
    ]
