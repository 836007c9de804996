"""The method as open data: one JSON document and the `content/` files as a zip.

Both are made from the published method once per method version (the catalogue's version
key) and kept in the shared cache, so a download costs one cache read.
"""

import io
import json
import tempfile
import zipfile
from pathlib import Path

from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wijkkoers.method import catalogue as method_catalogue
from wijkkoers.method.services import export_method

METHOD_SCHEMA = "wijkkoers-method/1"
ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def method_document() -> dict:
    """Phases, tracks, kinds of party and every step with its content and sources."""
    found = method_catalogue.get_catalogue()
    return {
        "schema": METHOD_SCHEMA,
        "phases": [
            {
                "key": phase.key,
                "number": phase.number,
                "title": phase.title,
                "steps": [step.key for step in phase.steps],
            }
            for phase in found.phases
        ],
        "tracks": [
            {"code": track.code, "name": track.name, "explanation": track.explanation}
            for track in found.tracks
        ],
        "party_types": [{"key": party.key, "name": party.name} for party in found.parties],
        "steps": [_step(step) for phase in found.phases for step in phase.steps],
    }


def _step(step) -> dict:
    return {
        "key": step.key,
        "number": step.display_number,
        "title": step.title,
        "subtitle": step.subtitle,
        "sensitive": step.sensitive,
        "tracks": list(step.track_codes),
        "parties": list(step.party_keys),
        "doel": step.doel,
        "aanpak": step.aanpak,
        "tips": list(step.tips),
        "requires": list(step.requires),
        "leads_to": list(step.leads_to),
        "related": list(step.related),
        "sources": [
            {"title": source.title, "publisher": source.publisher, "url": source.url}
            for source in step.resources
        ],
        "stories": [
            {
                "key": story.key,
                "title": story.title,
                "place": story.place,
                "text": story.text,
                "source": story.source,
                "source_url": story.source_url,
            }
            for story in step.stories
        ],
    }


def content_archive() -> bytes:
    """The method in the `content/` format (what load_method reads), zipped."""
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory() as directory:
        export_method(Path(directory))
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(Path(directory).rglob("*")):
                if path.is_file():
                    name = f"content/{path.relative_to(directory).as_posix()}"
                    archive.writestr(zipfile.ZipInfo(name, ZIP_TIME), path.read_bytes())
    return buffer.getvalue()


def _cached(kind: str, make) -> bytes:
    key = f"open-data:{kind}:{method_catalogue.current_version()}"
    content = cache.get(key)
    if content is None:
        content = make()
        cache.set(key, content, timeout=24 * 3600)
    return content


def _json_bytes() -> bytes:
    return json.dumps(method_document(), ensure_ascii=False, indent=1).encode()


@require_GET
def index(request):
    return render(request, "exports/open_data.html", {"schema": METHOD_SCHEMA})


@require_GET
def method_json(request):
    response = HttpResponse(_cached("json", _json_bytes), content_type="application/json")
    response["Content-Disposition"] = 'inline; filename="wijkkoers-methode.json"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def content_zip(request):
    response = HttpResponse(_cached("zip", content_archive), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="wijkkoers-methode-content.zip"'
    return response
