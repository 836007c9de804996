"""Profile pages of `bench/pages.py` in one process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wijkkoers_bench \\
        .venv/bin/python bench/profile.py "project compass" [more page names]

Each page is requested once to warm up, then PROFILE_REPEAT times (default 50). Without a
profiler it prints per page the query count and the median and p95 of the serial request
times, wall clock and this process's CPU time (on a loaded machine compare CPU medians). With
`PROFILE=cprofile` it prints the functions by cumulative time under cProfile (standard
library; the counts of calls are exact whatever the machine's load), with `PROFILE=pyinstrument`
pyinstrument's tree (not a dependency: install it into your environment first).
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# This file's folder first on the path would make it the standard library's `profile`
# (which cProfile imports).
sys.path = [str(ROOT / "src"), str(ROOT)] + [p for p in sys.path if Path(p) != ROOT / "bench"]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkkoers.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wijkkoers_bench")
# As production runs: cached templates, no query log (DEBUG is on by default in development).
os.environ.setdefault("DEBUG", "0")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from bench.pages import bench_pages  # noqa: E402

REPEAT = int(os.environ.get("PROFILE_REPEAT", "50"))
MODE = os.environ.get("PROFILE", "")


def count_queries(client: Client, path: str) -> list[str]:
    """The SQL of one request (CaptureQueriesContext loses them: a request resets the log)."""
    queries = []

    def log(execute, sql, *args):
        queries.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(log):
        client.get(path)
    return queries


def timings(client: Client, path: str) -> tuple[list[float], list[float]]:
    """Wall-clock and this process's CPU time (the database's not included) per request, ms."""
    wall, cpu = [], []
    for _ in range(REPEAT):
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(path)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return sorted(wall), sorted(cpu)


def p95(times: list[float]) -> float:
    return times[max(0, round(0.95 * len(times)) - 1)]


def profiled(client: Client, path: str) -> None:
    if MODE == "pyinstrument":
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        with profiler:
            for _ in range(REPEAT):
                client.get(path)
        print(profiler.output_text(unicode=False, color=False, show_all=False))
        return
    import cProfile
    import pstats

    profiler = cProfile.Profile(time.process_time)  # CPU time: steadier on a busy machine
    profiler.enable()
    for _ in range(REPEAT):
        client.get(path)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats(os.environ.get("PROFILE_SORT", "cumulative"))
    stats.print_stats(int(os.environ.get("PROFILE_LINES", "60")))


def main(names: list[str]) -> None:
    for page in [p for p in bench_pages() if not names or p.name in names]:
        client = Client()
        if page.session:
            client.cookies[settings.SESSION_COOKIE_NAME] = page.session
        assert client.get(page.path).status_code == 200
        queries = count_queries(client, page.path)
        if MODE:
            print(f"\n## {page.name}: {len(queries)} queries, {REPEAT} requests profiled")
            profiled(client, page.path)
            continue
        wall, cpu = timings(client, page.path)
        print(
            f"{page.name:<34} {len(queries):>3} queries"
            f"  wall median {statistics.median(wall):6.1f} p95 {p95(wall):6.1f}"
            f"  CPU median {statistics.median(cpu):6.1f} p95 {p95(cpu):6.1f} ms ({REPEAT} serial)"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
