"""Centre staff get the reporting permission (outcomes.view_outcomes) and the right to
define measures and enter figures; the programme's starting measures are added."""

from django.db import migrations

from outcomes.catalogue import BASELINE, STARTING_MEASURES

STAFF_PERMISSIONS = [
    "view_outcomes",
    "add_measure", "change_measure", "delete_measure", "view_measure",
    "add_figure", "change_figure", "delete_figure", "view_figure",
    "add_clusterbaseline", "change_clusterbaseline", "delete_clusterbaseline",
    "view_clusterbaseline",
]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after the whole migrate; this one needs them now.
    config = apps.get_app_config("outcomes")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    staff, _ = Group.objects.get_or_create(name="Centre staff")
    staff.permissions.add(*Permission.objects.filter(content_type__app_label="outcomes",
                                                     codename__in=STAFF_PERMISSIONS))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Centre staff"):
        group.permissions.remove(*Permission.objects.filter(
            content_type__app_label="outcomes", codename__in=STAFF_PERMISSIONS))


def add_measures(apps, schema_editor):
    Measure = apps.get_model("outcomes", "Measure")
    for order, (code, name, unit, direction, base, description, source) in enumerate(
            STARTING_MEASURES, start=1):
        Measure.objects.get_or_create(code=code, defaults={
            "name": name, "unit": unit, "direction": direction, "base_label": base,
            "description": description, "source_note": source, "sort_order": order * 10,
            "baseline_period": BASELINE, "frequency": "quarter",
        })


class Migration(migrations.Migration):
    dependencies = [
        ("outcomes", "0001_measures_and_figures"),
        ("cms", "0003_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(grant, revoke),
        migrations.RunPython(add_measures, migrations.RunPython.noop),
    ]
