"""Housing-cost neutrality (woonlastenneutraliteit): the project's definition and calculations.

The definition is a series of numbered versions, never changed after they are written: the
newest is the one in force. A version says which cost components count, what the reference
situation and the price assumptions are, the moment or period of comparison, the segments,
whether subsidies count and who (if anyone) guarantees it.

Household archetypes (*voorbeeldhuishoudens*) hold the before/after inputs of a typical
household. A saved calculation keeps a copy of the inputs it used, its result and the
definition version it was made with, so it reads the same after the archetype or the
definition changed.
"""

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wijkkoers.projects.models import Authored, Project, new_public_id


class Component(models.TextChoices):
    """A cost component the definition may count."""

    ENERGY = "energie", _("energy (gas, electricity, heat)")
    FINANCING = "financiering", _("financing or mortgage costs")
    RENT = "huur", _("rent")
    MAINTENANCE = "onderhoud", _("maintenance")
    OTHER = "overig", _("other costs")


class Segment(models.TextChoices):
    OWNER = "eigenaar", _("owner-occupier")
    CORPORATION_TENANT = "corporatiehuurder", _("tenant of a housing corporation")
    PRIVATE_TENANT = "particuliere_huurder", _("tenant of a private landlord")


TENANT_SEGMENTS = {Segment.CORPORATION_TENANT, Segment.PRIVATE_TENANT}


class Comparison(models.TextChoices):
    MOMENT = "moment", _("at the moment the measures are taken")
    PERIOD = "periode", _("over a period")


class Guarantee(models.TextChoices):
    NOBODY = "niemand", _("nobody: it is an aim")
    PARTY = "partij", _("a named party")


