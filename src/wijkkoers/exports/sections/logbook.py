"""The logbook: every entry of every kind, decisions and agreements with all revisions,
the steps and parties of each entry, meetings with who was there, documents (their files
beside project.json in the zip) and links. PDF report runs are not exported (they are
made again on request)."""

import hashlib

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from wijkkoers.core.errors import DomainError
from wijkkoers.exports.registry import Section, register_section
from wijkkoers.exports.sections.common import (
    check_steps,
    create_all,
    fields_of,
    ids,
    link_rows,
    links_of,
    pick,
)
from wijkkoers.logbook.models import (
    Action,
    Agreement,
    AgreementRevision,
    Decision,
    DecisionRevision,
    Document,
    Entry,
    EntryKind,
    EntryStep,
    Link,
    Meeting,
)
from wijkkoers.logbook.services.documents import check_upload
from wijkkoers.logbook.services.entries import render_text
from wijkkoers.projects.models import Membership, Party

ENTRY_FIELDS = ("kind", "title", "occurred_on", "status", "created_at", "updated_at")
WITHDRAWAL_FIELDS = ("withdrawn_at", "withdrawal_reason")
DECISION_FIELDS = (
    "number", "title", "text", "status", "decided_on", "decided_by", "rationale",
    "change_reason", "created_at",
)  # fmt: skip
AGREEMENT_FIELDS = (
    "number", "title", "text", "made_on", "due_on", "status", "status_reason",
    "change_reason", "created_at",
)  # fmt: skip
MEETING_FIELDS = ("kind", "place", "other_attendees", "agenda", "minutes")
DOCUMENT_FIELDS = ("original_name", "content_type", "size", "sha256")


# --- Export ---------------------------------------------------------------------------------


def dump(project, ctx) -> dict:
    entries = list(
        Entry.objects.filter(project=project)
        .select_related("created_by", "withdrawn_by")
        .order_by("pk")
    )
    for entry in entries:
        ctx.local("entry", entry)
    details = _details(project, ctx)
    steps: dict = {}
    for entry_id, key in (
        EntryStep.objects.filter(project=project).order_by("pk").values_list("entry_id", "step_key")
    ):
        steps.setdefault(entry_id, []).append(key)
    parties = links_of(Entry, "parties", entry__project=project)
    return {
        "entries": [
            {
                "id": ctx.local("entry", entry),
                **fields_of(entry, ENTRY_FIELDS),
                "meeting": ctx.ref(Entry, entry.meeting_id),
                "steps": steps.get(entry.pk, []),
                "parties": ids(ctx, Party, parties.get(entry.pk, [])),
                "created_by": ctx.person(entry.created_by),
                "withdrawn_by": ctx.person(entry.withdrawn_by),
                **fields_of(entry, WITHDRAWAL_FIELDS),
                entry.kind: details[entry.kind].get(entry.pk),
            }
            for entry in entries
        ]
    }


def _details(project, ctx) -> dict:
    """Per kind: {entry pk: the kind's own part}."""
    return {
        EntryKind.DECISION: _decisions(project, ctx),
        EntryKind.AGREEMENT: _agreements(project, ctx),
        EntryKind.ACTION: {
            action.pk: {
                "owner": ctx.ref(Membership, action.owner_id),
                "due_on": action.due_on,
                "done_at": action.done_at,
                "done_by": ctx.person(action.done_by),
            }
            for action in Action.objects.filter(entry__project=project)
            .select_related("done_by")
            .order_by("pk")
        },
        EntryKind.MEETING: _meetings(project, ctx),
        EntryKind.DOCUMENT: {
            document.pk: {
                **fields_of(document, DOCUMENT_FIELDS),
                "file": ctx.add_file(ctx.ref(Entry, document.pk), document.file.name),
            }
            for document in Document.objects.filter(entry__project=project).order_by("pk")
        },
        EntryKind.LINK: {
            link.pk: {"url": link.url}
            for link in Link.objects.filter(entry__project=project).order_by("pk")
        },
    }


