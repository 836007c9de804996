"""How long an editor waits when saving or publishing a step in the CMS.

Posts the seed step's edit form to the Wagtail admin as a browser does (Django's test
client, development settings: search indexing runs at once, as with `make run`), first as
a draft, then published, each ROUNDS times with a changed text, and prints the median and
slowest time of each. `--profile` prints where one publish spends its time (cProfile).

    DATA_DIR=/tmp/cms-bench .venv/bin/python -m bench.cms_publish [--rounds 5] [--profile]

It migrates the database of those settings when needed and loads content/ into it: point
DATA_DIR or DATABASE_URL at a scratch database, never at one that matters.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkkoers.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from tests.cms import edit_form_data  # noqa: E402
from wijkkoers.accounts.models import User  # noqa: E402
from wijkkoers.method.models import StepPage  # noqa: E402
from wijkkoers.method.services import load_method  # noqa: E402

SEED_KEY = "helderheid-over-ambities"
EDITOR = "redacteur-bench@example.org"


def _editor_client() -> Client:
    editor, _ = User.objects.get_or_create(
        email=EDITOR, defaults={"name": "Bench Redacteur", "is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(editor)
    return client


def _post(client: Client, step: StepPage, round_: int, action: str | None) -> float:
    """Post the edit form with a changed goal text; the seconds until the answer."""
    data = edit_form_data(client, step)
    data["doel"] = f"{data['doel'].split(' [bench')[0]} [bench {action or 'draft'} {round_}]"
    if action:
        data[action] = "1"
    start = time.perf_counter()
    response = client.post(f"/cms/pages/{step.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    # The editor waits for the page the browser is sent to as well.
    assert client.get(response["Location"]).status_code == 200
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    setup_test_environment()
    call_command("migrate", verbosity=0)
    if not StepPage.objects.filter(key=SEED_KEY).exists():
        load_method(ROOT / "content")
    client = _editor_client()
    step = StepPage.objects.get(key=SEED_KEY)
    # The first request of a process also pays for imports and cold caches.
    print(f"first publish in this process: {_post(client, step, 0, 'action-publish'):.2f} s")

    for label, action in (("save draft", None), ("publish", "action-publish")):
        times = [_post(client, step, n, action) for n in range(1, args.rounds + 1)]
        print(
            f"{label:>10}: median {statistics.median(times):.2f} s, "
            f"slowest {max(times):.2f} s ({args.rounds} rounds)"
        )

    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(_post, client, step, 99, "action-publish")
        pstats.Stats(profile).sort_stats("cumulative").print_stats(45)


if __name__ == "__main__":
    main()
