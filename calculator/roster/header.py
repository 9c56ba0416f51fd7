"""The roster's header: where it is, which columns hold facts, which are earlier outputs, which are unknown.

A spreadsheet often has a title row (merged cells: "2024年6月 特别扶助名单") above the header: the
header is the first of the first rows that names a fact. Rows above it are kept as they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .facts import column_specs, map_header
from .cells import CHECKED_PATHS
from ..vocabulary import fill
from .office_words import ADDRESS_NOTE, COLUMN_NOTES, REGISTER_COLUMNS
from .columns import HEADER_NAMES, HOUSEHOLD_COLUMNS, OUTPUT_KEYS, OUTPUT_NAME_TO_KEY, header_warning

EARLIER_OUTPUT = {"age", "error"}  # output columns that mark a file as an earlier output
HEADER_SEARCH_ROWS = 10  # how far down a title block may push the header


@dataclass
class Header:
    """A roster's header row and what its columns mean."""

    cells: list[str]
    facts: dict[int, dict[str, Any]]
    household: int | None
    output: list[str]  # the output header
    positions: dict[str, int]  # output key → its column in the output
    warning: str = ""
    title_rows: list[list[str]] = field(default_factory=list)
    row_number: int = 1  # the header's row number in the spreadsheet
    pending: list[list[str]] = field(default_factory=list)  # data rows read while looking for the header
    register: dict[str, int] = field(default_factory=dict)  # a register's own columns: role → index
    notes: list[str] = field(default_factory=list)  # how the register's columns were read (the summary)
    absent: frozenset[str] = frozenset()  # fact paths a money measure may need that no column holds

    @property
    def used(self) -> list[str]:
        """The names of the columns the calculation reads, in order."""
        used = set(self.facts) | set(self.register.values())
        return [name.strip() for index, name in enumerate(self.cells) if index in used]


def read_header(cells: list[str], headers: str = "chinese") -> Header:
    """The meaning of a header row; ``headers`` is ``"chinese"`` or ``"keys"`` (output column names)."""
    facts = map_header(cells)
    names = HEADER_NAMES[headers]
    output = list(cells)
    positions: dict[str, int] = {}
    for index, name in enumerate(cells):
        key = OUTPUT_NAME_TO_KEY.get(name.strip())
        if key is not None and key not in positions:  # an earlier output (or 计算日期): replaced in place
            positions[key] = index
            output[index] = names[key]
    if EARLIER_OUTPUT <= positions.keys():
        # An earlier output read back: its 计算日期 is the date that run used, not the row's own date,
        # so this run recalculates on --as-of (or today) like every other output column.
        facts = {index: entry for index, entry in facts.items() if entry["path"] != "as_of"}
    for key in OUTPUT_KEYS:
        if key not in positions:
            positions[key] = len(output)
            output.append(names[key])
    household = next((i for i, name in enumerate(cells) if name.strip() in HOUSEHOLD_COLUMNS), None)
    register = register_columns(cells)
    known = set(column_specs()) | set(REGISTER_COLUMNS)
    unused = [name for index, name in enumerate(cells) if index not in facts and index != household
              and index not in register.values() and name.strip() not in OUTPUT_NAME_TO_KEY]
    header = Header(cells, facts, household, output, positions, header_warning(unused, known), register=register)
    header.notes = [fill(COLUMN_NOTES[name.strip()]) for name in cells if name.strip() in COLUMN_NOTES]
    paths = {entry["path"] for entry in facts.values()}
    if "address" in register and "songjiang_hukou" not in paths:
        header.notes.append(ADDRESS_NOTE)
        paths.add("songjiang_hukou")
    header.absent = CHECKED_PATHS - paths
    return header


def register_columns(cells: list[str]) -> dict[str, int]:
    """The register's own columns (身份证号, 姓名, 配偶姓名, 户籍地址 …): role → index, the first of each."""
    found: dict[str, int] = {}
    for index, name in enumerate(cells):
        role = REGISTER_COLUMNS.get(name.strip())
        if role is not None:
            found.setdefault(role, index)
    return found


def looks_like_header(cells: list[str]) -> bool:
    """A header names a fact, or a register's 姓名 / 身份证号 column."""
    return bool(map_header(cells)) or any(REGISTER_COLUMNS.get(name.strip()) in ("name", "id") for name in cells)


def find_header(rows: Iterator[list[str]], headers: str = "chinese") -> Header | None:
    """Read rows up to the header (the first naming a fact; else the first row); None for an empty file."""
    seen: list[list[str]] = []
    for cells in rows:
        seen.append(cells)
        if looks_like_header(cells):
            header = read_header(cells, headers)
            header.title_rows, header.row_number = seen[:-1], len(seen)
            return header
        if len(seen) == HEADER_SEARCH_ROWS:
            break
    if not seen:
        return None
    header = read_header(seen[0], headers)
    header.pending = seen[1:]
    return header
