"""Every certificate has its number now (0011): make it required and unique. A migration of
its own, so that PostgreSQL alters the table in a transaction without 0011's updates."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("courses", "0011_certificate_number_and_superseded_by"),
    ]

    operations = [
        migrations.AlterField(
            model_name="certificate",
            name="number",
            field=models.CharField(editable=False, max_length=16, unique=True,
                                   verbose_name="certificate number"),
        ),
    ]
