"""Read the policy source: the notice's clauses, as one structured file.

The file ``calculator/data/notice.toml`` is the single source of truth for clause
ids, labels, titles, verbatim text and responsible departments. It ships inside
the package so the rules (in CPython and in Pyodide) can name the departments
without a second copy.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ._data import load


def load_notice() -> dict[str, Any]:
    """Return the whole policy source as parsed TOML (cached; do not mutate)."""
    return load("notice")


def clauses_by_id() -> dict[str, dict[str, Any]]:
    """Every clause of the notice keyed by id (``"1"``, ``"2.1.1"`` … ``"3.3"``)."""
    return {clause["id"]: clause for clause in load_notice()["clauses"]}


def departments_of(clause_id: str) -> list[str]:
    """The departments responsible for a clause, as written in its （…负责） tail."""
    return list(clauses_by_id()[clause_id]["departments"])


def notice_date() -> date:
    """The date the notice was issued (2020-12-01): the calculator calculates from this day on."""
    return load_notice()["date"]
