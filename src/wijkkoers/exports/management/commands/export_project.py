"""manage.py export_project <public_id> <path>: the project's zip (project.json + files/)."""

from django.core.management.base import BaseCommand, CommandError

from wijkkoers.exports.services import export_project
from wijkkoers.projects.models import Project


class Command(BaseCommand):
    help = "Write a project's full export (project.json and its documents) to a zip file."

    def add_arguments(self, parser):
        parser.add_argument("public_id")
        parser.add_argument("path")

    def handle(self, *args, public_id, path, **options):
        project = Project.objects.filter(public_id=public_id).first()
        if project is None:
            raise CommandError(f"No project with id {public_id!r}.")
        with open(path, "wb") as out:
            export_project(None, project, out)
        self.stdout.write(f"{project.name} -> {path}")
