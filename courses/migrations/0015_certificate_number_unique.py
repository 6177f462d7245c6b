"""Every certificate has its number now: make it required and unique. A migration of its own,
so that PostgreSQL alters the table in a transaction without the numbering's updates."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("courses", "0014_number_existing_certificates"),
    ]

    operations = [
        migrations.AlterField(
            model_name="certificate",
            name="number",
            field=models.CharField(editable=False, max_length=16, unique=True,
                                   verbose_name="certificate number"),
        ),
    ]