def _revisions(ctx, model, owner, fields, project, refs) -> dict:
    """{owner pk: [revision, ...]} for decisions or agreements, with their links."""
    rows = model.objects.filter(**{f"{owner}__entry__project": project})
    rows = rows.select_related("created_by").order_by(owner, "number")
    through_filter = {f"{model._meta.model_name}__{owner}__entry__project": project}
    links = {name: links_of(model, name, **through_filter) for name in refs}
    result: dict = {}
    for revision in rows:
        item = {**fields_of(revision, fields), "steps": revision.step_keys}
        for name, target in refs.items():
            item[name] = ids(ctx, target, links[name].get(revision.pk, []))
        for name in ("owner_member", "owner_party"):
            if hasattr(revision, f"{name}_id"):
                target = Membership if name == "owner_member" else Party
                item[name] = ctx.ref(target, getattr(revision, f"{name}_id"))
        item["created_by"] = ctx.person(revision.created_by)
        result.setdefault(getattr(revision, f"{owner}_id"), []).append(item)
    return result


def _with_current(model, project, revisions) -> dict:
    current = dict(
        model.objects.filter(entry__project=project).values_list("pk", "current__number")
    )
    return {pk: {"current": current.get(pk), "revisions": items} for pk, items in revisions.items()}


def _decisions(project, ctx) -> dict:
    refs = {"parties_agreed": Party, "parties_objected": Party, "replaces": Entry, "amends": Entry}
    revisions = _revisions(ctx, DecisionRevision, "decision", DECISION_FIELDS, project, refs)
    return _with_current(Decision, project, revisions)


def _agreements(project, ctx) -> dict:
    revisions = _revisions(ctx, AgreementRevision, "agreement", AGREEMENT_FIELDS, project, {})
    return _with_current(Agreement, project, revisions)


def _meetings(project, ctx) -> dict:
    members = links_of(Meeting, "attendee_members", meeting__entry__project=project)
    parties = links_of(Meeting, "attendee_parties", meeting__entry__project=project)
    return {
        meeting.pk: {
            **fields_of(meeting, MEETING_FIELDS),
            "attendee_members": ids(ctx, Membership, members.get(meeting.pk, [])),
            "attendee_parties": ids(ctx, Party, parties.get(meeting.pk, [])),
        }
        for meeting in Meeting.objects.filter(entry__project=project).order_by("pk")
    }


# --- Check ----------------------------------------------------------------------------------


def check(data, ctx) -> None:
    entries = ctx.items(data, "entries", "logbook")
    for index, item in enumerate(entries):
        ctx.define(f"logbook.entries[{index}]", item, "entry")
    kinds = {item.get("id"): item.get("kind") for item in entries}
    for index, item in enumerate(entries):
        at = f"logbook.entries[{index}]"
        kind = item.get("kind")
        _check_kind(ctx, f"{at}.meeting", kinds, [item.get("meeting")], EntryKind.MEETING)
        if kind == EntryKind.DECISION and isinstance(item.get(kind), dict):
            for revision in ctx.items(item[kind], "revisions", at):
                for name in ("replaces", "amends"):
                    _check_kind(ctx, f"{at}.{name}", kinds, revision.get(name), kind)
        if kind not in EntryKind.values:
            ctx.problem(f"{at}.kind", _("unknown kind of entry %(kind)s.") % {"kind": kind})
            continue
        if not isinstance(item.get(kind), dict):
            ctx.problem(f"{at}.{kind}", _("the details of the entry are missing."))
            continue
        ctx.reference(f"{at}.meeting", item.get("meeting"), "entry")
        ctx.references(f"{at}.parties", item.get("parties", []), "party")
        check_steps(ctx, f"{at}.steps", item.get("steps", []))
        for name in ("created_by", "withdrawn_by"):
            ctx.reference(f"{at}.{name}", item.get(name), "person")
        CHECKS.get(kind, lambda *args: None)(ctx, f"{at}.{kind}", item[kind])


def _check_kind(ctx, where, kinds, locals_, kind) -> None:
    for local in locals_ if isinstance(locals_, list) else ():
        if local is not None and local in kinds and kinds[local] != kind:
            ctx.problem(where, _("%(id)s is not a %(kind)s.") % {"id": local, "kind": kind.label})


def _check_revisions(ctx, where, detail, refs) -> None:
    revisions = ctx.items(detail, "revisions", where)
    if not revisions:
        ctx.problem(f"{where}.revisions", _("at least one version is needed."))
    if detail.get("current") not in [revision.get("number") for revision in revisions]:
        ctx.problem(f"{where}.current", _("names no version of the entry."))
    for index, revision in enumerate(revisions):
        at = f"{where}.revisions[{index}]"
        check_steps(ctx, f"{at}.steps", revision.get("steps", []))
        ctx.reference(f"{at}.created_by", revision.get("created_by"), "person")
        for name, kind in refs.items():
            value = revision.get(
                name, [] if kind == "entry" or name.startswith("parties") else None
            )
            if isinstance(value, list):
                ctx.references(f"{at}.{name}", value, kind)
            else:
                ctx.reference(f"{at}.{name}", value, kind)


