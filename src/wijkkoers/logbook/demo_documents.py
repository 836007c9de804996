"""The demo project's documents and links, made through the services like real use."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from wijkkoers.logbook.services.documents import add_link, upload_document

KICK_OFF_STEP = "de-juiste-partijen-aan-tafel"
# A public page about the national programme's knowledge and learning programme
# (opened 2026-11-27): rijksoverheid.nl, "Kennis- en Leerprogramma Aardgasvrije Wijken".
KLP_URL = (
    "https://www.rijksoverheid.nl/onderwerpen/aardgasvrije-wijken/"
    "kennis--en-leerprogramma-aardgasvrije-wijken"
)


def simple_pdf(lines: list[str]) -> bytes:
    """A small valid one-page PDF (A4, Helvetica) with `lines` of ASCII text."""
    text = ["BT", "/F1 14 Tf", "72 770 Td", "18 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        text.append(f"({escaped}) Tj T*")
    text.append("ET")
    stream = "\n".join(text).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def add_demo_documents(project, leader, member, *, municipality=None) -> None:
    """One document (the kick-off report, a generated PDF) and one link."""
    held_on = timezone.localdate() - timedelta(days=100)
    report = simple_pdf(
        [
            "Verslag startbijeenkomst Voorbeeldwijk",
            "",
            "Dit is een voorbeelddocument in het demoproject van Wijkkoers.",
            "Alle namen en afspraken zijn verzonnen.",
            "",
            "Aanwezig: gemeente, woonstichting en energiecooperatie.",
            "Afgesproken: een kernteam en een eerste bewonersavond.",
        ]
    )
    upload_document(
        member,
        project,
        upload=ContentFile(report, name="verslag.pdf"),
        name="Verslag startbijeenkomst Voorbeeldwijk.pdf",
        title="Verslag van de startbijeenkomst",
        occurred_on=held_on,
        step_keys=[KICK_OFF_STEP],
    )
    add_link(
        leader,
        project,
        title="Rijksoverheid: het Kennis- en Leerprogramma Aardgasvrije Wijken",
        url=KLP_URL,
        occurred_on=held_on,
        step_keys=[KICK_OFF_STEP],
        parties=[municipality] if municipality else (),
    )
