"""The rules of housing-cost neutrality, as errors the services raise (one class per rule)."""

from django.utils.translation import gettext_lazy as _

from wijkkoers.core.errors import Conflict, DomainError


class HousingCostRuleError(DomainError):
    code = "housingcost_rule"


class ComponentsRequired(HousingCostRuleError):
    code = "housingcost_components_required"
    message = _("Choose at least one cost component.")
    field = "components"


class UnknownChoice(HousingCostRuleError):
    code = "housingcost_unknown_choice"
    message = _("Choose one of the options.")


class SegmentsRequired(HousingCostRuleError):
    code = "housingcost_segments_required"
    message = _("Choose at least one segment.")
    field = "segments"


class ReferenceRequired(HousingCostRuleError):
    code = "housingcost_reference_required"
    message = _("Describe the reference situation you compare with.")
    field = "reference"


class ValueRequired(HousingCostRuleError):
    code = "housingcost_value_required"
    message = _("Fill this in.")


class PriceOutOfRange(HousingCostRuleError):
    code = "housingcost_price_out_of_range"
    message = _("Enter a price from %(low)s to %(high)s.")


class PeriodRequired(HousingCostRuleError):
    code = "housingcost_period_required"
    message = _("Comparing over a period: give the period in years, from 1 to 60.")
    field = "period_years"


class SubsidiesWhichRequired(HousingCostRuleError):
    code = "housingcost_subsidies_which_required"
    message = _("Say which subsidies count.")
    field = "subsidies_which"


class GuarantorRequired(HousingCostRuleError):
    code = "housingcost_guarantor_required"
    message = _("Name the party that guarantees it.")
    field = "guarantor"


class ChangeReasonRequired(HousingCostRuleError):
    code = "housingcost_change_reason_required"
    message = _("Say why you change the definition.")
    field = "change_reason"


class DefinitionConflict(Conflict):
    """Someone saved a newer version meanwhile; `current` is that version."""

    code = "housingcost_definition_conflict"
    message = _(
        "Someone else saved a newer version of the definition meanwhile. Read it below; "
        "your input is kept. Save again to make yours the newest."
    )

    def __init__(self, current=None, **kwargs):
        self.current = current
        super().__init__(**kwargs)


class NameRequired(HousingCostRuleError):
    code = "housingcost_name_required"
    message = _("Give the household a name.")
    field = "name"


class NameTaken(HousingCostRuleError):
    code = "housingcost_name_taken"
    message = _("This project already has a household with this name.")
    field = "name"


class InputOutOfRange(HousingCostRuleError):
    code = "housingcost_input_out_of_range"
    message = _("Enter a value from 0 to %(high)s; use and amounts cannot be negative.")


class SegmentNotInDefinition(HousingCostRuleError):
    code = "housingcost_segment_not_in_definition"
    message = _(
        "The definition does not cover this segment. Choose another segment or add it to "
        "the definition first."
    )
    field = "segment"


class InputsMissing(HousingCostRuleError):
    """Inputs the definition needs are empty; the error shows at each of them."""

    code = "housingcost_inputs_missing"
    message = _("The definition counts this: fill it in (0 is an answer).")

    def __init__(self, fields=(), **kwargs):
        self.fields = list(fields)
        super().__init__(field=self.fields[0] if self.fields else None, **kwargs)

    def add_to_form(self, form) -> None:
        present = [name for name in self.fields if name in form.fields]
        for name in present:
            form.add_error(name, str(self))
        if not present:
            form.add_error(None, str(self))


class DefinitionRequired(HousingCostRuleError):
    code = "housingcost_definition_required"
    message = _("Record the project's definition first: the calculator follows it.")
    field = "archetype"


class CalculationInputsMissing(HousingCostRuleError):
    code = "housingcost_calculation_inputs_missing"
    message = _(
        "This household lacks inputs the definition counts (%(names)s). Fill them in on the "
        "household first."
    )
    field = "archetype"
