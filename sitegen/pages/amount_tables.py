"""Shape the calculator's dated parameters into rows for the amounts page.

The amounts are never typed into the site: they come from calculator.standards(),
the same data the rules use.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from calculator.facts import ages
from calculator.facts.spec import kind_label

MONTHLY_TABLE = "special_assistance"
FAMILY_COLUMNS = ("child_disabled", "child_deceased")
# The one-time tables' situations, in the page's order; their labels are the form's (data/facts.toml).
ONE_TIME_SITUATIONS = ("accidental_disability", "accidental_death", "serious_illness")


def bracket_name(from_age: int, next_from_age: int | None) -> str:
    """``49, 60`` → ``49–59周岁``; the last bracket is open-ended (……周岁及以上)."""
    return f"{from_age}周岁及以上" if next_from_age is None else f"{from_age}–{next_from_age - 1}周岁"


def monthly_standards(standards: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each dated monthly standard, newest first, as {since, source, clause, rows: [{bracket, …}]}."""
    table = next(table for table in standards if table["name"] == MONTHLY_TABLE)
    return [
        {"since": str(entry["since"]), "source": entry["source"], "clause": table["clause"],
         "description": table["description"], "rows": _bracket_rows(entry)}
        for entry in reversed(table["values"])
    ]


def one_time_standards(standards: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every one-time standard, by clause, newest first: {clause, since, source, amounts: [(situation, yuan)]}."""
    rows = []
    for table in sorted(standards, key=lambda table: table["clause"]):
        for entry in reversed(table["values"]):
            amounts = [(kind_label(key), entry[key]) for key in ONE_TIME_SITUATIONS if key in entry]
            if amounts:
                rows.append({"clause": table["clause"], "since": str(entry["since"]),
                             "source": entry["source"], "amounts": amounts})
    return rows


def chinese_date(iso_date: str) -> str:
    """``2019-01-01`` → ``2019年1月1日``, the way the notice writes dates (the calculator's own wording)."""
    return ages.chinese_date(date.fromisoformat(str(iso_date)))


def _bracket_rows(entry: dict[str, Any]) -> list[dict[str, Any]]:
    brackets = [bracket["from_age"] for bracket in entry[FAMILY_COLUMNS[0]]]
    rows = []
    for index, from_age in enumerate(brackets):
        next_age = brackets[index + 1] if index + 1 < len(brackets) else None
        row = {"bracket": bracket_name(from_age, next_age)}
        for family in FAMILY_COLUMNS:
            row[family] = next(b["amount"] for b in entry[family] if b["from_age"] == from_age)
        rows.append(row)
    return rows

