"""The roster's header: where it is, which columns hold facts, which are earlier outputs, which are unknown.

A spreadsheet often has a title row (merged cells: "2024年6月 特别扶助名单") above the header: the
header is the first of the first rows that names a fact. Rows above it are kept as they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .facts import column_specs, map_header
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
    known = set(column_specs())
    unused = [name for index, name in enumerate(cells) if index not in facts and index != household
              and name.strip() not in OUTPUT_NAME_TO_KEY]
    return Header(cells, facts, household, output, positions, header_warning(unused, known))


def find_header(rows: Iterator[list[str]], headers: str = "chinese") -> Header | None:
    """Read rows up to the header (the first naming a fact; else the first row); None for an empty file."""
    seen: list[list[str]] = []
    for cells in rows:
        seen.append(cells)
        if map_header(cells):
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
