from django.conf import settings
from django.core.management.base import BaseCommand

from wijkkoers.method.services import export_method


class Command(BaseCommand):
    help = "Write the method from the CMS back to content files (the format load_method reads)."

    def add_arguments(self, parser):
        parser.add_argument("--path", default=str(settings.PROJECT_DIR / "content"))

    def handle(self, *args, path, **options):
        count = export_method(path)
        self.stdout.write(self.style.SUCCESS(f"{count} bestanden geschreven naar {path}."))
