"""Whose 户籍 counts, clause by clause (calculator/rules/hukou.py, assumptions ``hukou-*``): a table of
clause × whose 户籍 × status, for a family where every other condition holds."""

from __future__ import annotations

from typing import Any

import pytest

from calculator import assumptions, evaluate
from calculator.notice import clauses_by_id
from calculator.rules.hukou import whose

BASE: dict[str, Any] = {
    "as_of": "2024-06-01", "birth_date": "1950-01-01", "family_type": "child_deceased",
    "partner_birth_date": "1952-01-01", "special_assistance_cert": True, "honor_cert": True,
    "needs_care": True, "self_care_difficulty": True, "low_income": True, "wants_another_child": True,
    "housing_difficulty": True, "property_inheritance": True, "wants_to_adopt": True, "critical_illness": True,
    "lacks_capacity": True, "unemployed": True, "child_event": {"kind": "accidental_death", "child_age": 30},
}
# Clauses whose other conditions need a different family: the rest use BASE as it is.
SETTINGS: dict[str, dict[str, Any]] = {
    "2.1.2": {"child_event": {"kind": "accidental_death", "child_age": 10, "pledge_no_more_children": True},
              "wants_another_child": None, "wants_to_adopt": None},
    "2.1.3": {"child_event": {"kind": "accidental_death", "child_age": 20}},
    "2.1.4": {"family_type": "child_disabled", "child_event": {"kind": "serious_illness", "child_age": 25, "child_married": False}},
    "2.4.5": {"family_type": "child_disabled", "child_event": {"kind": "accidental_disability", "child_age": 25}},
}
E, N, X = "eligible", "needs_assessment", "not_eligible"
# The 户口 of (you, partner) in each column; the last column answers the partner's 户口 without a birth date.
WHO = {"both": (True, True), "own only": (True, False), "partner only": (False, True), "neither": (False, False),
       "partner not answered": (False, None), "partner only, no birth date": (False, True)}
TABLE = [
    # clause, whose, both, own only, partner only, neither, partner not answered, partner only without birth date
    ("2.1.1", "person", E, E, X, X, X, X),
    ("2.1.2", "either", E, E, E, X, N, E),
    ("2.1.3", "either", E, E, E, X, N, E),
    ("2.1.4", "either", E, E, E, X, N, E),
    ("2.2.1", "person", N, N, X, X, X, X),
    ("2.2.2", "person", N, N, X, X, X, X),
    ("2.2.3", "recipient", N, N, N, X, N, N),
    ("2.2.4", "person", E, E, X, X, X, X),
    ("2.2.5", "person", E, E, X, X, X, X),
    ("2.3.1", "person", N, N, X, X, X, X),
    ("2.3.2", "either", N, N, N, X, N, N),
    ("2.3.3", "either", E, E, E, X, N, E),
    ("2.4.1", "either", E, E, E, X, N, E),
    ("2.4.2", "either", N, N, N, X, N, N),
    ("2.4.3", "either", E, E, E, X, N, E),
    ("2.4.4", "either", N, N, N, X, N, N),
    ("2.4.5", "child", N, N, N, N, N, N),
    ("2.4.6", "elder-or-ill", E, E, E, X, N, E),
    ("2.4.7", "either", E, E, E, X, N, E),
    ("2.4.8", "either", N, N, N, X, N, N),
    ("2.4.9", "either", E, E, E, X, N, E),
    ("2.4.10", "either", E, E, E, X, N, E),
]
CASES = [(clause, who, status) for clause, _, *statuses in TABLE for who, status in zip(WHO, statuses)]


def family(clause: str, who: str) -> dict[str, Any]:
    own, partner = WHO[who]
    facts = {**BASE, **SETTINGS.get(clause, {}), "songjiang_hukou": own}
    if partner is not None:
        facts["partner_songjiang_hukou"] = partner
    if who.endswith("no birth date"):
        facts.pop("partner_birth_date")
    return {key: value for key, value in facts.items() if value is not None}


def status_of(facts: dict[str, Any], clause: str) -> str:
    return next(item["status"] for item in evaluate(facts)["measures"] if item["clause"] == clause)


