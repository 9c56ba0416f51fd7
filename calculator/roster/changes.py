"""``--changes-until DATE``: whose monthly amount changes between the calculation date and DATE.

The 动态维护 list staff otherwise keep by hand: a person (or the partner named in the row) whose 2.1.1
amount changes on a bracket birthday (49, 60, 70 周岁) inside the period, with the day and the new
amount, sorted by date. Each candidate day is calculated like any other, so 户籍 and family type count
exactly as they do for the roster itself. Only the changes are kept in memory, not the rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..facts.ages import birthday, parse_date
from ..errors import FactsError
from ..result.evaluate import evaluate_amounts
from ..rules.standards import default_standards

HEADERS = {"chinese": ("表格行号", "谁", "变化日期", "满周岁", "原每月特别扶助金", "新每月特别扶助金"),
           "keys": ("row", "who", "date", "age", "monthly_before", "monthly_after")}
WHO = {"birth_date": "本人", "partner_birth_date": "配偶"}


@dataclass
class Changes:
    """The changes found up to ``until``, one per person and birthday."""

    until: date
    found: list[dict[str, Any]] = field(default_factory=list)

    def add_row(self, number: int, cells: list[str], facts: dict[str, Any], result: dict[str, Any],
                household: str = "") -> None:
        """Look for changes of this row's person and partner (``household``: the row's 户号, if any)."""
        start = date.fromisoformat(result["as_of"])
        partner = result["partner"]
        people = [("birth_date", result["monthly_special_assistance"], "monthly_special_assistance")]
        if partner is not None:
            people.append(("partner_birth_date", partner["monthly_special_assistance"], "partner"))
        for key, now, where in people:
            for change in _person_changes(facts, key, now, where, start, self.until):
                self.found.append({"row": number, "cells": cells, "who": WHO[key], "household": household, **change})

    def written(self) -> int:
        """How many changes the list holds (a couple's shared change once)."""
        return len(_once(self.found))

    def rows(self, header: list[str], headers: str = "chinese") -> list[list[str | int]]:
        """The output: a header row, then one row per change, sorted by date (then by row)."""
        row_name, *names = HEADERS[headers]
        out: list[list[str | int]] = [[row_name, *header, *names]]
        for item in sorted(_once(self.found), key=lambda item: (item["date"], item["row"])):
            cells = (item["cells"] + [""] * len(header))[:len(header)]
            out.append([item["row"], *cells, item["who"], item["date"], item["age"], item["before"], item["after"]])
        return out


def _once(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Leave out a partner's change that the partner's own row in the same 户号 household lists already."""
    own = {(item["household"], item["date"], item["age"], item["after"]) for item in found
           if item["household"] and item["who"] == WHO["birth_date"]}
    return [item for item in found if item["who"] == WHO["birth_date"]
            or (item["household"], item["date"], item["age"], item["after"]) not in own]


def _person_changes(facts: dict[str, Any], key: str, now: int, where: str, start: date,
                    until: date) -> list[dict[str, Any]]:
    birth = parse_date(facts[key])
    changes = []
    before = now
    for age in _bracket_ages(facts.get("family_type", ""), start):
        day = birthday(birth, age)
        if not start < day <= until:
            continue
        try:
            later = evaluate_amounts({**facts, "as_of": day.isoformat()})
        except FactsError:
            continue
        amount = later[where]["monthly_special_assistance"] if where == "partner" else later[where]
        if amount != before:
            changes.append({"date": day.isoformat(), "age": age, "before": before, "after": amount})
            before = amount
    return changes


def _bracket_ages(family_type: str, on: date) -> list[int]:
    return [from_age for from_age, _ in default_standards().brackets(family_type, on)]
