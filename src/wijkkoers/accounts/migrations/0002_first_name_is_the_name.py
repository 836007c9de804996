"""Wagtail shows first_name in its menu; it now mirrors the name (see User.save)."""

from django.db import migrations
from django.db.models import F


def copy_names(apps, schema_editor):
    apps.get_model("accounts", "User").objects.update(first_name=F("name"), last_name="")


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(copy_names, migrations.RunPython.noop)]
