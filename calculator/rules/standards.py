"""Amounts with the dates they start, read from ``calculator/parameters/*.toml``.

Each parameter file covers one clause and holds ``[[values]]`` entries keyed by ``since``;
the entry in force on a date is the latest one whose ``since`` is on or before it. A new
standard is one new entry: no code changes. Amounts are whole yuan (ints).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import date
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from os import PathLike
from pathlib import Path
from typing import Any

from .._data import read_toml

SPECIAL_ASSISTANCE_CLAUSE = "2.1.1"
ENTRIES_KEPT = 4096  # (clause, day) answers remembered per Standards: bounded, whatever the dates asked


class Standards:
    """The parameter tables, queried by clause and date."""

    def __init__(self, tables: Mapping[str, Mapping[str, Any]]) -> None:
        self._by_clause: dict[str, dict[str, Any]] = {}
        for name in sorted(tables):
            table = _checked(name, tables[name])
            self._by_clause[table["clause"]] = table
        self._earliest = min(table["values"][0]["since"] for table in self._by_clause.values())
        self._reviewed = min(table["reviewed"] for table in self._by_clause.values())
        self._entries: dict[tuple[str, date], dict[str, Any] | None] = {}

    def entry(self, clause: str, on: date) -> dict[str, Any] | None:
        """The values entry for ``clause`` in force on ``on``, or None before the first one."""
        key = (clause, on)
        if key in self._entries:  # a roster asks about the same day on every row
            return self._entries[key]
        current = None
        for values in self._by_clause[clause]["values"]:
            if values["since"] <= on:
                current = values
        if len(self._entries) < ENTRIES_KEPT:
            self._entries[key] = current
        return current

    def standard_of(self, clause: str, on: date) -> dict[str, str] | None:
        """Where the amount in force on ``on`` comes from: ``{source, since}`` (since as YYYY-MM-DD), or None."""
        values = self.entry(clause, on)
        if values is None:
            return None
        return {"source": values["source"], "since": values["since"].isoformat()}

    def reviewed(self) -> date:
        """The day the figures were last checked against published documents (the oldest of all tables)."""
        return self._reviewed

    def brackets(self, family_type: str, on: date) -> list[tuple[int, int]]:
        """2.1.1 age brackets ``(from_age, monthly amount)`` for a family type on a date."""
        values = self.entry(SPECIAL_ASSISTANCE_CLAUSE, on)
        if values is None or family_type not in values:
            return []
        return [(row["from_age"], row["amount"]) for row in values[family_type]]

    def monthly(self, family_type: str, age: int, on: date) -> int:
        """The 2.1.1 monthly amount for a family type and age on a date; 0 where none applies."""
        return amount_for_age(self.brackets(family_type, on), age)

    def one_time(self, clause: str, kind: str, on: date) -> int | None:
        """A one-time amount (2.1.2–2.1.4) for an event kind on a date, or None if none is held."""
        values = self.entry(clause, on)
        if values is None:
            return None
        amount = values.get(kind)
        return amount if isinstance(amount, int) else None

    def first_since(self, clause: str) -> date:
        """The date of the first entry held for a clause."""
        return self._by_clause[clause]["values"][0]["since"]

    def earliest(self) -> date:
        """The earliest date any standard is held for (the calculator's lower limit)."""
        return self._earliest

    def as_json(self) -> list[dict[str, Any]]:
        """Every table, JSON-compatible (dates as ``YYYY-MM-DD``), ordered by clause."""
        return [_table_json(self._by_clause[clause]) for clause in sorted(self._by_clause, key=_clause_key)]


def amount_for_age(brackets: list[tuple[int, int]], age: int) -> int:
    """The monthly amount of the bracket ``age`` falls in (0 under the first): see :meth:`Standards.brackets`."""
    amount = 0
    for from_age, bracket_amount in brackets:
        if age >= from_age:
            amount = bracket_amount
    return amount


def load_standards(source: str | PathLike[str] | Traversable | Mapping[str, Any] | None = None) -> Standards:
    """Load parameter tables from a directory of ``.toml`` files, a mapping, or (default) the package.

    A mapping is ``{name: parsed TOML table}``. Tests use a directory or mapping to try a new
    dated entry without touching the package's own files.
    """
    if source is None:
        return default_standards()
    if isinstance(source, Mapping):
        return Standards(source)
    folder = source if isinstance(source, Traversable) else Path(source)
    return Standards(_read_folder(folder))


@cache
def default_standards() -> Standards:
    """The standards shipped with the package (cached)."""
    return Standards(_read_folder(resources.files("calculator").joinpath("parameters")))


def standards() -> list[dict[str, Any]]:
    """The shipped amounts, JSON-compatible: ``[{name, clause, description, reviewed, values: [{since, source, …}]}]``.

    The site renders its amounts table from this, so amounts are never typed twice.
    """
    return default_standards().as_json()


def _read_folder(folder: Traversable) -> dict[str, dict[str, Any]]:
    tables = {}
    for item in folder.iterdir():
        if item.name.endswith(".toml"):
            tables[item.name.removesuffix(".toml")] = read_toml(item)
    return tables


def _checked(name: str, table: Mapping[str, Any]) -> dict[str, Any]:
    values = sorted(table.get("values", []), key=lambda entry: entry.get("since", date.min))
    if not values or not isinstance(table.get("clause"), str):
        raise ValueError(f"parameter table {name!r} needs a clause and at least one [[values]] entry")
    if type(table.get("reviewed")) is not date:
        raise ValueError(f"parameter table {name!r} needs a reviewed date: the day its figures were last checked")
    for entry in values:
        _check_entry(name, entry)
    return {"name": name, "clause": table["clause"], "description": table.get("description", ""),
            "reviewed": table["reviewed"], "values": values}


def _check_entry(name: str, entry: Mapping[str, Any]) -> None:
    if type(entry.get("since")) is not date or not isinstance(entry.get("source"), str):
        raise ValueError(f"parameter table {name!r}: every entry needs a since date and a source")
    for key, value in entry.items():
        if key in ("since", "source"):
            continue
        rows = value if isinstance(value, list) else [{"from_age": 0, "amount": value}]
        for row in rows:
            if not all(type(row.get(field)) is int for field in ("from_age", "amount")):
                raise ValueError(f"parameter table {name!r}: {key} must be whole yuan (int)")


def _table_json(table: dict[str, Any]) -> dict[str, Any]:
    values = [{key: (value.isoformat() if key == "since" else copy.deepcopy(value)) for key, value in entry.items()} for entry in table["values"]]
    return {"name": table["name"], "clause": table["clause"], "description": table["description"],
            "reviewed": table["reviewed"].isoformat(), "values": values}


def _clause_key(clause: str) -> tuple[int, ...]:
    return tuple(int(part) for part in clause.split("."))
