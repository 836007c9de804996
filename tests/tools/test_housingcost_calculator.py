"""The calculator's arithmetic against hand-computed cases (pure functions, no database)."""

from decimal import Decimal as D

import pytest
from django.utils import translation

from wijkkoers.housingcost.calculator import Prices, Rules, calculate, missing_inputs
from wijkkoers.housingcost.explain import formula, money, number, rows, signed_money, verdict

PRICES = Prices(gas=D("1.45"), electricity=D("0.40"), heat_fixed=D("35"), heat_gj=D("48"))
ENERGY_AND_FINANCING = Rules(frozenset({"energie", "financiering"}), False, PRICES)


def _inputs(**given):
    names = ["gas_m3", "electricity_kwh", "heat_gj", "financing", "rent"]
    names += ["maintenance", "other", "subsidy"]
    values = {f"{n}_{w}": None for n in names for w in ("before", "after")}
    values.update({key: D(str(value)) for key, value in given.items()})
    return values


OWNER_HEAT_PUMP = _inputs(
    gas_m3_before=1200,
    gas_m3_after=0,
    electricity_kwh_before=2500,
    electricity_kwh_after=4500,
    heat_gj_before=0,
    heat_gj_after=0,
    financing_before=500,
    financing_after=600,
)


def test_calculator_owner_with_heat_pump_is_not_neutral():
    # Before: 1200 x 1,45 / 12 = 145,00; 2500 x 0,40 / 12 = 83,333...; financing 500.
    # Total 728,333... -> 728,33. After: 0 + 4500 x 0,40 / 12 = 150 + 600 = 750,00.
    result = calculate(ENERGY_AND_FINANCING, "eigenaar", OWNER_HEAT_PUMP)

    by_key = {line.key: line for line in result.lines}
    assert by_key["gas_m3"].before == D("145.00")
    assert by_key["electricity_kwh"].before == D("83.33")
    assert by_key["electricity_kwh"].after == D("150.00")
    assert by_key["heat_gj"].before == by_key["heat_gj"].after == D("0.00")
    assert by_key["financing"].difference == D("100.00")
    assert result.total_before == D("728.33")
    assert result.total_after == D("750.00")
    assert result.difference == D("21.67")
    assert result.neutral is False


def test_calculator_tenant_on_heat_network_is_exactly_neutral():
    # Before: gas 145,00 + electricity 2400 x 0,40 / 12 = 80,00 + rent 600 = 825,00.
    # After: heat 35 + 20 x 48 / 12 = 115,00 + electricity 80,00 + rent 630 = 825,00.
    rules = Rules(frozenset({"energie", "huur"}), False, PRICES)
    inputs = _inputs(
        gas_m3_before=1200,
        gas_m3_after=0,
        electricity_kwh_before=2400,
        electricity_kwh_after=2400,
        heat_gj_before=0,
        heat_gj_after=20,
        rent_before=600,
        rent_after=630,
    )

    result = calculate(rules, "corporatiehuurder", inputs)

    heat = next(line for line in result.lines if line.key == "heat_gj")
    assert heat.after == D("115.00")
    assert result.total_before == result.total_after == D("825.00")
    assert result.difference == D("0.00")
    assert result.neutral is True


def test_calculator_rounds_to_cents_only_at_the_end():
    # 1 m³ x € 0,06 / 12 = 0,005 and 1 kWh x € 0,06 / 12 = 0,005: each line rounds to
    # 0,01, but the total is 0,010 exactly, so 0,01 (not 0,02).
    rules = Rules(frozenset({"energie"}), False, Prices(D("0.06"), D("0.06"), D(0), D(0)))
    inputs = _inputs(
        gas_m3_before=1,
        gas_m3_after=0,
        electricity_kwh_before=1,
        electricity_kwh_after=0,
        heat_gj_before=0,
        heat_gj_after=0,
    )

    result = calculate(rules, "eigenaar", inputs)

    assert [line.before for line in result.lines] == [D("0.01"), D("0.01"), D("0.00")]
    assert result.total_before == D("0.01")


def test_calculator_subsidy_counts_only_when_the_definition_says_so():
    with_subsidy = Rules(frozenset({"energie", "financiering"}), True, PRICES)
    inputs = {**OWNER_HEAT_PUMP, "subsidy_after": D("30")}

    counted = calculate(with_subsidy, "eigenaar", inputs)
    ignored = calculate(ENERGY_AND_FINANCING, "eigenaar", inputs)

    assert counted.total_after == D("720.00")  # 750 - 30
    assert counted.neutral is True  # 720,00 <= 728,33
    assert ignored.total_after == D("750.00")
    assert "subsidy" not in [line.key for line in ignored.lines]


def test_calculator_counts_only_the_components_of_the_definition():
    energy_only = Rules(frozenset({"energie"}), False, PRICES)

    result = calculate(energy_only, "eigenaar", OWNER_HEAT_PUMP)

    assert [line.key for line in result.lines] == ["gas_m3", "electricity_kwh", "heat_gj"]
    assert result.total_after == D("150.00")


def test_calculator_needs_rent_for_a_tenant_and_financing_for_an_owner():
    rules = Rules(frozenset({"energie", "financiering", "huur"}), False, PRICES)

    owner = missing_inputs(rules, "eigenaar", OWNER_HEAT_PUMP)
    tenant = missing_inputs(rules, "corporatiehuurder", OWNER_HEAT_PUMP)

    assert owner == []
    assert tenant == ["rent_before", "rent_after"]
    with pytest.raises(ValueError, match="missing inputs"):
        calculate(rules, "corporatiehuurder", OWNER_HEAT_PUMP)


def test_calculator_explains_each_line_in_dutch_numbers():
    result = calculate(ENERGY_AND_FINANCING, "eigenaar", OWNER_HEAT_PUMP)

    with translation.override("nl"):
        shown = rows(result)
        gas = formula("gas_m3", result.lines[0].how_before)
        assert gas == "1.200 m³ × € 1,45 / 12"
        assert shown[1]["how_after"] == "4.500 kWh × € 0,40 / 12"
        assert shown[1]["before"] == "€ 83,33"
        assert verdict(result) == "Niet neutraal: de maandlasten stijgen met € 21,67."
        assert money(D("1234.5")) == "€ 1.234,50"
        assert money(D("-25")) == "- € 25,00"
        assert signed_money(D("-5")) == "- € 5,00"
        assert number(D("12500.0")) == "12.500"
