"""Profile pages of `bench/pages.py` in one process with pyinstrument (not a dependency:
`pip install pyinstrument` into your environment first).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wijkkoers_bench \\
        .venv/bin/python bench/profile.py "project compass" [more page names]

Each page is requested once to warm up, then PROFILE_REPEAT times (default 50) under the
profiler; prints the mean time per request and the profile tree.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkkoers.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wijkkoers_bench")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402
from pyinstrument import Profiler  # noqa: E402

from bench.pages import bench_pages  # noqa: E402

REPEAT = int(os.environ.get("PROFILE_REPEAT", "50"))


def main(names: list[str]) -> None:
    for page in [p for p in bench_pages() if not names or p.name in names]:
        client = Client()
        if page.session:
            client.cookies[settings.SESSION_COOKIE_NAME] = page.session
        assert client.get(page.path).status_code == 200
        profiler = Profiler(interval=0.0005)
        start = time.perf_counter()
        with profiler:
            for _ in range(REPEAT):
                client.get(page.path)
        mean = (time.perf_counter() - start) / REPEAT * 1000
        print(f"\n## {page.name}: {mean:.1f} ms per request ({REPEAT} requests)")
        print(profiler.output_text(unicode=False, color=False, show_all=False))


if __name__ == "__main__":
    main(sys.argv[1:])
