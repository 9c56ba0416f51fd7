"""The policy source is refused loudly when malformed, and accepted as shipped."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from sitegen.pages.source import EXPECTED_IDS, PolicySourceError, department_tail, load_source, validate_source


@pytest.fixture(scope="module")
def source() -> dict:
    return load_source()


def broken(source: dict, change) -> list[str]:
    changed = copy.deepcopy(source)
    change(changed)
    return validate_source(changed)


def test_shipped_source_is_sound_and_complete(source: dict) -> None:
    assert validate_source(source) == []
    assert [clause["id"] for clause in source["clauses"]] == EXPECTED_IDS
    assert len([i for i in EXPECTED_IDS if i.startswith("2.")]) == 22


def test_duplicate_clause_id_is_refused(source: dict) -> None:
    problems = broken(source, lambda s: s["clauses"][2].update(id="2.1.1"))
    assert "duplicate clause id '2.1.1'" in problems
    assert "missing clause id '2.1.2'" in problems


def test_missing_clause_is_refused(source: dict) -> None:
    problems = broken(source, lambda s: s["clauses"].pop())
    assert problems == ["missing clause id '3.3'"]


def test_id_outside_the_scheme_is_refused(source: dict) -> None:
    problems = broken(source, lambda s: s["clauses"][1].update(id="2.1.01"))
    assert any("does not follow the part.section.item scheme" in problem for problem in problems)


def test_departments_must_match_the_tail_of_the_text(source: dict) -> None:
    problems = broken(source, lambda s: s["clauses"][1].update(departments=["区民政局"]))
    assert any(problem.startswith("clause 2.1.1: departments") for problem in problems)


def test_missing_field_is_refused(source: dict) -> None:
    problems = broken(source, lambda s: s["clauses"][5].pop("title"))
    assert problems == ["clause 2.2.1: field 'title' missing or not a str"]


def test_unparseable_file_raises_with_the_path(tmp_path: Path) -> None:
    bad = tmp_path / "notice.toml"
    bad.write_text("title = ", encoding="utf-8")
    with pytest.raises(PolicySourceError, match="notice.toml"):
        load_source(bad)


@pytest.mark.parametrize(
    ("text", "departments"),
    [
        ("……研究制定。（区卫生健康委、市财政局负责）", ["区卫生健康委", "市财政局"]),
        ("……关爱项目。（区卫生健康委、区民政局、区财政局、区残联负责)", ["区卫生健康委", "区民政局", "区财政局", "区残联"]),
        ("……安排房源入住。(区房管局负责)", ["区房管局"]),
        ("……确保工作落到实处、取得实效。", []),
    ],
    ids=["full-width", "mixed-brackets", "half-width", "no-tail"],
)
def test_department_tail_is_parsed_exactly_as_written(text: str, departments: list[str]) -> None:
    assert department_tail(text) == departments
