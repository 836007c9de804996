from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wijkkoers.accounts.demo import DEMO_PASSWORD, DEMO_USERS, ensure_demo_user
from wijkkoers.method.models import PartyType
from wijkkoers.projects.demo import create_demo_project


class Command(BaseCommand):
    help = "Create the demo accounts (and demo project) and print how to log in."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError(
                "setup_demo makes accounts with a known password: not in production."
            )
        if not PartyType.objects.exists():
            raise CommandError("Load the method first: manage.py load_method")
        users = [ensure_demo_user(email, name, staff=staff) for email, name, staff in DEMO_USERS]
        project = create_demo_project(*users[:3])
        self.stdout.write(self.style.SUCCESS(f"\nWijkkoers demo is ready: {settings.SITE_URL}/"))
        self.stdout.write(f"Log in with one of these accounts (password for all: {DEMO_PASSWORD}):")
        for email, name, staff in DEMO_USERS:
            role = "CMS-redacteur (/cms/)" if staff else name.split()[-1].lower()
            self.stdout.write(f"  {email:30} {role}")
        self.stdout.write(f"Demo project: {settings.SITE_URL}/projecten/{project.public_id}/")
        self.stdout.write("E-mails (verification, invitations) land in data/mail/.\n")
