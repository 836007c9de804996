"""EXPLAIN ANALYZE every query of the large project's pages, on the bench database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wijkkoers_bench \\
        .venv/bin/python bench/explain.py [page name ...]

Renders each page of `bench/pages.py` once as its user (warm), then again while capturing
the queries, and prints per query its execution and planning time, the plan's top line and whether any node is a
sequential scan of a large table. Run `make bench` first (it makes the data).
"""

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkkoers.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wijkkoers_bench")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.pages import bench_pages  # noqa: E402

SEQ_SCAN = re.compile(r"Seq Scan on (\w+)")
SMALL_TABLES = {"wagtailcore_site", "wagtailcore_locale", "django_content_type"}


def explain(sql: str, params) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        return [row[0] for row in cursor.fetchall()]


def main(names: list[str]) -> None:
    pages = [p for p in bench_pages() if p.kind == "project" and (not names or p.name in names)]
    for page in pages:
        client = Client()
        if page.session:
            client.cookies[settings.SESSION_COOKIE_NAME] = page.session
        client.get(page.path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.path)
        print(f"\n## {page.name} ({page.path}): {response.status_code}, {len(queries)} queries")
        for number, query in enumerate(queries.captured_queries, 1):
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            # The captured SQL has its parameters filled in; EXPLAIN it as it ran.
            plan = explain(sql, None)
            total = next((line for line in plan if line.startswith("Execution Time")), "")
            # Planning is the server's CPU too: a join of a dozen tables took longer to plan
            # than to run.
            planning = next((line for line in plan if line.startswith("Planning Time")), "")
            scans = sorted(set(SEQ_SCAN.findall("\n".join(plan))) - SMALL_TABLES)
            print(f"{number:>2}. {total:<28} {planning:<26} {plan[0][:70]}")
            print(f"    {sql[:160]}")
            if scans:
                print(f"    sequential scan: {', '.join(scans)}")
            if os.environ.get("EXPLAIN_FULL"):
                print("\n".join("      " + line for line in plan))


if __name__ == "__main__":
    main(sys.argv[1:])
