"""manage.py import_project <path>: recreate a project from an export (zip or project.json)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wijkkoers.exports.errors import ImportRefused
from wijkkoers.exports.services import import_project


class Command(BaseCommand):
    help = "Import a project exported by Wijkkoers (another installation or this one)."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(str(error)) from None
        try:
            result = import_project(None, data, as_leader=False)
        except ImportRefused as refused:
            for problem in refused.problems:
                self.stderr.write(f"- {problem}")
            raise CommandError(str(refused)) from None
        except Exception as error:
            if hasattr(error, "code") and hasattr(error, "message"):
                raise CommandError(str(error)) from None
            raise
        project = result.project
        self.stdout.write(f"{project.name}: {project.public_id}")
        if result.placeholders:
            names = ", ".join(result.placeholders)
            self.stdout.write(f"Without an account here (kept as names): {names}")
