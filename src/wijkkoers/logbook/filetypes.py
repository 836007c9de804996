"""Which files the logbook takes, recognised by their bytes, never by their name alone.

`sniff(file, name)` reads the file's content and says what it is; the name's extension
must be on the allow-list and agree with the content. What is stored as the file's content
type comes from this table, never from what the browser said.

- PDF and the images: their magic numbers (`filetype`).
- OOXML (docx, xlsx, pptx): a zip with `[Content_Types].xml` and parts under word/, xl/ or
  ppt/. Only the zip's directory is read, never a member, so a zip bomb costs nothing.
- ODF (odt, ods, odp): a zip whose first member is `mimetype`, naming the kind.
- The legacy Office formats (doc, xls, ppt): an OLE2 compound file. The three share that
  container and tell each other apart only deep inside it, so the extension decides which
  of the three it is.
- CSV and plain text: UTF-8 (a byte order mark allowed) without NUL bytes, all of it.
"""

import codecs
import zipfile
from dataclasses import dataclass

import filetype

MB = 1024 * 1024
MAX_DOCUMENT_SIZE = 25 * MB
CHUNK = 64 * 1024
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class FileKind:
    key: str  # what sniffing says ("docx", "ole", "text", ...)
    content_type: str  # what the download is served as
    label: str  # how a person calls it


KINDS = {
    "pdf": FileKind("pdf", "application/pdf", "PDF"),
    "docx": FileKind(
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Word",
    ),
    "xlsx": FileKind(
        "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"
    ),
    "pptx": FileKind(
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "PowerPoint",
    ),
    "odt": FileKind("odt", "application/vnd.oasis.opendocument.text", "OpenDocument"),
    "ods": FileKind("ods", "application/vnd.oasis.opendocument.spreadsheet", "OpenDocument"),
    "odp": FileKind("odp", "application/vnd.oasis.opendocument.presentation", "OpenDocument"),
    "doc": FileKind("ole", "application/msword", "Word"),
    "xls": FileKind("ole", "application/vnd.ms-excel", "Excel"),
    "ppt": FileKind("ole", "application/vnd.ms-powerpoint", "PowerPoint"),
    "png": FileKind("png", "image/png", "PNG"),
    "jpg": FileKind("jpg", "image/jpeg", "JPEG"),
    "jpeg": FileKind("jpg", "image/jpeg", "JPEG"),
    "gif": FileKind("gif", "image/gif", "GIF"),
    "webp": FileKind("webp", "image/webp", "WebP"),
    "csv": FileKind("text", "text/csv; charset=utf-8", "CSV"),
    "txt": FileKind("text", "text/plain; charset=utf-8", "tekst"),
}
ALLOWED_EXTENSIONS = tuple(KINDS)
ACCEPT = ",".join(f".{ext}" for ext in ALLOWED_EXTENSIONS)  # for <input accept>

ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}
OOXML_PARTS = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
IMAGE_TYPES = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp"}


class NotAllowed(ValueError):
    """The name's extension is not on the allow-list."""


class Mismatch(ValueError):
    """The content is not what the name says."""


def extension_of(name: str) -> str:
    """The lower-case extension of a file name ("" if none); a path in the name is ignored."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[-1].lower().strip() if "." in base else ""


def sniff(file, name: str) -> FileKind:
    """The kind of an uploaded file, from its bytes; raises NotAllowed or Mismatch.

    `file` is a Django File (or any binary file object); it is read, then rewound.
    """
    expected = KINDS.get(extension_of(name))
    if expected is None:
        raise NotAllowed
    try:
        found = _content_kind(file, expected)
    finally:
        file.seek(0)
    if found != expected.key:
        raise Mismatch
    return expected


def _content_kind(file, expected: FileKind) -> str | None:
    file.seek(0)
    head = file.read(8192)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(OLE2_MAGIC):
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(file)
    guessed = filetype.guess(head)
    if guessed is not None and guessed.mime in IMAGE_TYPES:
        return IMAGE_TYPES[guessed.mime]
    if guessed is None and expected.key == "text" and _is_utf8_text(file):
        return "text"
    return None


def _zip_kind(file) -> str | None:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            infos = archive.infolist()
            names = [info.filename for info in infos]
            if infos and names[0] == "mimetype" and infos[0].file_size <= 100:
                with archive.open(infos[0]) as member:
                    return ODF_MIMETYPES.get(member.read(100).strip())
            if "[Content_Types].xml" in names:
                found = {
                    kind
                    for prefix, kind in OOXML_PARTS.items()
                    if any(n.startswith(prefix) for n in names)
                }
                return found.pop() if len(found) == 1 else None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, RuntimeError):
        return None
    return None


def _is_utf8_text(file) -> bool:
    """All of the file is UTF-8 without NUL bytes (read in chunks)."""
    file.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := file.read(CHUNK):
            if b"\x00" in chunk:
                return False
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True
