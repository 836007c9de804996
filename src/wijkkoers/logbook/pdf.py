"""The briefing and the project report as printable HTML and as PDF (WeasyPrint).

One template per document (`logbook/reports/print/<kind>.html`) serves both the printable
HTML view and the PDF, so they cannot drift apart. WeasyPrint fetches nothing from the
network: its URL fetcher serves only our own static files and refuses everything else.
"""

import mimetypes
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone

from wijkkoers.logbook.models import ReportKind
from wijkkoers.logbook.report_queries import snapshot

# The documents are rendered as if they lived on this host; only its static files resolve.
BASE_URL = "https://wijkkoers.invalid/"
TEMPLATES = {
    ReportKind.BRIEFING: "logbook/reports/print/briefing.html",
    ReportKind.REPORT: "logbook/reports/print/report.html",
}


def document_context(project, kind: str, as_of: date, party=None) -> dict:
    """What the printable document shows: the project as it stood at the end of `as_of`."""
    return {
        "project": project,
        "kind": kind,
        "snap": snapshot(project, as_of, party),
        "as_of": as_of,
        "party": party,
        "made_at": timezone.localtime(),
    }


def render_document(project, kind: str, as_of: date, party=None, *, for_pdf=False) -> str:
    context = document_context(project, kind, as_of, party)
    context["for_pdf"] = for_pdf
    return render_to_string(TEMPLATES[kind], context)


def render_pdf(project, kind: str, as_of: date, party=None) -> bytes:
    from weasyprint import HTML

    html = render_document(project, kind, as_of, party, for_pdf=True)
    return HTML(string=html, base_url=BASE_URL, url_fetcher=static_only_fetcher()).write_pdf()


def static_file_for(url: str) -> Path | None:
    """Our own static file a document URL names, or None for anything else."""
    parts = urlsplit(url)
    base = urlsplit(BASE_URL)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
        return None
    if not parts.path.startswith(settings.STATIC_URL) or ".." in parts.path:
        return None
    found = finders.find(parts.path[len(settings.STATIC_URL) :])
    return Path(found) if found else None


def static_only_fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        """Serves our static files; every other URL (http, file, data) is refused."""

        def fetch(self, url, headers=None):
            path = static_file_for(url)
            if path is None:
                raise ValueError(f"Not fetched while making a PDF: {url[:200]}")
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, body=path.read_bytes(), headers={"Content-Type": content_type}
            )

    return StaticOnlyFetcher()
