import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from wijkkoers.method.models import PartyType


class Command(BaseCommand):
    help = (
        "Generate the national-scale bench data set (342 municipalities, 3,420 projects, "
        "one large project). Code: bench/data.py."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=float, default=1.0, help="Fraction of the municipalities (0.01: 4)."
        )
        parser.add_argument("--seed", type=int, default=1, help="Seed of the random choices.")
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Do nothing when the large bench project already exists.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run with ENVIRONMENT=production (a bench database only: known password).",
        )

    def handle(self, *args, scale, seed, if_missing, force, **options):
        # bench/ lives at the repository root, which manage.py puts on sys.path.
        from bench import data

        if settings.PRODUCTION and not force:
            raise CommandError(
                "generate_bench_data makes thousands of accounts with one known password: "
                "not in production (use --force for a bench database)."
            )
        if not 0 < scale <= 1:
            raise CommandError("--scale must be more than 0 and at most 1.")
        if data.large_project() is not None:
            if if_missing:
                self.stdout.write("Bench data already present; nothing to do.")
                return
            raise CommandError("Bench data already present (see --if-missing).")
        if not PartyType.objects.exists():
            raise CommandError("Load the method first: manage.py load_method")
        started = time.monotonic()
        counts = data.generate(scale=scale, seed=seed, log=self.stdout.write)
        if connection.vendor == "postgresql":
            # Fresh statistics: without them the planner guesses from an empty database
            # (a few hundred users instead of thousands) and joins by scanning whole tables.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        seconds = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Bench data in {seconds:.0f} s: {counts}"))
