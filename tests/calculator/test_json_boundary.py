"""The JSON boundary the browser worker calls: one JSON string in, one JSON string out."""

from __future__ import annotations

import json

from calculator import FactsError, evaluate, evaluate_json, evaluate_many_json

GOOD = {"as_of": "2024-06-01", "birth_date": "1960-05-01", "family_type": "child_deceased"}
BAD = {"as_of": "2024-06-01", "birth_date": "1960-02-30", "family_type": "child_deceased"}


def errors_of(facts: object) -> list[dict[str, str]]:
    try:
        evaluate(facts)
    except FactsError as error:
        return error.errors
    raise AssertionError("expected a FactsError")


def test_valid_facts_come_back_as_ok_with_exactly_what_evaluate_returns() -> None:
    assert json.loads(evaluate_json(json.dumps(GOOD))) == {"ok": json.loads(json.dumps(evaluate(GOOD)))}


def test_bad_facts_come_back_as_the_facts_error_list() -> None:
    assert json.loads(evaluate_json(json.dumps(BAD))) == {"errors": errors_of(BAD)}


def test_text_that_is_not_json_is_a_facts_error_not_an_exception() -> None:
    assert json.loads(evaluate_json("{not json"))["errors"][0]["field"] == "facts"


def test_many_answers_each_fact_set_in_order() -> None:
    answers = json.loads(evaluate_many_json(json.dumps([GOOD, BAD, None])))
    assert [next(iter(answer)) for answer in answers] == ["ok", "errors", "errors"]


def test_many_refuses_something_other_than_a_list() -> None:
    assert "errors" in json.loads(evaluate_many_json(json.dumps(GOOD)))


def test_chinese_text_is_kept_as_characters_not_escapes() -> None:
    assert "出生日期" in evaluate_json(json.dumps(BAD))