class DefinitionVersion(Authored):
    """One version of a project's definition; never changed after it is written."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="housing_definitions"
    )
    number = models.PositiveIntegerField(_("version"))
    components = models.JSONField(_("cost components counted"), default=list)
    reference = models.TextField(_("reference situation"), max_length=2000)
    gas_price = models.DecimalField(_("gas price (EUR per m³)"), max_digits=7, decimal_places=4)
    electricity_price = models.DecimalField(
        _("electricity price (EUR per kWh)"), max_digits=7, decimal_places=4
    )
    heat_fixed_monthly = models.DecimalField(
        _("heat: fixed charge (EUR per month)"), max_digits=8, decimal_places=2
    )
    heat_price_per_gj = models.DecimalField(
        _("heat price (EUR per GJ)"), max_digits=8, decimal_places=2
    )
    prices_on = models.DateField(_("prices apply on"))
    price_note = models.CharField(_("where the prices come from"), max_length=1000, blank=True)
    comparison = models.CharField(
        _("moment or period of comparison"),
        max_length=20,
        choices=Comparison.choices,
        default=Comparison.MOMENT,
    )
    period_years = models.PositiveSmallIntegerField(
        _("period of comparison (years)"), null=True, blank=True
    )
    segments = models.JSONField(_("segments"), default=list)
    subsidies_counted = models.BooleanField(_("subsidies counted"), default=False)
    subsidies_which = models.CharField(_("which subsidies"), max_length=1000, blank=True)
    guarantee = models.CharField(
        _("who guarantees it"), max_length=20, choices=Guarantee.choices, default=Guarantee.NOBODY
    )
    guarantor = models.CharField(_("guaranteeing party"), max_length=300, blank=True)
    explanation = models.TextField(
        _("explanation"), blank=True, max_length=20000, help_text=_("Markdown.")
    )
    explanation_html = models.TextField(blank=True, editable=False)
    # Why this version was made (empty for the first).
    change_reason = models.CharField(_("reason for the change"), max_length=1000, blank=True)

    class Meta:
        ordering = ["project", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "number"], name="one_housing_definition_number"
            )
        ]
        verbose_name = _("version of the housing-cost definition")
        verbose_name_plural = _("versions of the housing-cost definition")

    def __str__(self):
        return f"{_('Housing-cost neutrality')} ({self.number})"

    def counts(self, component: str) -> bool:
        return component in self.components

    def get_components_display(self) -> list[str]:
        labels = dict(Component.choices)
        return [str(labels[code]) for code in Component.values if code in self.components]

    def get_segments_display(self) -> list[str]:
        labels = dict(Segment.choices)
        return [str(labels[code]) for code in Segment.values if code in self.segments]


# The before/after inputs of an archetype, as (field stem, label). Each stem has a
# `<stem>_before` and a `<stem>_after` field; empty means "not given".
INPUTS = [
    ("gas_m3", _("gas use (m³ per year)")),
    ("electricity_kwh", _("electricity use (kWh per year)")),
    ("heat_gj", _("heat use (GJ per year)")),
    ("financing", _("financing costs (EUR per month)")),
    ("rent", _("rent (EUR per month)")),
    ("maintenance", _("maintenance (EUR per month)")),
    ("other", _("other costs (EUR per month)")),
    ("subsidy", _("subsidy (EUR per month)")),
]
INPUT_FIELDS = [f"{stem}_{when}" for stem, _label in INPUTS for when in ("before", "after")]


INPUT_LABELS = dict(INPUTS)
WHEN = {"before": _("before"), "after": _("after")}


def _amount(stem, when):
    return models.DecimalField(
        format_lazy("{} ({})", INPUT_LABELS[stem], WHEN[when]),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
    )


class Archetype(Authored):
    """A typical household of the project (*voorbeeldhuishouden*) with before/after inputs."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="housing_archetypes"
    )
    name = models.CharField(_("name"), max_length=200)
    segment = models.CharField(_("segment"), max_length=30, choices=Segment.choices)
    description = models.CharField(_("description"), max_length=1000, blank=True)
    gas_m3_before = _amount("gas_m3", "before")
    gas_m3_after = _amount("gas_m3", "after")
    electricity_kwh_before = _amount("electricity_kwh", "before")
    electricity_kwh_after = _amount("electricity_kwh", "after")
    heat_gj_before = _amount("heat_gj", "before")
    heat_gj_after = _amount("heat_gj", "after")
    financing_before = _amount("financing", "before")
    financing_after = _amount("financing", "after")
    rent_before = _amount("rent", "before")
    rent_after = _amount("rent", "after")
    maintenance_before = _amount("maintenance", "before")
    maintenance_after = _amount("maintenance", "after")
    other_before = _amount("other", "before")
    other_after = _amount("other", "after")
    subsidy_before = _amount("subsidy", "before")
    subsidy_after = _amount("subsidy", "after")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("household archetype")
        verbose_name_plural = _("household archetypes")

    def __str__(self):
        return self.name

    def inputs(self) -> dict:
        """The before/after inputs as {field: Decimal or None}."""
        return {name: getattr(self, name) for name in INPUT_FIELDS}


class Calculation(Authored):
    """A saved run of the calculator: inputs, result and the definition version it used."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="housing_calculations"
    )
    archetype = models.ForeignKey(
        Archetype,
        on_delete=models.SET_NULL,
        null=True,
        related_name="calculations",
        verbose_name=_("household archetype"),
    )
    # As it was when saved: the archetype may be renamed or changed later.
    archetype_name = models.CharField(_("household archetype"), max_length=200)
    segment = models.CharField(_("segment"), max_length=30, choices=Segment.choices)
    definition = models.ForeignKey(
        DefinitionVersion,
        on_delete=models.PROTECT,
        related_name="calculations",
        verbose_name=_("definition version"),
    )
    inputs = models.JSONField(_("inputs"), default=dict)  # {field: "decimal" or None}
    lines = models.JSONField(_("lines"), default=list)  # the result per component
    total_before = models.DecimalField(_("total before"), max_digits=12, decimal_places=2)
    total_after = models.DecimalField(_("total after"), max_digits=12, decimal_places=2)
    difference = models.DecimalField(_("difference per month"), max_digits=12, decimal_places=2)
    neutral = models.BooleanField(_("neutral"))
    note = models.CharField(_("note"), max_length=1000, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["project", "-created_at", "-id"], name="housing_calc_project"),
            models.Index(fields=["archetype", "-created_at", "-id"], name="housing_calc_archetype"),
        ]
        verbose_name = _("housing-cost calculation")
        verbose_name_plural = _("housing-cost calculations")

    def __str__(self):
        return self.archetype_name
