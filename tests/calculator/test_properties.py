"""Properties that hold for every input (hypothesis)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import FactsError, describe_facts, evaluate, evaluate_amounts, standards
from calculator.ages import age_on

FAMILY_TYPES = ("child_deceased", "child_disabled", "none")
FIRST, LAST = date(2019, 1, 1), date(2099, 12, 31)
STANDARD_VALUES = {row["amount"] for table in standards() if table["clause"] == "2.1.1"
                   for entry in table["values"] for family in ("child_deceased", "child_disabled") for row in entry[family]}
OPTIONAL_BOOLS = [item["key"] for item in describe_facts() if item["type"] == "bool"]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
date_texts = st.dates(min_value=date(1, 1, 1)).map(date.isoformat) | st.text(max_size=12)


@st.composite
def valid_facts(draw: st.DrawFn) -> dict[str, Any]:
    as_of = draw(st.dates(min_value=FIRST, max_value=LAST))
    birth = draw(st.dates(min_value=as_of - timedelta(days=120 * 365), max_value=as_of))
    facts: dict[str, Any] = {"as_of": as_of.isoformat(), "birth_date": birth.isoformat(),
                             "family_type": draw(st.sampled_from(FAMILY_TYPES))}
    for key in OPTIONAL_BOOLS:
        if draw(st.booleans()):
            facts[key] = draw(st.none() | st.booleans())
    if draw(st.booleans()):
        facts["partner_birth_date"] = draw(st.dates(min_value=as_of - timedelta(days=120 * 365), max_value=as_of)).isoformat()
    age = age_on(birth, as_of)
    if age > 0 and draw(st.booleans()):
        facts["child_event"] = {
            "kind": draw(st.sampled_from(["accidental_death", "accidental_disability", "serious_illness"])),
            "child_age": draw(st.integers(min_value=0, max_value=min(age - 1, 120))),
            "child_married": draw(st.none() | st.booleans()),
            "pledge_no_more_children": draw(st.none() | st.booleans()),
        }
    return facts


@settings(max_examples=300)
@given(valid_facts())
def test_valid_facts_never_raise_and_give_json_compatible_results(facts: dict[str, Any]) -> None:
    result = evaluate(facts)
    assert json.loads(json.dumps(result)) == result
    assert len(result["measures"]) == 22


@settings(max_examples=300)
@given(valid_facts())
def test_the_monthly_amount_is_a_standard_value_or_zero(facts: dict[str, Any]) -> None:
    assert evaluate_amounts(facts)["monthly_special_assistance"] in STANDARD_VALUES | {0}


@given(st.sampled_from(FAMILY_TYPES), st.dates(min_value=FIRST, max_value=LAST),
       st.integers(min_value=0, max_value=130 * 366), st.integers(min_value=0, max_value=130 * 366))
def test_for_a_fixed_family_type_the_monthly_amount_never_decreases_with_age(
        family: str, as_of: date, days_a: int, days_b: int) -> None:
    older, younger = as_of - timedelta(days=max(days_a, days_b)), as_of - timedelta(days=min(days_a, days_b))
    amounts = [evaluate_amounts({"as_of": as_of.isoformat(), "birth_date": born.isoformat(), "family_type": family})
               ["monthly_special_assistance"] for born in (older, younger) if age_on(born, as_of) <= 130]
    assert amounts == sorted(amounts, reverse=True)


@given(st.dates(min_value=FIRST, max_value=LAST), st.integers(min_value=0, max_value=130 * 365), st.booleans())
def test_deceased_is_never_below_disabled_at_the_same_age(as_of: date, days: int, hukou: bool) -> None:
    base = {"as_of": as_of.isoformat(), "birth_date": (as_of - timedelta(days=days)).isoformat(), "songjiang_hukou": hukou}
    deceased = evaluate_amounts({**base, "family_type": "child_deceased"})["monthly_special_assistance"]
    disabled = evaluate_amounts({**base, "family_type": "child_disabled"})["monthly_special_assistance"]
    assert deceased >= disabled


def _only_facts_error(facts: object) -> None:
    try:
        evaluate(facts)
    except FactsError as problem:
        assert problem.errors and all(set(error) == {"field", "message"} for error in problem.errors)
        assert all(isinstance(error["field"], str) and isinstance(error["message"], str) for error in problem.errors)


@settings(max_examples=300)
@given(json_values)
def test_any_json_input_gives_a_result_or_a_facts_error(facts: object) -> None:
    _only_facts_error(facts)


fact_keys = st.sampled_from([item["key"] for item in describe_facts()] + ["unknown"])
near_valid_values = json_values | date_texts | st.sampled_from(FAMILY_TYPES) | st.fixed_dictionaries(
    {}, optional={"kind": st.sampled_from(["accidental_death", "serious_illness", "x"]) | json_values,
                  "child_age": st.integers() | json_values, "child_married": json_values,
                  "pledge_no_more_children": json_values})


@settings(max_examples=300)
@given(st.dictionaries(fact_keys, near_valid_values, max_size=10))
def test_fact_shaped_input_with_any_values_gives_a_result_or_a_facts_error(facts: dict[str, Any]) -> None:
    _only_facts_error(facts)


@settings(max_examples=100)
@given(valid_facts())
def test_the_same_facts_always_give_the_same_json(facts: dict[str, Any]) -> None:
    assert json.dumps(evaluate(facts), ensure_ascii=False) == json.dumps(evaluate(json.loads(json.dumps(facts))), ensure_ascii=False)
