"""Every rule cites a clause of the policy source; every measure clause has exactly one rule."""

from __future__ import annotations

from collections import Counter

from calculator import assumptions, evaluate
from calculator.notice import clauses_by_id, departments_of
from calculator.result.evaluate import ALWAYS_RELIED_ON
from calculator.rules import RULES
from calculator.rules.hukou import decision_id

MEASURE_CLAUSES = [f"2.1.{n}" for n in range(1, 5)] + [f"2.2.{n}" for n in range(1, 6)] + \
                  [f"2.3.{n}" for n in range(1, 4)] + [f"2.4.{n}" for n in range(1, 11)]
DYNAMIC_ASSUMPTIONS = {"feb29-birthday"}


def test_every_rule_clause_exists_in_the_policy_source() -> None:
    known = clauses_by_id()
    assert [rule.clause for rule in RULES if rule.clause not in known] == []


def test_all_22_measure_clauses_have_exactly_one_rule_in_clause_order() -> None:
    assert len(MEASURE_CLAUSES) == 22
    assert Counter(rule.clause for rule in RULES) == Counter(MEASURE_CLAUSES)
    assert [rule.clause for rule in RULES] == MEASURE_CLAUSES


def test_every_rule_function_carries_its_clause() -> None:
    assert all(rule.decide.clause == rule.clause for rule in RULES)  # type: ignore[attr-defined]


def test_a_result_lists_all_22_measures_with_departments_from_the_policy_source() -> None:
    result = evaluate({"as_of": "2024-06-01", "birth_date": "1960-01-01", "family_type": "child_deceased"})
    assert [item["clause"] for item in result["measures"]] == MEASURE_CLAUSES
    for item in result["measures"]:
        assert item["departments"] == departments_of(item["clause"])
        assert item["status"] in ("eligible", "needs_assessment", "not_eligible")
        assert item["reasons"] and all(isinstance(reason, str) and reason for reason in item["reasons"])


def test_every_assumption_a_rule_relies_on_is_recorded() -> None:
    recorded = {item["id"] for item in assumptions()}
    whose_hukou = {decision_id(rule.clause) for rule in RULES}
    used = {name for rule in RULES for name in rule.assumptions} | set(ALWAYS_RELIED_ON) | DYNAMIC_ASSUMPTIONS | whose_hukou
    assert used - recorded == set()
    assert recorded - used == set()
