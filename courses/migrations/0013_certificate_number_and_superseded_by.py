"""Certificates get a short number people can read out (RPC-7K4M-9QXD) and a link to the
renewal that replaced them: the columns (the next migration fills them in)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("courses", "0012_statements_join_a_first_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="certificate",
            name="number",
            field=models.CharField(editable=False, max_length=16, null=True,
                                   verbose_name="certificate number"),
        ),
        migrations.AddField(
            model_name="certificate",
            name="superseded_by",
            field=models.ForeignKey(blank=True, editable=False, null=True,
                                    on_delete=django.db.models.deletion.SET_NULL,
                                    related_name="supersedes", to="courses.certificate"),
        ),
    ]
