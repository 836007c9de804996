"""Sample files of every allowed kind (and some impostors), and stored files in a tmp dir."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

# A minimal valid one-page PDF.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
WEBP = b"RIFF\x1a\x00\x00\x00WEBPVP8 " + b"\x00" * 32
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200
CSV = b"wijk;woningen;aardgasvrij\nNoord;120;ja\nZuid;80;nee\n"
TEXT = "Verslag van de startbijeenkomst: één besluit.\n".encode()


def _zip(members: list[tuple[str, bytes]], *, store_first=False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (name, data) in enumerate(members):
            compress = zipfile.ZIP_STORED if (store_first and index == 0) else None
            archive.writestr(name, data, compress_type=compress)
    return buffer.getvalue()


def ooxml(part: str) -> bytes:
    """A docx (word/), xlsx (xl/) or pptx (ppt/) shell."""
    return _zip(
        [
            ("[Content_Types].xml", b"<Types/>"),
            ("_rels/.rels", b"<Relationships/>"),
            (f"{part}/document.xml", b"<document/>"),
        ]
    )


def odf(kind: str) -> bytes:
    return _zip(
        [
            ("mimetype", f"application/vnd.oasis.opendocument.{kind}".encode()),
            ("content.xml", b"<office:document-content/>"),
        ],
        store_first=True,
    )


PLAIN_ZIP = _zip([("notes.txt", b"just a zip")])

ALLOWED = {
    "plan.pdf": PDF,
    "notulen.docx": ooxml("word"),
    "begroting.xlsx": ooxml("xl"),
    "presentatie.pptx": ooxml("ppt"),
    "notulen.odt": odf("text"),
    "begroting.ods": odf("spreadsheet"),
    "presentatie.odp": odf("presentation"),
    "oud.doc": OLE2,
    "oud.xls": OLE2,
    "oud.ppt": OLE2,
    "kaart.png": PNG,
    "foto.jpg": JPEG,
    "foto.jpeg": JPEG,
    "plaatje.gif": GIF,
    "plaatje.webp": WEBP,
    "woningen.csv": CSV,
    "verslag.txt": TEXT,
}


def upload(name: str, data: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def stored_files(media_root) -> list:
    return [path for path in media_root.rglob("*") if path.is_file()] if media_root.exists() else []
