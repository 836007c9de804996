"""What the documents and links pages read: lists, steps and parties, the step choices."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.urls import NoReverseMatch, reverse

from wijkkoers.logbook.models import Document, EntryKind, EntryStep, Link
from wijkkoers.method.catalogue import get_catalogue

PER_PAGE = 50

_STEPS = Prefetch("entry__steps", queryset=EntryStep.objects.order_by("pk"))
_PARTIES = "entry__parties"


def documents_page(project, page_number=1):
    """One page of the project's documents, newest first, with their steps and parties."""
    documents = (
        Document.objects.filter(entry__project=project)
        .select_related("entry")
        .prefetch_related(_STEPS, _PARTIES)
        .order_by("-entry__occurred_on", "-entry__id")
    )
    return Paginator(documents, PER_PAGE).get_page(page_number)


def links_page(project, page_number=1):
    """One page of the project's links, newest first, with their steps and parties."""
    links = (
        Link.objects.filter(entry__project=project)
        .select_related("entry")
        .prefetch_related(_STEPS, _PARTIES)
        .order_by("-entry__occurred_on", "-entry__id")
    )
    return Paginator(links, PER_PAGE).get_page(page_number)


def steps_named(keys) -> list:
    """(key, "1.2 Title") for step keys, as the method names them now; unknown keys as such."""
    steps = get_catalogue().steps
    named = []
    for key in keys:
        step = steps.get(key)
        named.append((key, f"{step.display_number} {step.title}" if step else key))
    return named


def entry_steps(entry) -> list:
    """The named steps of an entry whose steps were prefetched (or are read now)."""
    return steps_named([link.step_key for link in entry.steps.all()])


def step_choices() -> list:
    """The method's steps for a select, grouped per phase: [(phase, [(key, label), ...])]."""
    catalogue = get_catalogue()
    return [
        (
            f"{phase.number}. {phase.title}",
            [
                (step.key, f"{step.display_number} {step.title}")
                for step in catalogue.steps_of_phase(phase.number)
            ],
        )
        for phase in catalogue.phases
    ]


# Logbook pages of the other kinds, by URL name: logcore's pages (looked up, so this
# module does not depend on their names existing yet).
_ENTRY_URL_NAMES = {
    EntryKind.DECISION: f"logbook:{EntryKind.DECISION}",
    EntryKind.AGREEMENT: f"logbook:{EntryKind.AGREEMENT}",
    EntryKind.ACTION: f"logbook:{EntryKind.ACTION}",
    EntryKind.MEETING: f"logbook:{EntryKind.MEETING}",
    EntryKind.DOCUMENT: "logbook:document",
    EntryKind.LINK: "logbook:link",
}


def entry_url(project, entry) -> str | None:
    """The page of one logbook entry, or None if its kind has no page (yet)."""
    name = _ENTRY_URL_NAMES.get(entry.kind)
    if name is None:
        return None
    try:
        return reverse(name, args=[project.public_id, entry.public_id])
    except NoReverseMatch:
        return None
