"""The housing-cost calculator: monthly costs before and after, line by line. Pure functions.

Everything is Decimal. Lines and totals are computed exactly and rounded to whole cents only
at the end (half a cent rounds up): each line's amount is rounded for display, and each
total is the exact sum of the exact lines, rounded once. So the rounded lines may differ a
cent from the rounded total. The difference is total after minus total before (as shown);
the result is neutral when the total after is not higher than the total before.

Energy: gas m³ per year x price per m³ / 12; electricity kWh per year x price per kWh / 12;
heat: the fixed charge per month plus GJ per year x price per GJ / 12, the fixed charge only
when the household uses heat (more than 0 GJ). Financing, rent, maintenance and other costs
are monthly amounts as given; a counted subsidy (per month) lowers the costs.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
MONTHS = Decimal(12)

# Component codes (models.Component values) and the inputs each needs.
ENERGY, FINANCING, RENT, MAINTENANCE, OTHER = (
    "energie",
    "financiering",
    "huur",
    "onderhoud",
    "overig",
)
OWNER = "eigenaar"

# Line kinds, in the order they are shown; each is computed from the input stem of its name.
GAS, ELECTRICITY, HEAT, SUBSIDY = "gas_m3", "electricity_kwh", "heat_gj", "subsidy"
MONTHLY = {FINANCING: "financing", RENT: "rent", MAINTENANCE: "maintenance", OTHER: "other"}


def to_cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Prices:
    gas: Decimal  # EUR per m³
    electricity: Decimal  # EUR per kWh
    heat_fixed: Decimal  # EUR per month
    heat_gj: Decimal  # EUR per GJ


@dataclass(frozen=True)
class Rules:
    """What the definition version says the calculator counts."""

    components: frozenset
    subsidies_counted: bool
    prices: Prices


@dataclass(frozen=True)
class Formula:
    """How one side of a line was computed, for the explanation.

    kind: "use" (quantity x price / 12), "heat" (fixed + quantity x price / 12, or nothing
    when no heat is used), "monthly" (an amount per month as given), "subsidy" (minus it).
    """

    kind: str
    quantity: Decimal | None = None
    price: Decimal | None = None
    fixed: Decimal | None = None
    amount: Decimal | None = None


@dataclass(frozen=True)
class Line:
    key: str  # the input stem: gas_m3, electricity_kwh, heat_gj, financing, ... subsidy
    exact_before: Decimal
    exact_after: Decimal
    how_before: Formula
    how_after: Formula

    @property
    def before(self) -> Decimal:
        return to_cents(self.exact_before)

    @property
    def after(self) -> Decimal:
        return to_cents(self.exact_after)

    @property
    def difference(self) -> Decimal:
        return self.after - self.before


@dataclass(frozen=True)
class Result:
    lines: tuple
    total_before: Decimal  # rounded to cents
    total_after: Decimal

    @property
    def difference(self) -> Decimal:
        return self.total_after - self.total_before

    @property
    def neutral(self) -> bool:
        return self.total_after <= self.total_before


def needed_inputs(rules: Rules, segment: str) -> list[str]:
    """The input fields (`<stem>_before/_after`) the definition needs for this segment.

    Energy needs gas, electricity and heat (0 is an answer). Financing is needed for an
    owner-occupier and rent for a tenant; maintenance and other costs when counted. A
    subsidy is never needed: empty means none.
    """
    stems = []
    if ENERGY in rules.components:
        stems += [GAS, ELECTRICITY, HEAT]
    if FINANCING in rules.components and segment == OWNER:
        stems.append("financing")
    if RENT in rules.components and segment != OWNER:
        stems.append("rent")
    for component in (MAINTENANCE, OTHER):
        if component in rules.components:
            stems.append(MONTHLY[component])
    return [f"{stem}_{when}" for stem in stems for when in ("before", "after")]


def missing_inputs(rules: Rules, segment: str, inputs: dict) -> list[str]:
    return [name for name in needed_inputs(rules, segment) if inputs.get(name) is None]


def _energy_lines(prices: Prices, inputs: dict) -> list[Line]:
    def use(stem, price):
        return [
            (
                inputs[f"{stem}_{when}"] * price / MONTHS,
                Formula("use", inputs[f"{stem}_{when}"], price),
            )
            for when in ("before", "after")
        ]

    def heat(gj):
        if not gj:
            return Decimal(0), Formula("heat", quantity=gj or Decimal(0))
        amount = prices.heat_fixed + gj * prices.heat_gj / MONTHS
        return amount, Formula("heat", gj, prices.heat_gj, fixed=prices.heat_fixed)

    sides = {
        GAS: use(GAS, prices.gas),
        ELECTRICITY: use(ELECTRICITY, prices.electricity),
        HEAT: [heat(inputs[f"{HEAT}_before"]), heat(inputs[f"{HEAT}_after"])],
    }
    return [Line(key, b[0], a[0], b[1], a[1]) for key, (b, a) in sides.items()]


def _monthly_line(stem: str, inputs: dict, sign: int = 1) -> Line:
    kind = "subsidy" if sign < 0 else "monthly"
    before = inputs.get(f"{stem}_before") or Decimal(0)
    after = inputs.get(f"{stem}_after") or Decimal(0)
    return Line(
        stem, sign * before, sign * after, Formula(kind, amount=before), Formula(kind, amount=after)
    )


def _given(stem: str, inputs: dict) -> bool:
    return any(inputs.get(f"{stem}_{when}") is not None for when in ("before", "after"))


def calculate(rules: Rules, segment: str, inputs: dict) -> Result:
    """Monthly costs before and after for one household, from the components counted.

    `inputs` maps the input fields to Decimal or None; every field of `needed_inputs` must
    be given (the services check that first: a missing one here is a programming error).
    An optional input (rent of an owner-occupier, financing of a tenant) that is given
    counts; one that is empty adds no line.
    """
    if missing := missing_inputs(rules, segment, inputs):
        raise ValueError(f"missing inputs: {missing}")
    needed = set(needed_inputs(rules, segment))
    lines = _energy_lines(rules.prices, inputs) if ENERGY in rules.components else []
    for component, stem in MONTHLY.items():
        if component in rules.components and (f"{stem}_before" in needed or _given(stem, inputs)):
            lines.append(_monthly_line(stem, inputs))
    if rules.subsidies_counted and _given(SUBSIDY, inputs):
        lines.append(_monthly_line(SUBSIDY, inputs, sign=-1))
    return Result(
        lines=tuple(lines),
        total_before=to_cents(sum((line.exact_before for line in lines), Decimal(0))),
        total_after=to_cents(sum((line.exact_after for line in lines), Decimal(0))),
    )
