"""The shape of a result: the issue's keys, the partner and household amounts, determinism."""

from __future__ import annotations

import json
from typing import Any

from calculator import evaluate, evaluate_amounts

FACTS: dict[str, Any] = {"as_of": "2024-06-01", "birth_date": "1964-06-01", "family_type": "child_deceased",
                         "songjiang_hukou": True, "partner_birth_date": "1976-01-01", "partner_songjiang_hukou": True,
                         "honor_cert": True,
                         "child_event": {"kind": "accidental_death", "child_age": 20}}
ISSUE_KEYS = {"as_of", "age", "monthly_special_assistance", "one_time_subsidies", "measures", "assumptions"}


def test_a_result_has_the_issue_keys_and_is_json_compatible() -> None:
    result = evaluate(FACTS)
    assert ISSUE_KEYS <= set(result)
    assert json.loads(json.dumps(result, ensure_ascii=False)) == result
    assert (result["as_of"], result["age"], result["monthly_special_assistance"]) == ("2024-06-01", 60, 870)


def test_the_same_facts_give_byte_identical_json() -> None:
    assert json.dumps(evaluate(FACTS), ensure_ascii=False) == json.dumps(evaluate(dict(FACTS)), ensure_ascii=False)


def test_each_parent_is_evaluated_on_their_own_birth_date() -> None:
    result = evaluate(FACTS)
    assert result["partner"] == {
        "age": 48, "monthly_special_assistance": 0, "possible_monthly": None, "standard": None, "bracket": None,
        "next_bracket": {"date": "2025-01-01", "age": 49, "monthly_special_assistance": 820},
    }
    assert (result["household_monthly"], result["household_monthly_times_12"]) == (870, 870 * 12)
    assert result["possible_household_monthly"] is None
    assert "each-parent-own-age" in result["assumptions"]


def test_both_parents_in_brackets_add_up_for_the_household() -> None:
    result = evaluate({**FACTS, "partner_birth_date": "1950-01-01"})
    assert result["partner"]["monthly_special_assistance"] == 920
    assert result["partner"]["bracket"] == {"from_age": 70, "to_age": None}
    assert result["household_monthly"] == 870 + 920


def test_a_partner_whose_hukou_is_not_answered_has_only_a_possible_amount() -> None:
    result = evaluate({**FACTS, "partner_birth_date": "1950-01-01", "partner_songjiang_hukou": None})
    assert (result["partner"]["monthly_special_assistance"], result["partner"]["possible_monthly"]) == (0, 920)
    assert (result["household_monthly"], result["possible_household_monthly"]) == (870, 870 + 920)


def test_every_amount_carries_its_standard() -> None:
    result = evaluate(FACTS)
    assert result["standard"] == {"source": "沪卫规〔2019〕6号", "since": "2019-01-01"}
    for item in result["measures"]:
        assert ("standard" in item) == ("amount" in item or "possible_amount" in item)


def test_a_partner_without_hukou_receives_nothing() -> None:
    result = evaluate({**FACTS, "partner_birth_date": "1950-01-01", "partner_songjiang_hukou": False})
    assert result["partner"]["monthly_special_assistance"] == 0
    assert result["household_monthly"] == 870


def test_without_a_partner_the_household_is_the_person() -> None:
    result = evaluate({**FACTS, "partner_birth_date": None})
    assert result["partner"] is None and result["household_monthly"] == 870
    assert result["bracket"] == {"from_age": 60, "to_age": 69}
    assert result["next_bracket"] == {"date": "2034-06-01", "age": 70, "monthly_special_assistance": 920}


def test_the_amounts_only_result_matches_the_full_result() -> None:
    full = evaluate(FACTS)
    assert evaluate_amounts(FACTS) == {key: value for key, value in full.items() if key not in ("measures", "assumptions", "about", "next_steps")}


def test_only_eligible_measures_carry_an_amount() -> None:
    for item in evaluate(FACTS)["measures"]:
        assert ("amount" in item) == (item["clause"] in ("2.1.1", "2.1.3"))
        assert ("amount" in item) == (item["status"] == "eligible" and item["clause"] in ("2.1.1", "2.1.3"))


def test_a_measure_that_may_still_apply_says_what_would_settle_it() -> None:
    result = evaluate({**FACTS, "songjiang_hukou": None, "needs_care": None})
    for item in result["measures"]:
        if item["status"] == "needs_assessment":
            # A question every measure shares (the 户口) is said once, at the top: not in each measure's reasons.
            assert item["to_settle"] and all(step in item["reasons"] or step == "要看户口是否在松江区。"
                                             for step in item["to_settle"])
        else:
            assert item["to_settle"] == []
    five_priorities = next(item for item in result["measures"] if item["clause"] == "2.2.1")
    assert five_priorities["to_settle"][0] == "这项帮扶是给日常生活要人照护的老人的。"
    assert five_priorities["to_settle"][-1] == "要看户口是否在松江区。"  # said at the top too: last
    assert "您还没有说户口是否在松江区，多数帮扶要看这一点。" in result["about"]
