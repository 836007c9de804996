"""Read-side of roles and the RACI matrix: a fixed number of queries however many rows."""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkkoers.raci.models import Letter, RaciCell, RaciRow, TeamRole

FLAG_TEXT = gettext_lazy("RACI: no valid A and R assigned")


def row_problem(accountable: int, responsible: int) -> str:
    """What is wrong with a row that has these counts of A and R ("" when nothing is)."""
    if accountable == 1 and responsible >= 1:
        return ""
    if accountable == 0 and responsible == 0:
        return _("No A and no R")
    if accountable == 0:
        return _("No A")
    if accountable > 1:
        return _("More than one A")
    return _("No R")


@dataclass
class MatrixRow:
    row: RaciRow
    letters: dict = field(default_factory=dict)  # role id -> letter
    cells: list = field(default_factory=list)  # (role, letter or "") in the roles' order

    @property
    def problem(self) -> str:
        values = list(self.letters.values())
        return row_problem(values.count(Letter.ACCOUNTABLE), values.count(Letter.RESPONSIBLE))


@dataclass
class Matrix:
    roles: list
    rows: list

    @property
    def flagged(self) -> int:
        return sum(1 for row in self.rows if row.problem)


def roles_of(project) -> list[TeamRole]:
    """The project's roles in the order they were added, with who fills them."""
    return list(TeamRole.objects.filter(project=project).select_related("member__user", "party"))


def matrix(project) -> Matrix:
    """Every role and every row with its letters, in three queries."""
    roles = roles_of(project)
    rows = {row.pk: MatrixRow(row) for row in RaciRow.objects.filter(project=project)}
    cells = RaciCell.objects.filter(row__project=project).values_list("row_id", "role_id", "letter")
    for row_id, role_id, letter in cells:
        rows[row_id].letters[role_id] = letter
    for found in rows.values():
        found.cells = [(role, found.letters.get(role.pk, "")) for role in roles]
    return Matrix(roles=roles, rows=list(rows.values()))


def row_letters(row: RaciRow) -> dict:
    """role public id -> letter of one row (for its form)."""
    return dict(row.cells.values_list("role__public_id", "letter"))


def rows_held_by(role: TeamRole) -> list[RaciRow]:
    """The rows in which this role has the A or an R (what removing it may leave open)."""
    letters = [Letter.ACCOUNTABLE, Letter.RESPONSIBLE]
    return list(RaciRow.objects.filter(cells__role=role, cells__letter__in=letters).distinct())


def _counted_rows(project):
    return RaciRow.objects.filter(project=project).annotate(
        accountable=Count("cells", filter=Q(cells__letter=Letter.ACCOUNTABLE)),
        responsible=Count("cells", filter=Q(cells__letter=Letter.RESPONSIBLE)),
    )


def incomplete_step_keys(project) -> set[str]:
    """The steps that have a row without exactly one A and at least one R (one query)."""
    rows = _counted_rows(project).exclude(step_key="")
    return {
        key
        for key, a, r in rows.values_list("step_key", "accountable", "responsible")
        if row_problem(a, r)
    }


def counts(project) -> tuple[int, int, int]:
    """(roles, rows, rows flagged), in two queries."""
    roles = TeamRole.objects.filter(project=project).count()
    rows = list(_counted_rows(project).values_list("accountable", "responsible"))
    return roles, len(rows), sum(1 for a, r in rows if row_problem(a, r))