def test_the_table_covers_every_measure_and_follows_the_recorded_readings() -> None:
    assert [row[0] for row in TABLE] == [clause for clause in clauses_by_id() if clause.startswith("2.")]
    assert {clause: kind for clause, kind, *_ in TABLE} == {clause: whose(clause) for clause, *_ in TABLE}


@pytest.mark.parametrize(("clause", "who", "status"), CASES, ids=[f"{clause} {who}" for clause, who, _ in CASES])
def test_whose_hukou_counts(clause: str, who: str, status: str) -> None:
    assert status_of(family(clause, who), clause) == status


def test_every_family_level_clause_counts_a_family_where_only_one_spouse_is_songjiang() -> None:
    for clause, kind, both, *_ in TABLE:
        if kind != "person":
            assert status_of(family(clause, "partner only"), clause) == both, clause
            assert status_of(family(clause, "own only"), clause) == both, clause


def test_a_partner_answer_counts_without_the_partners_birth_date() -> None:
    # The case: a non-本区 parent of 59 whose 本区 partner's birth date is left out, a member critically ill.
    facts = {"as_of": "2024-06-01", "birth_date": "1965-01-01", "family_type": "child_deceased", "songjiang_hukou": False,
             "partner_songjiang_hukou": True, "critical_illness": True, "special_assistance_cert": True}
    without = evaluate(facts)
    with_date = evaluate({**facts, "partner_birth_date": "1966-01-01"})
    assert status_of(facts, "2.4.6") == status_of({**facts, "partner_birth_date": "1966-01-01"}, "2.4.6") == E
    assert [m["status"] for m in without["measures"]] == [m["status"] for m in with_date["measures"]]
    assert without["partner"] is None and with_date["partner"] is not None  # only the amount needs the date


def test_an_unknown_partner_hukou_never_rules_a_family_measure_out() -> None:
    for clause, kind, *_ in TABLE:
        if kind not in ("person", "child"):
            assert status_of(family(clause, "partner not answered"), clause) == N, clause
    result = evaluate(family("2.1.3", "partner not answered"))
    measure = next(item for item in result["measures"] if item["clause"] == "2.1.3")
    assert "要看配偶的户口是否在松江区。" in measure["to_settle"]
    assert measure["possible_amount"] == 5000


def test_the_assumptions_page_data_quotes_each_clause_it_reads() -> None:
    clauses = clauses_by_id()
    squeeze = "".join
    read = {}
    for item in assumptions():
        if "hukou" in item:
            for clause, words in item["words"].items():
                assert squeeze(words.split()) in squeeze(clauses[clause]["text"].split()), clause
                read[clause] = item["hukou"]
    assert read == {clause: kind for clause, kind, *_ in TABLE}


@pytest.mark.parametrize(("partner", "said", "not_said"), [
    (True, ["您的户口不在松江区。", "您的配偶户口在松江区。", "给全家的帮扶，一方户口在松江就可以。"], "大多要求松江户口"),
    (None, ["您的户口不在松江区，这里的帮扶大多要求松江户口。"], "配偶"),
    (False, ["您的户口不在松江区，这里的帮扶大多要求松江户口。", "您的配偶户口也不在松江区。"], "给全家的帮扶"),
], ids=["partner songjiang", "partner not answered", "partner not songjiang"])
def test_the_top_of_the_result_says_the_partners_hukou_once(partner: bool | None, said: list[str], not_said: str) -> None:
    facts = {"as_of": "2024-06-01", "birth_date": "1960-01-01", "family_type": "child_deceased", "songjiang_hukou": False}
    if partner is not None:
        facts["partner_songjiang_hukou"] = partner
    result = evaluate(facts)
    assert all(sentence in result["about"] for sentence in said), result["about"]
    assert not any(not_said in sentence for sentence in result["about"])
    reasons = [reason for measure in result["measures"] for reason in measure["reasons"]]
    assert not any("配偶户口在松江区" in reason or "配偶户口不在" in reason for reason in reasons)
