"""The README's calculator section documents every fact and roster column."""

from __future__ import annotations

from pathlib import Path

from calculator import describe_facts

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_fact_key_and_chinese_column_is_documented() -> None:
    section = README.read_text(encoding="utf-8").split("## calculator: Python API and CLI", 1)[1]
    for item in describe_facts():
        for spec in [item, *item.get("fields", [])]:
            name = spec["key"] if spec is item else f"{item['key']}.{spec['key']}"
            assert f"`{name}`" in section
            assert spec["column"] is None or spec["column"] in section


def test_the_roster_before_and_after_example_is_what_the_roster_writes() -> None:
    import csv
    import io
    import re

    from calculator import roster_csv

    text = README.read_text(encoding="utf-8")
    before, after = re.findall(r"```text\n(.*?)```", text.split("Before (a 街镇's roster", 1)[1], re.S)[:2]
    written = list(csv.reader(io.StringIO(roster_csv(before, "2024-06-01")["csv"])))
    width = len(before.splitlines()[0].split(","))
    shown = [row[width:] if not row[0].startswith("【说明】") else row for row in written]
    assert shown == list(csv.reader(io.StringIO(after)))
