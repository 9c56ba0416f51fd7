"""Bad facts raise one FactsError with a Chinese message per field."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from calculator import FactsError, evaluate

GOOD: dict[str, Any] = {"as_of": "2024-06-01", "birth_date": "1960-01-01", "family_type": "child_deceased"}


def errors_for(facts: object) -> list[dict[str, str]]:
    with pytest.raises(FactsError) as caught:
        evaluate(facts)
    assert isinstance(caught.value, ValueError)
    return caught.value.errors


BAD = [
    ("impossible-date", {**GOOD, "birth_date": "1961-02-29"}, "birth_date", "不存在"),
    ("wrong-date-format", {**GOOD, "birth_date": "60-1-1"}, "birth_date", "年、月、日"),
    ("date-not-a-string", {**GOOD, "birth_date": 19600101}, "birth_date", "年、月、日"),
    ("birth-after-as-of", {**GOOD, "birth_date": "2024-06-02"}, "birth_date", "不能晚于"),
    ("absurd-age", {**GOOD, "birth_date": "1890-01-01"}, "birth_date", "超过"),
    ("missing-birth-date", {"as_of": "2024-06-01", "family_type": "none"}, "birth_date", "必须填写"),
    ("missing-family-type", {"as_of": "2024-06-01", "birth_date": "1960-01-01"}, "family_type", "必须填写"),
    ("unknown-family-type", {**GOOD, "family_type": "deceased"}, "family_type", "独生子女死亡家庭"),
    ("as-of-before-the-notice", {**GOOD, "as_of": "2020-11-30"}, "as_of", "2020年12月1日"),
    ("as-of-too-late", {**GOOD, "as_of": "2100-01-01"}, "as_of", "不能晚于"),
    ("hukou-as-string", {**GOOD, "songjiang_hukou": "是"}, "songjiang_hukou", "是"),
    ("cert-as-number", {**GOOD, "honor_cert": 1}, "honor_cert", "true"),
    ("unknown-key", {**GOOD, "birthday": "1960-01-01"}, "birthday", "无法识别"),
    ("event-not-an-object", {**GOOD, "child_event": "accident"}, "child_event", "这一组"),
    ("unknown-kind", {**GOOD, "child_event": {"kind": "illness", "child_age": 10}}, "child_event.kind", "意外去世"),
    ("missing-kind", {**GOOD, "child_event": {"child_age": 10}}, "child_event.kind", "必须填写"),
    ("negative-child-age", {**GOOD, "child_event": {"kind": "accidental_death", "child_age": -1}}, "child_event.child_age", "0"),
    ("absurd-child-age", {**GOOD, "child_event": {"kind": "accidental_death", "child_age": 500}}, "child_event.child_age", "120"),
    ("child-age-as-float", {**GOOD, "child_event": {"kind": "accidental_death", "child_age": 16.0}}, "child_event.child_age", "整数"),
    ("child-age-as-bool", {**GOOD, "child_event": {"kind": "accidental_death", "child_age": True}}, "child_event.child_age", "整数"),
    ("child-older-than-parent", {**GOOD, "child_event": {"kind": "accidental_death", "child_age": 64}}, "child_event.child_age", "16 周岁"),
    ("married-as-string", {**GOOD, "family_type": "none",
                           "child_event": {"kind": "serious_illness", "child_age": 20, "child_married": "否"}},
     "child_event.child_married", "是"),
    ("partner-born-later", {**GOOD, "partner_birth_date": "2025-01-01"}, "partner_birth_date", "不能晚于"),
    ("optional-fact-wrong-type", {**GOOD, "needs_care": "yes"}, "needs_care", "是"),
]


@pytest.mark.parametrize(("facts", "field", "words"), [case[1:] for case in BAD], ids=[case[0] for case in BAD])
def test_bad_facts_name_the_field_and_explain_in_chinese(facts: dict[str, Any], field: str, words: str) -> None:
    errors = errors_for(facts)
    matching = [error for error in errors if error["field"] == field]
    assert matching, errors
    assert words in matching[0]["message"]


@pytest.mark.parametrize("facts", [None, [], "1960-01-01", 3, True], ids=["null", "list", "string", "number", "bool"])
def test_facts_that_are_not_an_object_are_refused_as_a_whole(facts: object) -> None:
    assert [error["field"] for error in errors_for(facts)] == ["facts"]


def test_every_problem_is_reported_at_once() -> None:
    errors = errors_for({"as_of": "2024-06-01", "birth_date": "1960-13-01", "family_type": "x", "honor_cert": "yes"})
    assert [error["field"] for error in errors] == ["birth_date", "family_type", "honor_cert"]


def test_as_of_defaults_to_today_and_nothing_defaults_to_yes() -> None:
    before = date.today().isoformat()
    result = evaluate({"birth_date": "1960-01-01", "family_type": "child_deceased"})
    assert result["as_of"] in (before, date.today().isoformat())
    assert result["monthly_special_assistance"] == 0  # 户籍 not answered: no established amount
    assert result["possible_monthly"] == 870


def test_nulls_mean_not_answered() -> None:
    result = evaluate({**GOOD, "child_event": None, "songjiang_hukou": None, "needs_care": None, "as_of": "2024-06-01"})
    assert (result["monthly_special_assistance"], result["possible_monthly"]) == (0, 870)


def test_the_error_is_a_value_error_with_a_readable_message() -> None:
    with pytest.raises(ValueError, match="出生日期"):
        evaluate({**GOOD, "birth_date": "soon"})


def test_an_early_as_of_is_reported_alongside_other_problems() -> None:
    errors = errors_for({"as_of": "2020-06-01", "birth_date": "1960-02-30", "family_type": "none"})
    assert {error["field"] for error in errors} == {"as_of", "birth_date"}
