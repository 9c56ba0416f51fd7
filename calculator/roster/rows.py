"""One roster row in, the same row out with its amounts: the row loop every roster format shares.

Each row keeps its own cells and gains the output columns (``columns.OUTPUT_COLUMNS``); a bad
row keeps its place with a Chinese message in 错误. Amounts we write are ints (a spreadsheet keeps them
numbers); everything else is text. Every row is worked out before the first is written (a person
repeated or a couple can show only on a later row): memory grows with the rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import FactsError
from .facts import RosterError
from .households import People, find_people
from .register import Reading, evaluate_row, read_row
from .columns import OUTPUT_KEYS
from .header import Header, find_header
from .limits import checked_rows
from .summary import Summary
from .cells import subsidy_keys, subsidy_words, to_check

Cell = str | int
OUTPUT_KEYS_BUT_AS_OF = tuple(key for key in OUTPUT_KEYS if key != "as_of")
EMPTY_ROW = "这一行是空的"
EXTRA_CELLS = "这一行的格子比表头多，多出的内容放在最后"
NOTE_MARK = "【说明】"  # starts the summary's note rows at the end of a CSV; skipped when read back
DUPLICATE = "重复"
EMPTY_FILE = "文件是空的：第一行应是表头（如 姓名、出生日期、家庭类别）"


@dataclass
class Computed:
    """One data row worked out: its reading and amounts, or why it could not be calculated."""

    number: int
    cells: list[str]
    home: str = ""  # the 户号 typed in the row
    reading: Reading | None = None
    result: dict[str, Any] | None = None
    checking: str = ""
    error: str = ""


def process_rows(rows: Iterable[list[str]], as_of: str | None, summary: Summary, headers: str = "chinese") -> Iterator[list[Cell]]:
    """Yield the rows above the header, the output header, then one output row per input row, in order.

    Every row is worked out before the first is written: whether a row repeats a person, or is one of a
    couple, can depend on a later row."""
    rows = checked_rows(rows)  # row count and cell length, before the header's difflib sees a cell
    header = find_header(rows, headers)
    if header is None:
        raise RosterError([{"field": "file", "message": EMPTY_FILE}])
    summary.header_warning, summary.columns = header.warning, header.cells
    summary.used, summary.column_notes = header.used, header.notes
    summary.head_size = len(header.title_rows) + 1
    yield from header.title_rows
    yield header.output
    computed = []
    number = header.row_number
    for cells in _chain(header.pending, rows):
        number += 1
        if cells and cells[0].startswith(NOTE_MARK) and not any(cells[1:]):
            continue
        computed.append(_compute(cells, header, as_of, summary, number))
    people = find_people([(row.number, row.reading.who, row.home) for row in computed if row.result is not None])
    summary.pair_words = people.pair_words()
    totals = _household_totals(computed, people)
    for row in computed:
        yield output_row(row, header, summary, people, totals, headers == "keys")


def _chain(first: list[list[str]], rest: Iterator[list[str]]) -> Iterator[list[str]]:
    yield from first
    yield from rest


def _compute(cells: list[str], header: Header, as_of: str | None, summary: Summary, number: int) -> Computed:
    home = cells[header.household].strip() if header.household is not None and header.household < len(cells) else ""
    row = Computed(number, cells, home)
    if not any(cell.strip() for cell in cells):
        row.error = EMPTY_ROW
        return row
    row.reading = read_row(cells, header, as_of, summary.unknown)
    try:
        row.result, outcomes = evaluate_row(row.reading)
    except FactsError as problem:  # with what the row's 身份证号 said, if anything: it may be why
        row.error = "；".join([*(error["message"] for error in problem.errors), *row.reading.notes])
        return row
    held: set[str] = set()
    checking = to_check(row.reading.facts, row.result, outcomes, row.reading.unread, header.absent, held)
    row.checking = "；".join(filter(None, [*row.reading.notes, checking]))
    for path in held:
        summary.held[path] = summary.held.get(path, 0) + 1
    return row


def _household_totals(computed: list[Computed], people: People) -> dict[str, tuple[int, int]]:
    """Household key → (its first row, its monthly total) for households of two rows or more."""
    totals: dict[str, list[int]] = {}
    for row in computed:
        home = people.household.get(row.number, "")
        if home and row.result is not None:
            entry = totals.setdefault(home, [row.number, 0, 0])
            entry[1] += row.result["monthly_special_assistance"]
            entry[2] += 1
    return {home: (first, total) for home, (first, total, size) in totals.items() if size > 1}


def output_row(row: Computed, header: Header, summary: Summary, people: People,
               totals: dict[str, tuple[int, int]], keys: bool = False) -> list[Cell]:
    """The output row for one input row."""
    cells = row.cells
    width, out_width = len(header.cells), len(header.output)
    out: list[Cell] = cells[:width]
    if len(out) < out_width:
        out.extend([""] * (out_width - len(out)))
    values = _values(row, summary, people, totals, keys)
    if len(cells) > width:
        values["error"] = "；".join(filter(None, [str(values["error"]), EXTRA_CELLS]))
    if values["error"]:
        summary.add_error(row.number, str(values["error"]))
    positions = header.positions
    for key in OUTPUT_KEYS_BUT_AS_OF:
        out[positions[key]] = values[key]
    if values["as_of"] or not str(out[positions["as_of"]]).strip():  # a row's own bad 计算日期 stays to be seen
        out[positions["as_of"]] = values["as_of"]
    return out + cells[width:] if len(cells) > width else out


def _values(row: Computed, summary: Summary, people: People, totals: dict[str, tuple[int, int]],
            keys: bool) -> dict[str, Cell]:
    if row.result is None:
        return _error(row.error)
    number, result = row.number, row.result
    first = people.duplicate_of.get(number)
    if first is not None:
        summary.add_duplicate(number)
        values = _good_values(result, f"{DUPLICATE}：和第 {first} 行是同一人，只在第 {first} 行计算", None, keys)
        values["household_monthly"] = "" if keys else f"{DUPLICATE}，见第 {first} 行"  # a column sum stays right
        return values
    checking = row.checking
    if number in people.repeated_on:
        later = "、".join(str(n) for n in people.repeated_on[number])
        checking = "；".join(filter(None, [f"{DUPLICATE}：第 {later} 行是同一人，只在这一行计算", checking]))
    home = people.household.get(number, "")
    counted_on = summary.add(number, result, home, bool(checking))
    if summary.changes is not None:
        summary.changes.add_row(number, row.cells, row.reading.facts, result, home)
    values = _good_values(result, checking, counted_on, keys)
    if home in totals:
        first_row, total = totals[home]
        values["household_monthly"] = total if first_row == number else "" if keys else f"同户，见第 {first_row} 行"
    return values


def _good_values(result: dict[str, Any], checking: str, counted_on: int | None, keys: bool) -> dict[str, Cell]:
    partner = result["partner"]
    subsidies = result["one_time_subsidies"]
    words = subsidy_keys(subsidies) if keys else subsidy_words(subsidies)
    if counted_on is not None and not keys:
        words += f"（同户第 {counted_on} 行已计，每户只发一次）"
    return {"as_of": result["as_of"], "age": result["age"],
            "monthly_special_assistance": result["monthly_special_assistance"],
            "partner_monthly": partner["monthly_special_assistance"] if partner else "",
            "household_monthly": result["household_monthly"], "one_time_subsidies": words,
            "to_check": checking, "error": ""}


def _error(message: str) -> dict[str, Cell]:
    return dict.fromkeys(OUTPUT_KEYS, "") | {"error": message}
