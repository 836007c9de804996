"""The demo project's document and link come through the services."""

from wijkkoers.logbook.demo_documents import simple_pdf
from wijkkoers.logbook.models import Document, Link
from wijkkoers.projects.demo import create_demo_project


def test_the_demo_has_a_document_and_a_link(alice, bob, mila, method):
    project = create_demo_project(alice, bob, mila)

    document = Document.objects.get(entry__project=project)
    assert document.content_type == "application/pdf"
    assert document.file.read().startswith(b"%PDF-1.4")
    assert document.entry.steps.exists()
    link = Link.objects.get(entry__project=project)
    assert link.url.startswith("https://www.rijksoverheid.nl/")
    assert create_demo_project(alice, bob, mila) == project
    assert Document.objects.filter(entry__project=project).count() == 1


def test_the_generated_pdf_has_a_correct_cross_reference_table():
    pdf = simple_pdf(["Regel (een)", "Regel twee"])

    start = int(pdf.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    assert pdf[start:].startswith(b"xref\n0 6\n")
    offsets = [int(line[:10]) for line in pdf[start:].split(b"\n")[3:8]]
    for number, offset in enumerate(offsets, start=1):
        assert pdf[offset:].startswith(b"%d 0 obj" % number)
    assert b"(Regel \\(een\\)) Tj" in pdf
