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


# Sentences that would not be true of what the resident told us (issue 23), each a forbidden outcome.
KIND_WORDS = {"accidental_death": "意外去世", "illness_death": "因病去世", "accidental_disability": "意外伤残",
              "serious_illness": "患大病重病", "none": "没有发生这些情况"}
KIND_SAID = re.compile("您说孩子(" + "|".join(KIND_WORDS.values()) + ")")
BRING = re.compile(r"带上|要带|请带")
SEE_ABOVE = "原因见结果开头的说明。"


def untrue_sentences(facts: dict[str, Any], result: dict[str, Any]) -> list[str]:
    """What a result says that the facts given do not bear out ([] when every sentence holds)."""
    found = []
    event = facts.get("child_event") or {}
    said = reasons_of(result)
    # 1. No promise of the day a new bracket is paid from (the notice does not say).
    found += [f"a day promised: {reason}" for reason in said if "从这天起" in reason or "从那天起" in reason]
    for measure in result["measures"]:
        reasons, clause = measure["reasons"], measure["clause"]
        # 2. No document to bring for a measure that does not apply.
        if measure["status"] == "not_eligible":
            found += [f"{clause} does not apply, yet: {reason}" for reason in reasons if BRING.search(reason)]
        # 3. A "different situation" sentence names the family's own situation, and only what differs.
        for reason in reasons:
            if "情况不同" in reason:
                found.append(f"{clause} does not say which situation differs: {reason}")
            named = KIND_SAID.search(reason)
            if named and named.group(1) != KIND_WORDS.get(event.get("kind")):
                found.append(f"{clause} names a situation the family did not give: {reason}")
            if clause in ("2.1.2", "2.1.3") and event.get("kind") == "illness_death" and "伤残或去世" in reason:
                found.append(f"{clause} reads as covering any death: {reason}")
            if facts.get("special_assistance_cert") is True and "家里有特别扶助对象的家庭" in reason:
                found.append(f"{clause} denies the 扶助证 holder's family is a recipient family: {reason}")
            if facts.get("critical_illness") is True and measure["status"] == "not_eligible" and "有人患危重疾病" in reason:
                found.append(f"{clause} reads as if the illness answered were enough: {reason}")
        # 4. No conditional amount once the resident's own answer rules the measure out.
        ruled_out = clause == "2.1.2" and (facts.get("wants_another_child") is True or facts.get("wants_to_adopt") is True
                                           or event.get("pledge_no_more_children") is False)
        if ruled_out and (measure["status"] != "not_eligible" or "possible_amount" in measure):
            found.append(f"{clause} still holds out an amount: {reasons}")
        if measure["status"] == "not_eligible" and any("条件都符合的" in reason for reason in reasons):
            found.append(f"{clause} is ruled out, yet says an amount: {reasons}")
    # 5. The pointer to the result's top, at most once.
    if said.count(SEE_ABOVE) > 1:
        found.append(f"{SEE_ABOVE} said {said.count(SEE_ABOVE)} times")
    return found


@settings(max_examples=400)
@given(valid_facts())
def test_every_sentence_is_true_of_valid_facts(facts: dict[str, Any]) -> None:
    assert untrue_sentences(facts, evaluate(facts)) == [], facts


@settings(max_examples=300)
@given(st.dictionaries(fact_keys, near_valid_values, max_size=10))
def test_every_sentence_is_true_of_partial_facts_that_are_accepted(facts: dict[str, Any]) -> None:
    try:
        result = evaluate(facts)
    except FactsError:
        return
    assert untrue_sentences(facts, result) == [], facts


def test_the_untrue_sentences_are_caught() -> None:
    facts = {"as_of": "2024-06-01", "birth_date": "1960-01-01", "family_type": "child_deceased", "special_assistance_cert": True,
             "critical_illness": True, "wants_another_child": True,
             "child_event": {"kind": "illness_death", "child_age": 30}}
    measures = [{"clause": "2.1.2", "status": "needs_assessment", "possible_amount": 3000,
                 "reasons": ["这项补助要求夫妻承诺不再生育和收养：请说明是否作过承诺。", "条件都符合的，按规定一次性补助 3000 元。"]},
                {"clause": "2.1.3", "status": "not_eligible", "reasons": [
                    "这项补助是给孩子因意外伤残或去世的家庭的，和您家的情况不同。", "您有光荣证，办理时请带上。"]},
                {"clause": "2.2.3", "status": "not_eligible", "reasons": ["这项帮扶是给家里有特别扶助对象的家庭的。", SEE_ABOVE]},
                {"clause": "2.4.6", "status": "not_eligible", "reasons": [
                    "这项帮扶要求家里有本区户口、年满60周岁的老人，或有人患危重疾病。", SEE_ABOVE]},
                {"clause": "2.1.1", "status": "eligible", "reasons": ["您 2030年1月1日满 70 周岁。按现行标准，从这天起每月 920 元。"]}]
    found = untrue_sentences(facts, {"measures": measures})
    assert len(found) == 8, found
