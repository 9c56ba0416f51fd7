"""The JSON boundary the browser worker calls: one JSON string in, one JSON string out."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from calculator import FactsError, evaluate
from calculator._boundary import envelope as json_boundary
from calculator.worker import evaluate_json, evaluate_many_json

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))  # the differential test's generator
from fact_sets import fact_sets, random_facts  # noqa: E402

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


def test_the_text_is_exactly_json_dumps_of_the_envelopes_also_when_the_measure_texts_are_dropped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(11)
    cases = fact_sets(400) + [random_facts(rng) for _ in range(400)]
    monkeypatch.setattr(json_boundary, "MEASURE_TEXTS_KEPT", 50)  # cleared many times over this batch

    def envelope(facts: object) -> dict:
        try:
            return {"ok": evaluate(facts)}
        except FactsError as error:
            return {"errors": error.errors}

    plain = [json.dumps(envelope(facts), ensure_ascii=False, separators=(",", ":")) for facts in cases]
    assert evaluate_many_json(json.dumps(cases)) == "[" + ",".join(plain) + "]"
    assert [evaluate_json(json.dumps(facts)) for facts in cases[:100]] == plain[:100]
    assert len(json_boundary._measure_texts) <= 50
