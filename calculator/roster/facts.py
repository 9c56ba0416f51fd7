"""Roster mode: reading a staff roster's cells as facts.

Columns are matched by fact key (``birth_date``, ``child_event.kind`` …) or by the Chinese column
name in ``data/facts.toml`` (出生日期, 家庭类别 …); other columns pass through untouched. What each
row gains is ``rows``'s; the header's meaning is ``header``'s.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..facts.ages import parse_date
from ..facts.consistency import as_of_in_range
from ..errors import FactsError, RosterError
from ..notice import notice_date
from ..facts.spec import choice_words, fact_specs
from ..rules.standards import default_standards
from . import office_words

TRUE_WORDS = frozenset(office_words.TRUE_WORDS)
FALSE_WORDS = frozenset(office_words.FALSE_WORDS)
UNKNOWN_WORDS = frozenset(office_words.UNKNOWN_WORDS)  # read as not answered, like an empty cell
BIRTH_KEYS = frozenset({"birth_date", "partner_birth_date"})  # where 58.3.12 can only mean 1958
_DIGITS_DATE = re.compile(r"\s*(\d{4})(\d{2})(\d{2})\s*")
_SHORT_YEAR = re.compile(r"\s*(\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*")
_INT = re.compile(r"[+-]?\d{1,4}")  # compiled once: asked for every int cell of every row
FULL_WIDTH_DIGITS = str.maketrans({chr(0xFF10 + n): str(n) for n in range(10)} | {"＋": "+", "－": "-"})


def column_specs() -> dict[str, dict[str, Any]]:
    """Every accepted column name (key, dotted key or Chinese name) → ``{path, spec}``."""
    names: dict[str, dict[str, Any]] = {}
    for spec in fact_specs():
        if spec["type"] == "object":
            entries = [{"path": f"{spec['key']}.{field['key']}", "spec": field} for field in spec["fields"]]
        else:
            entries = [{"path": spec["key"], "spec": spec}]
        for entry in entries:
            names[entry["path"]] = entry
            if entry["spec"]["column"]:
                names[entry["spec"]["column"]] = entry
    for alias, column in office_words.COLUMN_ALIASES.items():
        names.setdefault(alias, names[column])
    return names


def map_header(header: list[str]) -> dict[int, dict[str, Any]]:
    """Column index → ``{path, spec}`` for the columns that hold facts; raise RosterError on clashes."""
    known = column_specs()
    mapping: dict[int, dict[str, Any]] = {}
    seen: dict[str, str] = {}
    for index, name in enumerate(header):
        entry = known.get(name.strip())
        if entry is None:
            continue
        if entry["path"] in seen:
            message = f"表头中“{seen[entry['path']]}”和“{name}”是同一项，请只保留一列"
            raise RosterError([{"field": entry["path"], "message": message}])
        seen[entry["path"]] = name
        mapping[index] = entry
    return mapping


def row_facts(cells: list[str], mapping: dict[int, dict[str, Any]], as_of: str | None
              ) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """The facts dict for one row, and the cells that cannot be read: ``{path, column, text, message}``
    each (the row decides what such a cell costs: ``roster.register``)."""
    facts: dict[str, Any] = {"as_of": as_of} if as_of else {}
    unread: list[dict[str, str]] = []
    width = len(cells)
    for index, entry, group, key in _columns(mapping):
        text = cells[index].strip() if index < width else ""
        if not text:
            continue
        try:
            value = read_cell(text, entry["spec"], entry["path"])
        except ValueError as problem:
            column = entry["spec"]["column"] or entry["spec"]["label"]
            unread.append({"path": entry["path"], "column": column, "text": text,
                           "message": f"{entry['spec']['label']}：{problem}"})
            continue
        if value is None:
            continue
        if key is None:
            facts[group] = value
        else:
            facts.setdefault(group, {})[key] = value
    return facts, unread


_COLUMNS: dict[int, tuple[object, list[tuple[int, dict[str, Any], str, str | None]]]] = {}


def _columns(mapping: dict[int, dict[str, Any]]) -> list[tuple[int, dict[str, Any], str, str | None]]:
    """``(index, entry, group, key)`` per fact column, the dotted path split once per header rather than
    on every row (``key`` None for a top-level fact). Keyed by identity, and checked."""
    cached = _COLUMNS.get(id(mapping))
    if cached is None or cached[0] is not mapping:
        columns = []
        for index, entry in mapping.items():
            group, _, key = entry["path"].partition(".")
            columns.append((index, entry, group, key or None))
        cached = (mapping, columns)
        _COLUMNS.clear()  # one header at a time: a long-running page must not keep old ones
        _COLUMNS[id(mapping)] = cached
    return cached[1]


def read_cell(text: str, spec: dict[str, Any], path: str) -> Any:
    """Read one cell as the fact's type (``path``: the fact's, ``child_event.kind``): 是/否 for bools,
    a key, a Chinese label or an office's word for choices."""
    kind = spec["type"]
    if kind == "bool":
        word = text.lower()
        if word in TRUE_WORDS or word in FALSE_WORDS:
            return word in TRUE_WORDS
        if word in UNKNOWN_WORDS:
            return None
        raise ValueError("请填写“是”、“否”或“不清楚”（也可以写 有/无、√/×）")
    if kind == "choice":
        key = _choice_words(path).get(text)
        if key is None:
            labels = "、".join(f"“{choice['label']}”" for choice in spec["choices"])
            raise ValueError(f"请从这几项中选一项：{labels}")
        return key
    if kind == "int":
        text = text.translate(FULL_WIDTH_DIGITS)
        if not _INT.fullmatch(text):
            raise ValueError("请填写一个整数")
        return int(text)
    return parse_date(roster_date(text, spec["key"])).isoformat()


def roster_date(text: str, key: str) -> str:
    """A date cell as calculator.facts.ages.parse_date reads it (1965/3/8, 1965年3月8日, full-width digits),
    plus 19580312 and, for a birth date only, 58.3.12 (a two-digit year from 20 up can only be 19xx)."""
    text = text.translate(FULL_WIDTH_DIGITS)
    match = _DIGITS_DATE.fullmatch(text)
    if match:
        return f"{match[1]}-{match[2]}-{match[3]}"
    match = _SHORT_YEAR.fullmatch(text) if key in BIRTH_KEYS else None
    if match and int(match[1]) >= 20:
        return f"19{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}"
    return text


@cache
def _choice_words(path: str) -> dict[str, str]:
    """Every word a roster may use for a choice (``"family_type"``): the form's (key, label, aliases:
    ``facts.spec.choice_words``) and the office's own (失独, 伤残 …); the form's win a shared word."""
    words: dict[str, str] = {}
    accepted = choice_words(path)
    for value, office in office_words.FAMILY_WORDS.items():
        if value in accepted.values():
            words.update(dict.fromkeys(office, value))
    return {**words, **accepted}


def check_as_of(text: str) -> None:
    """Raise FactsError unless ``text`` is a date the calculator holds standards for."""
    try:
        day = parse_date(text)
    except ValueError as problem:
        raise FactsError([{"field": "as_of", "message": f"计算日期：{problem}"}]) from None
    errors: list[dict[str, str]] = []
    if not as_of_in_range(day, max(default_standards().earliest(), notice_date()), errors):
        raise FactsError(errors)
