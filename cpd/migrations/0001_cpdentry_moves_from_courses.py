"""CPDEntry moves from courses to its own app. The table (courses_cpdentry) and its rows
stay where they are: only Django's idea of which app owns the model changes."""

import cms.limits
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models



def move_content_type(apps, schema_editor):
    """Keep the content type (and so every permission and log entry that points to it):
    only its app label changes."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="cpd", model="cpdentry").exists():
        ContentType.objects.filter(app_label="courses", model="cpdentry").update(
            app_label="cpd")


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="courses", model="cpdentry").exists():
        ContentType.objects.filter(app_label="cpd", model="cpdentry").update(
            app_label="courses")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
        # The table was made by courses (and bounded by its 0007) and is kept, rows and all.
        ("courses", "0007_bound_cpd_free_text"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='CPDEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('course', 'Course'), ('event', 'Event or workshop'), ('mentoring', 'Coaching or mentoring'), ('secondment', 'Secondment'), ('reading', 'Reading or research'), ('supervision', 'Supervision or reflective discussion'), ('other', 'Other learning')], default='other', max_length=20, verbose_name='type')),
                        ('title', models.CharField(max_length=250)),
                        ('provider', models.CharField(blank=True, max_length=250)),
                        ('date', models.DateField(validators=[cms.limits.DateRangeValidator()], verbose_name='date of the activity')),
                        ('hours', models.DecimalField(decimal_places=1, default=0, max_digits=5)),
                        ('what_learnt', models.TextField(blank=True, max_length=4000, verbose_name='what I learnt')),
                        ('impact_on_practice', models.TextField(blank=True, max_length=4000, verbose_name='impact on my practice')),
                        ('impact_on_people', models.TextField(blank=True, max_length=4000, verbose_name='impact on the people I work with')),
                        ('peer_reflection', models.TextField(blank=True, max_length=4000)),
                        ('peer_role', models.CharField(blank=True, max_length=150, verbose_name='role of the peer')),
                        ('standards', models.CharField(blank=True, help_text='Comma-separated codes or names of the standards this evidences.', max_length=500, verbose_name='professional standards evidenced')),
                        ('source_type', models.CharField(blank=True, max_length=40)),
                        ('source_id', models.PositiveBigIntegerField(blank=True, null=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='cpd_entries', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'CPD entry',
                        'verbose_name_plural': 'CPD entries',
                        'db_table': 'courses_cpdentry',
                        'ordering': ['-date', '-pk'],
                        'indexes': [models.Index(fields=['user', 'date'], name='courses_cpd_user_id_0e6194_idx')],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('source_id__isnull', False)), fields=('user', 'source_type', 'source_id'), name='one_cpd_entry_per_source')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
