from __future__ import annotations

import json
import shutil
import tomllib
from datetime import date
from pathlib import Path

import pytest

from calculator import evaluate, load_standards, standards
from calculator.notice import clauses_by_id

PARAMETERS = Path(__file__).resolve().parents[2] / "calculator" / "parameters"


def _amounts(value: object) -> list[object]:
    if isinstance(value, list):
        return [row["amount"] for row in value] + [row["from_age"] for row in value]
    return [value]


def test_every_amount_is_whole_yuan_and_every_entry_cites_its_source() -> None:
    for path in sorted(PARAMETERS.glob("*.toml")):
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        assert table["clause"] in clauses_by_id(), path.name
        for entry in table["values"]:
            assert isinstance(entry["since"], date) and entry["source"], path.name
            for key, value in entry.items():
                if key not in ("since", "source"):
                    assert all(type(amount) is int for amount in _amounts(value)), (path.name, key)


def test_the_issue_amounts_are_held_from_2019() -> None:
    table = load_standards()
    assert table.brackets("child_disabled", date(2019, 1, 1)) == [(49, 660), (60, 710), (70, 760)]
    assert table.brackets("child_deceased", date(2019, 1, 1)) == [(49, 820), (60, 870), (70, 920)]
    assert table.earliest() == date(2019, 1, 1)


def test_standards_are_json_compatible_for_the_site_amounts_table() -> None:
    data = standards()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert [table["clause"] for table in data] == ["2.1.1", "2.1.2", "2.1.3", "2.1.4"]
    first = data[0]["values"][0]
    assert first["since"] == "2019-01-01" and first["source"] == "沪卫规〔2019〕6号"
    assert first["child_deceased"][1] == {"from_age": 60, "amount": 870}


def test_standards_returns_a_copy_the_caller_may_change() -> None:
    standards()[0]["values"][0]["child_deceased"][0]["amount"] = 1
    assert standards()[0]["values"][0]["child_deceased"][0]["amount"] == 820


NEW_ENTRY = """
[[values]]
since = 2026-01-01
source = "假设的新标准（测试用）"
child_disabled = [{ from_age = 49, amount = 700 }, { from_age = 60, amount = 750 }, { from_age = 70, amount = 800 }]
child_deceased = [{ from_age = 49, amount = 860 }, { from_age = 60, amount = 910 }, { from_age = 70, amount = 960 }]
"""


@pytest.fixture
def raised_standards(tmp_path: Path) -> object:
    copy = tmp_path / "parameters"
    shutil.copytree(PARAMETERS, copy)
    with (copy / "special_assistance.toml").open("a", encoding="utf-8") as handle:
        handle.write(NEW_ENTRY)
    return load_standards(copy)


@pytest.mark.parametrize(
    ("as_of", "amount"),
    [("2025-12-31", 870), ("2026-01-01", 910), ("2030-06-01", 910)],
    ids=["day-before-the-new-standard", "day-it-starts", "years-later"],
)
def test_a_new_dated_entry_changes_amounts_from_its_date_only(raised_standards: object, as_of: str, amount: int) -> None:
    facts = {"as_of": as_of, "birth_date": "1962-01-01", "family_type": "child_deceased", "songjiang_hukou": True}
    assert evaluate(facts, standards=raised_standards)["monthly_special_assistance"] == amount
    assert evaluate(facts)["monthly_special_assistance"] == 870


def test_next_bracket_uses_the_standard_in_force_on_that_birthday(raised_standards: object) -> None:
    facts = {"as_of": "2025-06-01", "birth_date": "1966-03-01", "family_type": "child_disabled", "songjiang_hukou": True}
    upcoming = evaluate(facts, standards=raised_standards)["next_bracket"]
    assert upcoming == {"date": "2026-03-01", "age": 60, "monthly_special_assistance": 750}


def test_a_float_amount_is_refused_when_loading() -> None:
    table = {"clause": "2.1.4", "reviewed": date(2020, 12, 1),
             "values": [{"since": date(2019, 1, 1), "source": "x", "serious_illness": 3000.0}]}
    with pytest.raises(ValueError, match="whole yuan"):
        load_standards({"one_time_serious_illness": table})


def test_a_table_without_a_reviewed_date_is_refused_when_loading() -> None:
    table = {"clause": "2.1.4", "values": [{"since": date(2019, 1, 1), "source": "x", "serious_illness": 3000}]}
    with pytest.raises(ValueError, match="reviewed"):
        load_standards({"one_time_serious_illness": table})


def test_every_parameter_file_says_when_its_figures_were_last_checked() -> None:
    assert {table["reviewed"] for table in standards()} == {"2020-12-01"}
    assert load_standards().reviewed() == date(2020, 12, 1)


def test_a_raised_standard_s_source_and_start_date_travel_with_the_amount(raised_standards: object) -> None:
    facts = {"as_of": "2026-03-01", "birth_date": "1962-01-01", "family_type": "child_deceased", "songjiang_hukou": True}
    result = evaluate(facts, standards=raised_standards)
    assert result["standard"] == {"source": "假设的新标准（测试用）", "since": "2026-01-01"}
    reasons = next(m for m in result["measures"] if m["clause"] == "2.1.1")["reasons"]
    assert any("标准：假设的新标准（测试用），2026年1月1日起。" in reason for reason in reasons)
