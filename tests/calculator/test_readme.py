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
