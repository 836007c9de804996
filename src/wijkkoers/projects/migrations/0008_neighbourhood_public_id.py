"""Neighbourhoods get a public id, so their edit and remove pages are not addressed by pk."""

from django.db import migrations, models

import wijkkoers.projects.models


def fill_public_ids(apps, schema_editor):
    Neighbourhood = apps.get_model("projects", "Neighbourhood")
    for hood in Neighbourhood.objects.all():
        hood.public_id = wijkkoers.projects.models.new_public_id()
        hood.save(update_fields=["public_id"])


class Migration(migrations.Migration):
    dependencies = [("projects", "0007_remove_organisation")]

    operations = [
        migrations.AddField(
            model_name="neighbourhood",
            name="public_id",
            field=models.CharField(max_length=16, null=True, editable=False),
        ),
        migrations.RunPython(fill_public_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="neighbourhood",
            name="public_id",
            field=models.CharField(
                default=wijkkoers.projects.models.new_public_id,
                editable=False,
                max_length=16,
                unique=True,
            ),
        ),
    ]
