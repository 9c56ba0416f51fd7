"""Properties that hold for every input (hypothesis): results, and the sentences residents read."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import FactsError, describe_facts, evaluate, evaluate_amounts, standards
from calculator.facts.ages import age_on
from calculator.facts.consistency import KINDS_BY_FAMILY, MIN_PARENT_AGE_AT_BIRTH

FAMILY_TYPES = ("child_deceased", "child_disabled", "none")
FIRST, LAST = date(2020, 12, 1), date(2099, 12, 31)
STANDARD_VALUES = {row["amount"] for table in standards() if table["clause"] == "2.1.1"
                   for entry in table["values"] for family in ("child_deceased", "child_disabled") for row in entry[family]}
OPTIONAL_BOOLS = [item["key"] for item in describe_facts() if item["type"] == "bool"]
# Words that must never reach a resident: leaked code values and unfilled templates.
LEAKS = re.compile(r"None|null|undefined|NaN|[{}]")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
date_texts = st.dates(min_value=date(1, 1, 1)).map(date.isoformat) | st.text(max_size=12)
answers = st.none() | st.booleans()


@st.composite
def valid_facts(draw: st.DrawFn, *, as_of_today: bool = False) -> dict[str, Any]:
    """Facts that are consistent (calculator.facts.consistency), with any answer left out or null."""
    as_of = date.today() if as_of_today else draw(st.dates(min_value=FIRST, max_value=LAST))
    family = draw(st.sampled_from(FAMILY_TYPES))
    youngest = MIN_PARENT_AGE_AT_BIRTH if family != "none" else 0
    birth = draw(st.dates(min_value=as_of - timedelta(days=120 * 365), max_value=as_of - timedelta(days=366 * youngest)))
    facts: dict[str, Any] = {"birth_date": birth.isoformat(), "family_type": family}
    if not as_of_today or draw(st.booleans()):
        facts["as_of"] = as_of.isoformat()
    for key in OPTIONAL_BOOLS:
        if draw(st.booleans()):
            facts[key] = draw(answers)
    if draw(st.booleans()):
        partner = draw(st.dates(min_value=as_of - timedelta(days=120 * 365), max_value=as_of - timedelta(days=366 * youngest)))
        facts["partner_birth_date"] = partner.isoformat()
    if draw(st.booleans()):
        facts["child_event"] = draw(child_events(family, age_on(birth, as_of)))
    if (facts.get("child_event") or {}).get("pledge_no_more_children"):
        facts.pop("wants_another_child", None)
        facts.pop("wants_to_adopt", None)
    return facts


@st.composite
def child_events(draw: st.DrawFn, family: str, parent_age: int) -> dict[str, Any] | None:
    kind = draw(st.sampled_from(sorted(KINDS_BY_FAMILY[family])))
    if kind == "none":
        return {"kind": "none"}
    if parent_age < MIN_PARENT_AGE_AT_BIRTH:
        return None
    event: dict[str, Any] = {"kind": kind, "child_age": draw(st.integers(0, min(parent_age - MIN_PARENT_AGE_AT_BIRTH, 120)))}
    for key in ("child_married", "pledge_no_more_children"):
        if draw(st.booleans()):
            event[key] = draw(answers)
    return event


def reasons_of(result: dict[str, Any]) -> list[str]:
    return [reason for item in result["measures"] for reason in item["reasons"]]


@settings(max_examples=300)
@given(valid_facts())
def test_valid_facts_never_raise_and_give_json_compatible_results(facts: dict[str, Any]) -> None:
    result = evaluate(facts)
    assert json.loads(json.dumps(result)) == result
    assert len(result["measures"]) == 22


@settings(max_examples=400)
@given(valid_facts())
def test_no_reason_leaks_a_code_value_or_an_unfilled_template(facts: dict[str, Any]) -> None:
    for reason in reasons_of(evaluate(facts)):
        assert reason and not LEAKS.search(reason), reason


@settings(max_examples=400)
@given(valid_facts())
def test_only_a_parent_who_meets_all_three_conditions_is_called_a_recipient(facts: dict[str, Any]) -> None:
    result = evaluate(facts)
    recipient = (facts["family_type"] != "none" and facts.get("songjiang_hukou") is True and result["age"] >= 49)
    said = [sentence for sentence in result["about"] if "是特别扶助对象（" in sentence]
    assert bool(said) == recipient, (facts, said)


@settings(max_examples=300)
@given(valid_facts())
def test_an_amount_sentence_always_has_a_number_and_a_source(facts: dict[str, Any]) -> None:
    for reason in reasons_of(evaluate(facts)):
        for amount in re.findall(r"(\S+) 元", reason):
            assert re.search(r"\d$", amount), reason
        if "按规定" in reason and "元" in reason:
            assert re.search(r"标准：[^。]+\d+年\d+月\d+日起。", reason), reason


@settings(max_examples=200)
@given(valid_facts())
def test_now_is_said_only_about_today(facts: dict[str, Any]) -> None:
    result = evaluate(facts)
    now = [reason for reason in reasons_of(result) if "您现在" in reason]
    if result["as_of"] != date.today().isoformat():
        assert now == []


@settings(max_examples=100)
@given(valid_facts(as_of_today=True))
def test_about_today_the_age_is_said_as_now(facts: dict[str, Any]) -> None:
    result = evaluate(facts)
    assert not any("按计算日期" in reason for reason in reasons_of(result))


@settings(max_examples=300)
@given(valid_facts())
def test_an_unanswered_yes_no_question_is_never_read_as_an_answer(facts: dict[str, Any]) -> None:
    unanswered = [key for key in ("songjiang_hukou", "honor_cert", "special_assistance_cert") if facts.get(key) is None]
    reasons = reasons_of(evaluate(facts))
    if "honor_cert" in unanswered:
        assert not any("光荣证" in reason and "您选的是没有" in reason for reason in reasons)
    if "songjiang_hukou" in unanswered:
        assert not any(reason.startswith("您的户口在松江区") for reason in reasons)
        assert evaluate_amounts(facts)["monthly_special_assistance"] == 0


@settings(max_examples=300)
@given(valid_facts())
def test_the_monthly_amount_is_a_standard_value_or_zero(facts: dict[str, Any]) -> None:
    assert evaluate_amounts(facts)["monthly_special_assistance"] in STANDARD_VALUES | {0}


@given(st.sampled_from(FAMILY_TYPES), st.dates(min_value=FIRST, max_value=LAST),
       st.integers(min_value=16 * 366, max_value=130 * 365), st.integers(min_value=16 * 366, max_value=130 * 365))
def test_for_a_fixed_family_type_the_monthly_amount_never_decreases_with_age(
        family: str, as_of: date, days_a: int, days_b: int) -> None:
    older, younger = as_of - timedelta(days=max(days_a, days_b)), as_of - timedelta(days=min(days_a, days_b))
    amounts = [evaluate_amounts({"as_of": as_of.isoformat(), "birth_date": born.isoformat(), "family_type": family,
                                 "songjiang_hukou": True})["monthly_special_assistance"] for born in (older, younger)]
    assert amounts == sorted(amounts, reverse=True)


@given(st.dates(min_value=FIRST, max_value=LAST), st.integers(min_value=16 * 366, max_value=130 * 365), answers)
def test_deceased_is_never_below_disabled_at_the_same_age(as_of: date, days: int, hukou: bool | None) -> None:
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
    {}, optional={"kind": st.sampled_from(["accidental_death", "illness_death", "serious_illness", "none", "x"]) | json_values,
                  "child_age": st.integers() | json_values, "date": date_texts, "child_married": json_values,
                  "pledge_no_more_children": json_values})


@settings(max_examples=300)
@given(st.dictionaries(fact_keys, near_valid_values, max_size=10))
def test_fact_shaped_input_with_any_values_gives_a_result_or_a_facts_error(facts: dict[str, Any]) -> None:
    _only_facts_error(facts)


@settings(max_examples=300)
@given(st.dictionaries(fact_keys, near_valid_values, max_size=10))
def test_partial_facts_that_are_accepted_never_leak_code_values_either(facts: dict[str, Any]) -> None:
    try:
        result = evaluate(facts)
    except FactsError:
        return
    for reason in reasons_of(result):
        assert reason and not LEAKS.search(reason), reason


@settings(max_examples=100)
@given(valid_facts())
def test_the_same_facts_always_give_the_same_json(facts: dict[str, Any]) -> None:
    assert json.dumps(evaluate(facts), ensure_ascii=False) == json.dumps(evaluate(json.loads(json.dumps(facts))), ensure_ascii=False)
