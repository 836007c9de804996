"""SQLite's full-text index of the logbook (`logbook/fts.py`); nothing on PostgreSQL."""

from django.db import migrations

from wijkkoers.logbook.fts import create_sql, drop_sql


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return  # PostgreSQL searches with its `dutch` configuration instead
        for statement in statements():
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("logbook", "0002_reportrun")]

    operations = [migrations.RunPython(_run(create_sql), _run(drop_sql), elidable=False)]
