"""manage.py export_project and import_project: the same services as the web."""

import json

import pytest
from django.core.management import CommandError, call_command

from wijkkoers.projects.models import Project


def test_export_then_import_command_recreates_the_project(full_project, tmp_path):
    path = tmp_path / "export.zip"

    call_command("export_project", full_project.public_id, str(path))
    call_command("import_project", str(path))

    copy = Project.objects.exclude(pk=full_project.pk).get()
    assert copy.name == full_project.name
    assert copy.logbook_entries.count() == full_project.logbook_entries.count()


def test_export_command_unknown_project_fails(db, tmp_path):
    with pytest.raises(CommandError):
        call_command("export_project", "bestaatniet1", str(tmp_path / "x.zip"))


def test_import_command_refused_file_names_problems_and_writes_nothing(method, tmp_path, capsys):
    path = tmp_path / "project.json"
    path.write_text(json.dumps({"schema": "wijkkoers-project/9"}))

    with pytest.raises(CommandError):
        call_command("import_project", str(path))

    assert "wijkkoers-project/9" in capsys.readouterr().err
    assert not Project.objects.exists()
