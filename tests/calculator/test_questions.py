from __future__ import annotations

import dataclasses
import json

from calculator import describe_facts
from calculator.facts.parse import ChildEvent, Facts

ISSUE_KEYS = ["as_of", "birth_date", "songjiang_hukou", "family_type", "special_assistance_cert", "honor_cert", "child_event"]


def test_every_key_the_issue_names_is_described() -> None:
    keys = [item["key"] for item in describe_facts()]
    assert set(ISSUE_KEYS) <= set(keys)
    event = next(item for item in describe_facts() if item["key"] == "child_event")
    assert [field["key"] for field in event["fields"]] == ["kind", "child_age", "date", "child_married",
                                                           "pledge_no_more_children"]


def test_described_facts_match_the_validated_facts_exactly() -> None:
    assert [item["key"] for item in describe_facts()] == [field.name for field in dataclasses.fields(Facts)]
    event = next(item for item in describe_facts() if item["key"] == "child_event")
    assert {field["key"] for field in event["fields"]} == {field.name for field in dataclasses.fields(ChildEvent)}


def test_description_is_json_compatible_with_chinese_labels_and_hints() -> None:
    items = describe_facts()
    assert json.loads(json.dumps(items, ensure_ascii=False)) == items
    for item in items + next(i for i in items if i["type"] == "object")["fields"]:
        assert item["type"] in ("date", "bool", "choice", "int", "object")
        assert item["label"] and item["hint"]
        assert set(item) >= {"key", "label", "hint", "type", "required", "default", "ask_when", "column"}


def test_family_type_choices_carry_chinese_labels_and_no_answer_is_assumed() -> None:
    items = {item["key"]: item for item in describe_facts()}
    labels = {choice["value"]: choice["label"] for choice in items["family_type"]["choices"]}
    assert labels == {"child_deceased": "独生子女死亡家庭", "child_disabled": "独生子女伤残家庭", "none": "以上都不是"}
    assert [item["key"] for item in describe_facts() if item["default"] is not None] == []
    assert items["birth_date"]["required"] and items["family_type"]["required"]


def test_roster_column_names_are_unique() -> None:
    items = describe_facts()
    columns = [item["column"] for item in items if item["column"]]
    columns += [field["column"] for item in items if item["type"] == "object" for field in item["fields"]]
    assert len(columns) == len(set(columns))
