"""What a project export holds, contributed per app: sections of the full export and sheets.

Each app that owns project data registers, in its `AppConfig.ready()` (or here for the apps
that existed before this one), one `Section` and any number of `Sheet`s. The exporter,
the importer and the spreadsheet downloads read this registry only, so a tool app joins
the export by registering; it never needs a change in `exports`.

- `Section.dump(project, ctx) -> dict`: the section's part of `project.json`, in a stable
  order, every object by the local id `ctx.local(...)` gives it, every person by
  `ctx.person(user)`; files through `ctx.add_file(...)`.
- `Section.check(data, ctx)`: every problem with the section's data (`ctx.problem(...)`),
  before anything is written; `ctx.known(kind, local_id)` says whether a reference exists.
- `Section.load(data, ctx)`: writes the rows (inside the import's one transaction) and
  names each new object with `ctx.bind(local_id, obj)` so later sections can point at it.
- `Sheet.rows(project)`: the spreadsheet rows, labels not codes, at a fixed query count.

Sections run in `order` (dump, check and load alike): a section may refer only to objects
of sections before it.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Section:
    key: str  # the key in project.json's "sections"
    order: int
    dump: Callable
    check: Callable
    load: Callable


@dataclass(frozen=True)
class Sheet:
    key: str  # the file name's part: "besluiten"
    title: object  # the sheet's name (translatable, at most 31 characters in Excel)
    columns: tuple  # translatable column names
    rows: Callable[[object], Iterable[list]]  # (project) -> rows of plain values
    order: int = 100


_sections: dict[str, Section] = {}
_sheets: dict[str, Sheet] = {}


def register_section(section: Section) -> Section:
    if _sections.setdefault(section.key, section) is not section:
        raise ImproperlyConfigured(f"Export section {section.key!r} is registered twice.")
    return section


def register_sheet(sheet: Sheet) -> Sheet:
    if _sheets.setdefault(sheet.key, sheet) is not sheet:
        raise ImproperlyConfigured(f"Export sheet {sheet.key!r} is registered twice.")
    return sheet


def sections() -> list[Section]:
    return sorted(_sections.values(), key=lambda section: (section.order, section.key))


def sheets() -> list[Sheet]:
    return sorted(_sheets.values(), key=lambda sheet: (sheet.order, sheet.key))


def get_sheet(key: str) -> Sheet | None:
    return _sheets.get(key)
