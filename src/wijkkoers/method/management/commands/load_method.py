from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wijkkoers.method.services import load_method


class Command(BaseCommand):
    help = "Load the method from content files into the CMS (idempotent; deletes nothing)."

    def add_arguments(self, parser):
        parser.add_argument("--path", default=str(settings.PROJECT_DIR / "content"))

    def handle(self, *args, path, **options):
        report = load_method(path)
        for name in report.created:
            self.stdout.write(f"nieuw: {name}")
        for name in report.updated:
            self.stdout.write(f"bijgewerkt: {name}")
        for name, problem in report.errors:
            self.stderr.write(f"{name}: {problem}")
        if report.errors:
            raise CommandError(f"{len(report.errors)} bestand(en) niet geladen; zie hierboven.")
        summary = f"Methode geladen: {len(report.created)} nieuw, {len(report.updated)} bijgewerkt."
        self.stdout.write(self.style.SUCCESS(summary))
