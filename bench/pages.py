"""The pages `make bench` measures, with real URLs (and sessions) from the generated data.

Logged-in pages get a session made as django.contrib.auth.login makes one, so wrk can send
its key as the session cookie. Needs the method loaded and `generate_bench_data` run.
"""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.urls import reverse

from bench.data import LARGE_NAME, PORTFOLIO_EMAIL
from bench.run import Page
from wijkkoers.accounts.models import User
from wijkkoers.audit.queries import trail
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.projects.models import Project, Role

SEED_STEP = "helderheid-over-ambities"  # the step the method's own tests start from
SEARCH = "warmtenet"
BACKEND = "allauth.account.auth_backends.AuthenticationBackend"  # as allauth logs in


def session_for(user: User) -> str:
    """A stored session of a logged-in `user`, as login() would write it; its key."""
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = BACKEND
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def oldest_page_url(project: Project) -> str:
    """The Wijzigingen URL of the trail's last (oldest) page, found by following its cursor."""
    url = reverse("projects:audit", args=[project.public_id])
    page, cursor = trail(project), None
    while page.older is not None:
        cursor = page.older
        page = trail(project, older_than=cursor)
    return f"{url}?ouder={cursor}" if cursor else url


def _timeline_last(project: Project) -> str:
    """The query string of the timeline's last page, found by following its cursor."""
    from wijkkoers.logbook.report_queries import last_page_cursor

    cursor = last_page_cursor(project)
    return f"?ouder={cursor}" if cursor else ""


def bench_pages() -> list[Page]:
    catalogue = get_catalogue()
    kompas = catalogue.kompas_url
    track = catalogue.tracks[0]
    seed = catalogue.steps.get(SEED_STEP) or next(iter(catalogue.steps.values()))
    large = Project.objects.get(name=LARGE_NAME)
    leader = large.memberships.filter(role=Role.PROJECTLEIDER).order_by("pk").first().user
    portfolio = User.objects.get(email=PORTFOLIO_EMAIL)
    as_leader, as_portfolio = session_for(leader), session_for(portfolio)

    def logbook(name: str, view: str, query: str = "") -> Page:
        url = reverse(f"logbook:{view}", args=[large.public_id]) + query
        return Page(name, url, session=as_leader, kind="project")

    def project(name: str, view: str, *args, path: str = "") -> Page:
        url = path or reverse(f"projects:{view}", args=[large.public_id, *args])
        return Page(name, url, session=as_leader, kind="project")

    return [
        Page("Kompas", kompas),
        Page("Kompas, filtered by a track", f"{kompas}?spoor={track.code}"),
        Page("seed step page", seed.url),
        Page("track page", track.url),
        Page("search", f"{kompas}zoeken/?q={SEARCH}", kind="search"),
        # A form with a CSRF token for a logged-in member: never a stored page, so it is held
        # to the logged-in pages' target, not to that of the method pages for anonymous readers.
        Page(
            "share a story form",
            f"{kompas}verhaal-delen/{seed.key}/",
            session=as_leader,
            kind="form",
        ),
        Page(
            "portfolio (20 projects)",
            reverse("projects:portfolio"),
            session=as_portfolio,
            kind="project",
        ),
        project("project compass", "compass"),
        project("project step page", "step", seed.key),  # with its logbook
        Page(
            "logbook overview",
            reverse("logbook:index", args=[large.public_id]),
            session=as_leader,
            kind="project",
        ),
        Page(
            "logbook decisions, first page",
            reverse("logbook:decisions", args=[large.public_id]),
            session=as_leader,
            kind="project",
        ),
        project("Wijzigingen, first page", "audit"),
        project("Wijzigingen, last page", "audit", path=oldest_page_url(large)),
        project("members", "members"),
        logbook("logbook timeline, first page", "timeline"),
        logbook("logbook timeline, last page", "timeline", query=_timeline_last(large)),
        # The PDF is made by a task (bench/report_pdf.py times it); this is its HTML.
        logbook("project report, printable HTML", "report_print"),
        *_goals_pages(large, as_leader),
        *_export_pages(large, as_leader),
        *_stakeholder_pages(large, as_leader),
    ]


def _export_pages(large: Project, session: str) -> list[Page]:
    """The downloads page and the largest spreadsheets (the full export: bench/export_import.py)."""

    def export(name: str, view: str, *args) -> Page:
        url = reverse(f"exports:{view}", args=[large.public_id, *args])
        return Page(name, url, session=session, kind="project")

    return [
        export("export page", "index"),
        export("spreadsheet: decisions (XLSX)", "sheet", "besluiten", "xlsx"),
        export("spreadsheet: progress (CSV)", "sheet", "voortgang", "csv"),
    ]


def _stakeholder_pages(large: Project, session: str) -> list[Page]:
    """The large project's stakeholder register (300) and its map, with movement."""
    from wijkkoers.stakeholders.models import Assessment

    first = Assessment.objects.filter(project=large).order_by("assessed_on").first()
    since = f"?sinds={first.assessed_on.isoformat()}" if first else ""
    register = reverse("stakeholders:register", args=[large.public_id])
    power_map = reverse("stakeholders:power_map", args=[large.public_id])
    return [
        Page("stakeholder register (300)", register, session=session, kind="project"),
        Page("power-interest map (300)", power_map, session=session, kind="project"),
        Page("power-interest map, movement", power_map + since, session=session, kind="project"),
    ]


def _goals_pages(large: Project, session: str) -> list[Page]:
    """The goals tool's indicators page of the large project (5 indicators x 24 measurements)."""
    url = reverse("goals:indicators", args=[large.public_id])
    return [Page("goal indicators", url, session=session, kind="project")]
