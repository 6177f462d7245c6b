"""Each framework's statements as they are today become its first version. The statements
keep their rows (and so every course's mapping to them); only their version is set."""

from django.db import migrations


def statements_join_a_first_version(apps, schema_editor):
    Framework = apps.get_model("courses", "CompetencyFramework")
    Version = apps.get_model("courses", "FrameworkVersion")
    Competency = apps.get_model("courses", "Competency")
    for framework in Framework.objects.all():
        if not Competency.objects.filter(framework=framework, version__isnull=True).exists():
            continue
        version = (Version.objects.filter(framework=framework).order_by("pk").first()
                   or Version.objects.create(framework=framework, label="First version",
                                             sort_order=0))
        Competency.objects.filter(framework=framework, version__isnull=True).update(
            version=version)


class Migration(migrations.Migration):

    dependencies = [("courses", "0011_framework_versions")]

    operations = [
        migrations.RunPython(statements_join_a_first_version, migrations.RunPython.noop),
    ]
