"""`make bench`: Wijkkoers under load beside a bare Django view, one table per run.

Steps: make sure wrk and the PostgreSQL database exist, migrate, load the method, generate the
national-scale data set (once; it is kept in the bench database), collect static files, start
gunicorn with production settings and, in the same run, a bare Django view; then measure
every page at 1, 8 and 32 concurrent clients with wrk and write the table to bench/results/.

Environment (all optional): BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_DURATION (seconds per
measurement, default 10), BENCH_CONCURRENCY ("1,8,32"), WEB_CONCURRENCY (gunicorn workers,
default 3 for 2 cores), BENCH_PAGES (comma-separated page names to measure only those).
"""

import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
APP_PORT, BARE_PORT = 8100, 8101
DURATION = int(os.environ.get("BENCH_DURATION", "10"))
LEVELS = [int(n) for n in os.environ.get("BENCH_CONCURRENCY", "1,8,32").split(",")]
WORKERS = os.environ.get("WEB_CONCURRENCY", "3")
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wijkkoers_bench"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
RANDOM_PAGE_COST = "1.1"


def app_env() -> dict:
    """Production settings against the bench database, served over plain HTTP on loopback."""
    return os.environ | {
        "ENVIRONMENT": "production",
        "DEBUG": "0",
        "HTTPS": "0",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": f"http://127.0.0.1:{APP_PORT}",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "WEB_CONCURRENCY": WORKERS,
        "DATA_DIR": str(ROOT / "bench" / "out" / "data"),
        "STATIC_ROOT": str(ROOT / "bench" / "out" / "static"),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": f"{ROOT / 'src'}:{ROOT}",
    }


def run(*args, env=None, check=True, quiet=False):
    print("$", " ".join(map(str, args)), flush=True)
    out = subprocess.DEVNULL if quiet else None
    return subprocess.run(args, cwd=ROOT, env=env, check=check, stdout=out)


def manage(*args):
    return run(PYTHON, "manage.py", *args, env=app_env())


def ensure_wrk() -> str:
    if found := shutil.which("wrk"):
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        run("apt-get", "update", "-qq", quiet=True)
        run("apt-get", "install", "-y", "-qq", "wrk", quiet=True)
        if found := shutil.which("wrk"):
            return found
    sys.exit("bench: wrk is needed (Debian package 'wrk'); install it and run again.")


