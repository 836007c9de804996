"""project.json and the zip around it: build, read, check and load (see docs/export-schema.md)."""

import json
import zipfile
from datetime import UTC, datetime
from io import BytesIO

from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext as _

from wijkkoers.exports import registry
from wijkkoers.exports.context import ExportContext, ImportContext

SCHEMA = "wijkkoers-project/1"
DOCUMENT_NAME = "project.json"
# A fixed time for every member of the zip, so the same project gives the same bytes.
ZIP_TIME = (2026, 1, 1, 0, 0, 0)
# Unpacked, project.json may be this large (a zip of a few MB can unpack to gigabytes).
MAX_DOCUMENT_JSON = 500 * 1024 * 1024


def build(project) -> tuple[dict, list]:
    """The project as one document, and the files that go beside it [(zip name, storage)]."""
    ctx = ExportContext(project)
    sections = {section.key: section.dump(project, ctx) for section in registry.sections()}
    document = {
        "schema": SCHEMA,
        "people": list(ctx.people.values()),
        "sections": sections,
    }
    return document, ctx.files


class Encoder(DjangoJSONEncoder):
    """Moments in UTC with all six decimals: Django's encoder keeps three, and a moment
    whose microseconds are 1-999 would read back as another text (".000Z", then "Z")."""

    def default(self, o):
        if isinstance(o, datetime):
            return o.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
        return super().default(o)


def dumps(document: dict) -> bytes:
    return json.dumps(document, cls=Encoder, ensure_ascii=False, indent=1).encode()


def write_zip(project, out) -> None:
    """project.json and files/<entry> for every document, written to the file object `out`."""
    document, files = build(project)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo(DOCUMENT_NAME, ZIP_TIME), dumps(document))
        for name, stored in files:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            with default_storage.open(stored, "rb") as source:
                archive.writestr(info, source.read(), compress_type=zipfile.ZIP_STORED)


def read(data: bytes) -> tuple[dict | None, zipfile.ZipFile | None, list]:
    """(document, archive, problems) from a zip with project.json, or a bare project.json."""
    archive = None
    raw = data
    if data[:4] == b"PK\x03\x04":
        try:
            archive = zipfile.ZipFile(BytesIO(data))
            if archive.getinfo(DOCUMENT_NAME).file_size > MAX_DOCUMENT_JSON:
                return None, None, [_("project.json is too large to import.")]
            raw = archive.read(DOCUMENT_NAME)
        except (zipfile.BadZipFile, KeyError, OSError, EOFError):
            return None, None, [_("The zip is damaged or holds no project.json.")]
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        return None, None, [_("The file is not valid JSON (%(error)s).") % {"error": error}]
    if not isinstance(document, dict):
        return None, None, [_("The file is not a Wijkkoers project export.")]
    if document.get("schema") != SCHEMA:
        return (
            None,
            None,
            [
                _("The file has schema %(found)s; this installation reads %(expected)s.")
                % {"found": document.get("schema") or _("none"), "expected": SCHEMA}
            ],
        )
    return document, archive, []


def check(document: dict, ctx: ImportContext) -> None:
    """Every problem of the document, before anything is written."""
    people = ctx.items(document, "people", "")
    emails = set()
    for index, person in enumerate(people):
        local = ctx.define(f"people[{index}]", person, "person")
        if local:
            ctx.people[local] = person
        email = str(person.get("email") or "").strip().lower()
        if email and email in emails:
            ctx.problem(
                f"people[{index}]",
                _("the e-mail address %(email)s is used twice.") % {"email": email},
            )
        emails.add(email)
    sections = document.get("sections")
    if not isinstance(sections, dict):
        ctx.problem("sections", _("the sections are missing."))
        return
    known = {section.key for section in registry.sections()}
    for key in sections:
        if key not in known:
            ctx.problem(f"sections.{key}", _("this installation does not know this part."))
    for section in registry.sections():
        data = sections.get(section.key, {})
        if not isinstance(data, dict):
            ctx.problem(f"sections.{section.key}", _("the part is not a set of values."))
            continue
        section.check(data, ctx)


def load(document: dict, ctx: ImportContext) -> None:
    for section in registry.sections():
        section.load(document["sections"].get(section.key, {}), ctx)
