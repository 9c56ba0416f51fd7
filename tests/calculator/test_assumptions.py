from __future__ import annotations

import json
import re

from calculator import assumptions, evaluate
from calculator.notice import clauses_by_id

FIXED_BY_THE_ISSUE = {"age-zhousui", "child-16-is-over-16"}


def test_each_assumption_has_a_stable_slug_a_clause_a_title_and_chinese_reasoning() -> None:
    items = assumptions()
    assert len({item["id"] for item in items}) == len(items)
    for item in items:
        assert {"id", "clause", "title", "text"} <= set(item) <= {"id", "clause", "title", "text", "hukou", "words"}
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", item["id"])
        clauses = item["clause"] if isinstance(item["clause"], list) else [item["clause"]]
        assert clauses and set(clauses) <= set(clauses_by_id())
        assert re.search(r"[\u4e00-\u9fff]", item["title"]) and len(item["text"]) > 30


def test_the_two_readings_fixed_by_the_issue_are_recorded() -> None:
    assert FIXED_BY_THE_ISSUE <= {item["id"] for item in assumptions()}


def test_assumptions_are_json_compatible_copies() -> None:
    items = assumptions()
    assert json.loads(json.dumps(items, ensure_ascii=False)) == items
    items[0]["title"] = "changed"
    assert assumptions()[0]["title"] != "changed"


def test_a_result_lists_only_recorded_assumption_ids_sorted() -> None:
    result = evaluate({"as_of": "2024-06-01", "birth_date": "1960-01-01", "family_type": "none"})
    recorded = {item["id"] for item in assumptions()}
    assert result["assumptions"] == sorted(result["assumptions"])
    assert set(result["assumptions"]) <= recorded
    assert FIXED_BY_THE_ISSUE <= set(result["assumptions"])


def test_the_feb29_assumption_is_listed_only_for_a_29_february_birth() -> None:
    base = {"as_of": "2024-06-01", "family_type": "child_deceased"}
    assert "feb29-birthday" in evaluate({**base, "birth_date": "1960-02-29"})["assumptions"]
    assert "feb29-birthday" not in evaluate({**base, "birth_date": "1960-03-01"})["assumptions"]
