"""Reads of the stakeholder register and the power-interest map, each a fixed number of queries.

The map places every stakeholder by its newest assessment on the Mendelow grid. A score of
3 or more counts as high (HIGH): the midpoint of the 1-5 scale falls on the side that asks
for attention, so a stakeholder the team is unsure about is not overlooked.
"""

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Max, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from wijkkoers.method.models import PartyType
from wijkkoers.stakeholders.models import SCORE_MAX, Assessment, Priority, Stakeholder

HIGH = 3  # a power or interest score of HIGH or more counts as high


@dataclass(frozen=True)
class Quadrant:
    key: str
    name: object
    approach: object
    high_power: bool
    high_interest: bool


QUADRANTS = (
    Quadrant(
        "nauw-betrekken",
        _("Manage closely"),
        _(
            "Much power and much interest: work with them as partners. Involve them early "
            "in choices, agree together how you decide, and meet them often."
        ),
        True,
        True,
    ),
    Quadrant(
        "tevreden-houden",
        _("Keep satisfied"),
        _(
            "Much power, little interest so far: make sure their concerns are met without "
            "asking too much of their time. Check their view at the moments that matter and "
            "watch for growing interest."
        ),
        True,
        False,
    ),
    Quadrant(
        "informeren",
        _("Keep informed"),
        _(
            "Little power, much interest: keep them up to date, listen to them and use their "
            "knowledge of the neighbourhood. They can help carry the approach."
        ),
        False,
        True,
    ),
    Quadrant(
        "monitoren",
        _("Monitor"),
        _(
            "Little power and little interest: keep an eye on them with little effort and "
            "general information, and look again when their position changes."
        ),
        False,
        False,
    ),
)


# (high power, high interest) -> quadrant; a list of 300 compares quadrants by identity (their
# equality compares the lazy translated names).
_BY_HEIGHT = {(q.high_power, q.high_interest): q for q in QUADRANTS}


def quadrant_of(power: int | None, interest: int | None) -> Quadrant | None:
    if power is None or interest is None:
        return None
    return _BY_HEIGHT[power >= HIGH, interest >= HIGH]


def _newest(field_name: str, until: date | None = None):
    assessments = Assessment.objects.filter(stakeholder=OuterRef("pk"))
    if until is not None:
        assessments = assessments.filter(assessed_on__lte=until)
    return Subquery(assessments.order_by("-assessed_on", "-id").values(field_name)[:1])


# The columns the register's and the map's rows show. Loading every column of 300
# stakeholders and parties (long texts included) cost a third of the query's Python time.
PAGE_FIELDS = (
    "public_id",
    "project",
    "role_in_project",
    "position",
    "party__public_id",
    "party__name",
    "party__party_type",
    "party__other_type",
)


def _stakeholders(project, *, since: date | None = None, fields: tuple = ()):
    """The project's stakeholders with their party, kind name and newest assessment; and,
    given `since`, the assessment that was newest on that date. One query. With `fields`
    only those columns are loaded (PAGE_FIELDS for the pages)."""
    kind = PartyType.objects.filter(key=OuterRef("party__party_type")).values("name")[:1]
    first = Priority.objects.filter(stakeholder=OuterRef("pk")).order_by("rank").values("text")
    rows = (
        Stakeholder.objects.filter(project=project)
        .select_related("party")
        .annotate(
            kind_name=Subquery(kind),
            top_priority=Subquery(first[:1]),
            now_power=_newest("power"),
            now_interest=_newest("interest"),
            now_on=_newest("assessed_on"),
        )
        .order_by("party__name", "pk")
    )
    if fields:
        rows = rows.only(*fields)
    if since is not None:
        rows = rows.annotate(
            then_power=_newest("power", since),
            then_interest=_newest("interest", since),
            then_on=_newest("assessed_on", since),
        )
    result = list(rows)
    for number, row in enumerate(result, start=1):
        row.number = number
        row.party.method_type_name = row.kind_name  # Party.type_label reads it: no query
        row.quadrant = quadrant_of(row.now_power, row.now_interest)
    return result


def register_rows(project, *, fields: tuple = ()) -> list:
    """The register page: every stakeholder with its kind, top priority and newest scores
    (the page passes PAGE_FIELDS; the API reads every column)."""
    return _stakeholders(project, fields=fields)


def stakeholder_history(stakeholder) -> list:
    """Every assessment of a stakeholder, newest first."""
    return list(stakeholder.assessments.select_related("created_by"))


# --- The map ------------------------------------------------------------------------------

CELL = 100  # one score step on the SVG
LEFT, TOP = 70, 20  # room for the power axis on the left
BAND = 18  # the top of every cell is kept free: the quadrant names sit there
PLOT = CELL * SCORE_MAX
SIDE = LEFT + PLOT + 10  # the SVG's width; its height is the same (the interest axis below)


def _cell_origin(power: int, interest: int) -> tuple[int, int]:
    return LEFT + (interest - 1) * CELL, TOP + (SCORE_MAX - power) * CELL


def _centre(power: int, interest: int) -> tuple[float, float]:
    x, y = _cell_origin(power, interest)
    return x + CELL / 2, y + BAND + (CELL - BAND) / 2


def _place(rows) -> None:
    """Give every assessed row x, y and r: the stakeholders in one cell share it in a grid."""
    cells: dict[tuple[int, int], list] = {}
    for row in rows:
        if row.now_power is not None:
            cells.setdefault((row.now_power, row.now_interest), []).append(row)
    for (power, interest), members in cells.items():
        columns = math.ceil(math.sqrt(len(members)))
        lines = math.ceil(len(members) / columns)
        step = min(24.0, (CELL - 8) / columns, (CELL - BAND - 4) / lines)
        cx, cy = _centre(power, interest)
        for index, row in enumerate(members):
            column, line = index % columns, index // columns
            row.x = round(cx + (column - (columns - 1) / 2) * step, 1)
            row.y = round(cy + (line - (lines - 1) / 2) * step, 1)
            row.r = round(min(11.0, step * 0.46), 1)
            row.label_size = round(row.r * (1.0 if row.number < 100 else 0.8), 1)