def ensure_database() -> None:
    from urllib.parse import urlparse

    url = urlparse(DATABASE_URL)
    name = url.path.lstrip("/")
    base = ["psql", "-h", url.hostname or "127.0.0.1", "-p", str(url.port or 5432)]
    base += ["-U", url.username or "postgres", "-d", "postgres", "-tAc"]
    exists = subprocess.run(
        [*base, f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not exists:
        run(*base, f'CREATE DATABASE "{name}"')
    # The server's default cost of a random read (4) is for spinning disks; on SSD (as here
    # and in production, deploy/README.md) the planner otherwise prefers scanning the whole
    # user table to 60 index lookups for a team list.
    run(*base, f'ALTER DATABASE "{name}" SET random_page_cost = {RANDOM_PAGE_COST}', quiet=True)


def prepare() -> None:
    ensure_database()
    manage("migrate", "--no-input")
    manage("load_method")
    manage("generate_bench_data", "--if-missing", "--force")  # production settings
    manage("collectstatic", "--no-input", "--verbosity", "0")


# --- Servers --------------------------------------------------------------------------------


def start_gunicorn(app: str, port: int, env: dict) -> subprocess.Popen:
    args = [
        str(Path(PYTHON).with_name("gunicorn")),
        "-c",
        str(ROOT / "deploy" / "gunicorn.conf.py"),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        WORKERS,
        "--access-logfile",
        "/dev/null",
        app,
    ]
    process = subprocess.Popen(args, cwd=ROOT, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    sys.exit(f"bench: {app} did not start on port {port}")


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def worker_memory_mb(process: subprocess.Popen) -> list[float]:
    """Resident memory of each gunicorn worker (the master's children), in MB."""
    output = subprocess.run(
        ["ps", "-o", "rss=", "--ppid", str(process.pid)], capture_output=True, text=True
    ).stdout
    return [int(size) / 1024 for size in output.split()]


# --- Measuring ------------------------------------------------------------------------------


@dataclass
class Page:
    name: str
    path: str
    session: str = ""  # a session cookie value: measured as that logged-in user
    kind: str = "method"  # method / search / project / bare: which target applies


@dataclass
class Result:
    page: Page
    clients: int
    rps: float
    p50: float
    p95: float
    p99: float
    errors: int


def check_page(base: str, page: Page) -> None:
    """One request first: a page that does not answer 200 is a broken bench, not a slow page."""
    request = urllib.request.Request(base + page.path)
    if page.session:
        request.add_header("Cookie", f"sessionid={page.session}")
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback only
        if response.status != 200 or response.url.rstrip("/").endswith("/login"):
            sys.exit(f"bench: {page.name} answered {response.status} at {response.url}")


def measure(wrk: str, base: str, page: Page, clients: int) -> Result:
    args = [wrk, "-t", str(min(clients, 2)), "-c", str(clients), "-d", f"{DURATION}s"]
    args += ["--timeout", "10s", "-s", str(ROOT / "bench" / "report.lua")]
    if page.session:
        args += ["-H", f"Cookie: sessionid={page.session}"]
    output = subprocess.run(
        [*args, base + page.path], capture_output=True, text=True, check=True
    ).stdout
    data = json.loads(output.strip().splitlines()[-1])
    seconds = data["duration_us"] / 1e6
    return Result(
        page,
        clients,
        rps=data["requests"] / seconds,
        p50=data["p50"] / 1000,
        p95=data["p95"] / 1000,
        p99=data["p99"] / 1000,
        errors=data["errors"],
    )


# --- Reporting ------------------------------------------------------------------------------

TARGETS = {
    # kind: (minimum share of the bare view at 8 clients, maximum p95 in ms at 8 clients)
    "method": (0.50, 40),
    "search": (None, 80),
    "project": (None, 100),
    "form": (None, 100),  # a logged-in form (the share-a-story form), as a project page
}


def verdict(result: Result, bare_rps: float) -> str:
    share, p95 = TARGETS.get(result.page.kind, (None, None))
    if result.clients != 8 or p95 is None:
        return "" if result.clients != 32 or not result.errors else "errors"
    ok = result.p95 <= p95 and (share is None or result.rps >= share * bare_rps)
    return "ok" if ok else "missed"


def table(results: list[Result], bare_rps: float, memory: list[float]) -> str:
    lines = [
        f"# Wijkkoers bench, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "",
        f"Machine: {platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()};"
        f" gunicorn {WORKERS} sync workers, production settings, PostgreSQL, Redis cache;"
        f" wrk, {DURATION} s per row. Bare view (mean of before and after): {bare_rps:,.0f} req/s.",
        "",
        "| page | clients | req/s | p50 ms | p95 ms | p99 ms | errors | share of bare | target |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.page.name} | {r.clients} | {r.rps:,.1f} | {r.p50:.1f} | {r.p95:.1f} | "
            f"{r.p99:.1f} | {r.errors} | {r.rps / bare_rps:.1%} | {verdict(r, bare_rps)} |"
        )
    lines += [
        "",
        "Targets (8 clients): method pages >= 50 % of the bare view and p95 <= 40 ms; search "
        "p95 <= 80 ms; project pages p95 <= 100 ms; no errors at 32 clients.",
        "Memory per worker after the run (MB): " + ", ".join(f"{m:.0f}" for m in memory),
        "",
    ]
    return "\n".join(lines)


PDF_ROW = "report PDF"
PDF_TARGET = 5.0  # seconds, issue 11


def pdf_line() -> str:
    """The report PDF of the large project, made as the task makes it (in one process, after
    the servers stopped): median of three renders."""
    from bench.data import large_project
    from bench.report_pdf import RUNS, timed

    wall, cpu, size = timed(large_project())
    verdict = "ok" if wall <= PDF_TARGET else "missed"
    return (
        f"Report PDF of the large project (made by a task; median of {RUNS} renders): "
        f"{wall:.2f} s ({cpu:.2f} s CPU), {size / 1024:.0f} KB; target <= {PDF_TARGET:.0f} s: "
        f"{verdict}.\n"
    )


def result_path(folder: Path, stem: str) -> Path:
    """`<stem>.md`, or `<stem>-2.md`, `-3`, ... : a new run never overwrites a kept result."""
    out, number = folder / f"{stem}.md", 1
    while out.exists():
        number += 1
        out = folder / f"{stem}-{number}.md"
    return out


def main() -> None:
    wrk = ensure_wrk()
    prepare()
    env = app_env()
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    os.environ.update(env)
    import django

    os.environ["DJANGO_SETTINGS_MODULE"] = "wijkkoers.settings"
    django.setup()
    from bench.pages import bench_pages

    pages = bench_pages()
    if only := os.environ.get("BENCH_PAGES"):
        pages = [p for p in pages if p.name in only.split(",")]
    bare_env = env | {"DJANGO_SETTINGS_MODULE": "bench.bare.settings"}
    bare = start_gunicorn("bench.bare.wsgi", BARE_PORT, bare_env)
    app = start_gunicorn("wijkkoers.wsgi", APP_PORT, env)
    base, bare_base = f"http://127.0.0.1:{APP_PORT}", f"http://127.0.0.1:{BARE_PORT}/"
    try:
        bare_page = Page("bare Django view", "", kind="bare")
        before = measure(wrk, bare_base, bare_page, 8)
        results = []
        for page in pages:
            check_page(base, page)
            for clients in LEVELS:
                results.append(measure(wrk, base, page, clients))
                print(f"  {page.name} @ {clients}: {results[-1].rps:,.1f} req/s", flush=True)
        after = measure(wrk, bare_base, bare_page, 8)
        memory = worker_memory_mb(app)
    finally:
        stop(app)
        stop(bare)
    bare_rps = (before.rps + after.rps) / 2
    report = table([before, *results, after], bare_rps, memory)
    if not only or PDF_ROW in only.split(","):
        report += pdf_line()
    out = result_path(ROOT / "bench" / "results", f"{datetime.now(UTC):%Y-%m-%d}-{platform.node()}")
    print(report)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report, encoding="utf-8")
    print(f"Written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