def _check_document(ctx, where, detail) -> None:
    name = detail.get("file")
    if ctx.archive is None or name not in ctx.archive.namelist():
        ctx.problem(f"{where}.file", _("the file %(name)s is not in the zip.") % {"name": name})
    elif ctx.archive.getinfo(name).file_size != detail.get("size"):
        ctx.problem(f"{where}.file", _("the file does not match its size and checksum."))


CHECKS = {
    EntryKind.DECISION: lambda ctx, at, detail: _check_revisions(
        ctx,
        at,
        detail,
        {
            "parties_agreed": "party",
            "parties_objected": "party",
            "replaces": "entry",
            "amends": "entry",
        },
    ),
    EntryKind.AGREEMENT: lambda ctx, at, detail: _check_revisions(
        ctx, at, detail, {"owner_member": "member", "owner_party": "party"}
    ),
    EntryKind.ACTION: lambda ctx, at, detail: (
        ctx.reference(f"{at}.owner", detail.get("owner"), "member"),
        ctx.reference(f"{at}.done_by", detail.get("done_by"), "person"),
    ),
    EntryKind.MEETING: lambda ctx, at, detail: (
        ctx.references(f"{at}.attendee_members", detail.get("attendee_members", []), "member"),
        ctx.references(f"{at}.attendee_parties", detail.get("attendee_parties", []), "party"),
    ),
    EntryKind.DOCUMENT: _check_document,
}


# --- Import ---------------------------------------------------------------------------------


def load(data, ctx) -> None:
    items = data.get("entries", [])
    entries = []
    for index, item in enumerate(items):
        entry = Entry(
            project=ctx.project,
            created_by=ctx.user(item.get("created_by")),
            withdrawn_by=ctx.user(item.get("withdrawn_by")),
            **pick(item, ENTRY_FIELDS + WITHDRAWAL_FIELDS),
        )
        entries.append(ctx.validated(f"logbook.entries[{index}]", entry))
        ctx.bind(item["id"], entry)
    create_all(ctx, Entry, entries, keep=("created_at", "updated_at"))
    EntryStep.objects.bulk_create(
        [
            EntryStep(entry=entry, project=ctx.project, step_key=key)
            for item, entry in zip(items, entries, strict=True)
            for key in item.get("steps", [])
        ],
        batch_size=500,
    )
    link_rows(Entry, "parties", _pairs(ctx, items, lambda item: item.get("parties")))
    by_kind: dict = {}
    for index, item in enumerate(items):
        by_kind.setdefault(item["kind"], []).append((index, item, ctx.obj(item["id"])))
    for kind, rows in by_kind.items():
        LOADERS[kind](ctx, rows)
    with_meeting = []
    for item, entry in zip(items, entries, strict=True):
        if item.get("meeting"):
            entry.meeting_id = ctx.obj(item["meeting"]).pk  # a meeting's pk is its entry's
            with_meeting.append(entry)
    Entry.objects.bulk_update(with_meeting, ["meeting"], batch_size=500)


def _pairs(ctx, items, targets) -> list:
    return [
        (ctx.obj(item["id"]), other) for item in items for other in ctx.objs(targets(item) or [])
    ]


def _load_revisions(ctx, rows, owner_model, model, fields, refs) -> None:
    owners = create_all(ctx, owner_model, [owner_model(entry=entry) for _, _, entry in rows])
    revisions, planned = [], []
    for (index, item, entry), owner in zip(rows, owners, strict=True):
        detail = item[entry.kind]
        for number, revision_item in enumerate(detail.get("revisions", [])):
            revision = model(
                **{owner_model._meta.model_name: owner},
                step_keys=revision_item.get("steps", []),
                created_by=ctx.user(revision_item.get("created_by")),
                **pick(revision_item, fields),
            )
            for name in ("owner_member", "owner_party"):
                if name in revision_item:
                    setattr(revision, name, ctx.obj(revision_item[name]))
            for name in ("text", "rationale"):
                if hasattr(revision, f"{name}_html"):
                    setattr(revision, f"{name}_html", render_text(getattr(revision, name) or ""))
            where = f"logbook.entries[{index}].{entry.kind}.revisions[{number}]"
            revisions.append(ctx.validated(where, revision, exclude=["step_keys"]))
            planned.append((revision, revision_item))
            if revision_item.get("number") == detail.get("current"):
                owner.current = revision
    create_all(ctx, model, revisions, keep=("created_at",))
    for name in refs:
        link_rows(
            model,
            name,
            [
                (revision, other)
                for revision, item in planned
                for other in _decision_targets(ctx, item.get(name) or [], name)
            ],
        )
    owner_model.objects.bulk_update(owners, ["current"], batch_size=500)