@dataclass
class Movement:
    arrow: str  # the direction as an arrow character: "↗", "↓", "→" ...
    x1: float = 0
    y1: float = 0
    x2: float = 0
    y2: float = 0


def _arrow(d_power: int, d_interest: int) -> str:
    vertical = "↑" if d_power > 0 else "↓"
    horizontal = "→" if d_interest > 0 else "←"
    if d_power and d_interest:
        return {(1, 1): "↗", (1, -1): "↖", (-1, 1): "↘", (-1, -1): "↙"}[
            (1 if d_power > 0 else -1, 1 if d_interest > 0 else -1)
        ]
    return vertical if d_power else horizontal


def _movements(rows) -> None:
    """Per row with an assessment then and now that differ: the arrow from then to now."""
    for row in rows:
        row.movement = None
        then = getattr(row, "then_power", None)
        if then is None or row.now_power is None:
            continue
        d_power, d_interest = row.now_power - then, row.now_interest - row.then_interest
        if not (d_power or d_interest):
            continue
        x1, y1 = _centre(then, row.then_interest)
        # End at the circle's edge, so the arrowhead stays visible beside the number.
        length = math.hypot(row.x - x1, row.y - y1) or 1
        back = (row.r + 1) / length
        x2, y2 = row.x - (row.x - x1) * back, row.y - (row.y - y1) * back
        row.movement = Movement(_arrow(d_power, d_interest), x1, y1, round(x2, 1), round(y2, 1))


@dataclass
class PowerMap:
    rows: list  # every stakeholder, numbered; assessed ones with x, y, r
    placed: list  # the assessed ones (on the map)
    unassessed: list
    since: date | None
    counts: list  # (quadrant, number of stakeholders in it)
    moved: int  # how many moved since `since`


def power_map(project, *, since: date | None = None) -> PowerMap:
    """The map page: one query, whatever the number of stakeholders."""
    rows = _stakeholders(project, since=since, fields=PAGE_FIELDS)
    _place(rows)
    _movements(rows)
    placed = [row for row in rows if row.quadrant]
    counts = [(q, sum(1 for row in placed if row.quadrant is q)) for q in QUADRANTS]
    return PowerMap(
        rows=rows,
        placed=placed,
        unassessed=[row for row in rows if not row.quadrant],
        since=since,
        counts=counts,
        moved=sum(1 for row in rows if row.movement),
    )


def grid() -> dict:
    """The fixed parts of the SVG: cells, dividing lines, quadrant areas, axis ticks."""
    middle = HIGH - 1  # cells below HIGH on each axis
    divide_x = LEFT + middle * CELL
    divide_y = TOP + (SCORE_MAX - middle) * CELL
    names = {(q.high_power, q.high_interest): q for q in QUADRANTS}
    areas = [
        (names[True, False], LEFT, TOP, divide_x - LEFT, divide_y - TOP),
        (names[True, True], divide_x, TOP, LEFT + PLOT - divide_x, divide_y - TOP),
        (names[False, False], LEFT, divide_y, divide_x - LEFT, TOP + PLOT - divide_y),
        (names[False, True], divide_x, divide_y, LEFT + PLOT - divide_x, TOP + PLOT - divide_y),
    ]
    scores = range(1, SCORE_MAX + 1)
    return {
        "side": SIDE,
        "left": LEFT,
        "top": TOP,
        "plot": PLOT,
        "right": LEFT + PLOT,
        "bottom": TOP + PLOT,
        "divide_x": divide_x,
        "divide_y": divide_y,
        "areas": [
            {"quadrant": q, "x": x, "y": y, "width": w, "height": h, "label_x": x + 6}
            for q, x, y, w, h in areas
        ],
        "lines": [TOP + i * CELL for i in range(1, SCORE_MAX)],
        "columns": [LEFT + i * CELL for i in range(1, SCORE_MAX)],
        "x_ticks": [(s, LEFT + (s - 0.5) * CELL) for s in scores],
        "y_ticks": [(s, TOP + (SCORE_MAX - s + 0.5) * CELL + 4) for s in scores],
        "axis_y": TOP + PLOT + 22,
        "axis_label_y": TOP + PLOT + 44,
        "axis_label_x": LEFT + PLOT / 2,
        "power_label_x": 18,
        "power_label_y": TOP + PLOT / 2,
        "tick_x": LEFT - 12,
    }


# --- The tool's state ---------------------------------------------------------------------


@dataclass
class RegisterState:
    stakeholders: int
    counts: list  # (quadrant, number)
    latest: date | None


def register_state(project) -> RegisterState:
    """For the tool summary (step page, briefing, report): two queries, whatever the size."""
    scores = Stakeholder.objects.filter(project=project).annotate(
        now_power=_newest("power"), now_interest=_newest("interest")
    )
    pairs = list(scores.values_list("now_power", "now_interest"))
    quadrants = Counter(id(quadrant_of(power, interest)) for power, interest in pairs)
    latest = Assessment.objects.filter(project=project).aggregate(latest=Max("assessed_on"))
    return RegisterState(
        stakeholders=len(pairs),
        counts=[(q, quadrants[id(q)]) for q in QUADRANTS],
        latest=latest["latest"],
    )