def _decision_targets(ctx, locals_, name) -> list:
    found = ctx.objs(locals_)
    # replaces/amends point at the decision of an entry, not the entry itself.
    return [entry.decision for entry in found] if name in ("replaces", "amends") else found


def _load_decisions(ctx, rows) -> None:
    refs = ("parties_agreed", "parties_objected", "replaces", "amends")
    _load_revisions(ctx, rows, Decision, DecisionRevision, DECISION_FIELDS, refs)


def _load_agreements(ctx, rows) -> None:
    _load_revisions(ctx, rows, Agreement, AgreementRevision, AGREEMENT_FIELDS, ())


def _load_actions(ctx, rows) -> None:
    actions = []
    for index, item, entry in rows:
        detail = item["actie"]
        action = Action(
            entry=entry,
            owner=ctx.obj(detail.get("owner")),
            due_on=detail.get("due_on"),
            done_at=detail.get("done_at"),
            done_by=ctx.user(detail.get("done_by")),
        )
        actions.append(ctx.validated(f"logbook.entries[{index}].actie", action))
    create_all(ctx, Action, actions)


def _load_meetings(ctx, rows) -> None:
    meetings = []
    for index, item, entry in rows:
        detail = item["bijeenkomst"]
        meeting = Meeting(entry=entry, **pick(detail, MEETING_FIELDS))
        meeting.agenda_html = render_text(meeting.agenda or "")
        meeting.minutes_html = render_text(meeting.minutes or "")
        meetings.append(ctx.validated(f"logbook.entries[{index}].bijeenkomst", meeting))
    create_all(ctx, Meeting, meetings)
    details = [item["bijeenkomst"] for _, item, _ in rows]
    for name in ("attendee_members", "attendee_parties"):
        link_rows(
            Meeting,
            name,
            [
                (meeting, other)
                for meeting, detail in zip(meetings, details, strict=True)
                for other in ctx.objs(detail.get(name) or [])
            ],
        )


def _load_documents(ctx, rows) -> None:
    documents = []
    for index, item, entry in rows:
        detail = item["document"]
        where = f"logbook.entries[{index}].document"
        content = ctx.archive.read(detail["file"])
        if hashlib.sha256(content).hexdigest() != detail.get("sha256") or len(
            content
        ) != detail.get("size"):
            ctx.problem(f"{where}.file", _("the file does not match its size and checksum."))
            continue
        document = Document(entry=entry, **pick(detail, DOCUMENT_FIELDS))
        upload = ContentFile(content, name=document.original_name or "document")
        try:
            # The same checks as an upload here: the allow-list, and content by its bytes.
            document.content_type = check_upload(upload, upload.name).content_type
        except DomainError as refused:
            ctx.problem(f"{where}.file", refused)
            continue
        ctx.validated(where, document, exclude=["file"])
        document.file.save("import", ContentFile(content), save=False)
        ctx.stored_files.append(document.file.name)
        documents.append(document)
    create_all(ctx, Document, documents)


def _load_links(ctx, rows) -> None:
    links = [
        ctx.validated(
            f"logbook.entries[{index}].link", Link(entry=entry, url=item["link"].get("url"))
        )
        for index, item, entry in rows
    ]
    create_all(ctx, Link, links)


LOADERS = {
    EntryKind.DECISION: _load_decisions,
    EntryKind.AGREEMENT: _load_agreements,
    EntryKind.ACTION: _load_actions,
    EntryKind.MEETING: _load_meetings,
    EntryKind.DOCUMENT: _load_documents,
    EntryKind.LINK: _load_links,
}


def register() -> None:
    register_section(Section(key="logbook", order=20, dump=dump, check=check, load=load))
