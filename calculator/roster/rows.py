"""One roster row in, the same row out with its amounts: the row loop every roster format shares.

Each row keeps its own cells and gains the output columns (``columns.OUTPUT_COLUMNS``); a bad
row keeps its place with a Chinese message in 错误. Amounts we write are ints (a spreadsheet keeps them
numbers); everything else is text. Rows are streamed: memory stays flat.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import FactsError
from .facts import RosterError, row_facts
from .columns import OUTPUT_KEYS
from .header import Header, find_header
from .summary import Summary
from .cells import subsidy_keys, subsidy_words, to_check
from ..result.evaluate import evaluate_money

Cell = str | int
OUTPUT_KEYS_BUT_AS_OF = tuple(key for key in OUTPUT_KEYS if key != "as_of")
EMPTY_ROW = "这一行是空的"
EXTRA_CELLS = "这一行的格子比表头多，多出的内容放在最后"
NOTE_MARK = "【说明】"  # starts the summary's note rows at the end of a CSV; skipped when read back
EMPTY_FILE = "文件是空的：第一行应是表头（如 姓名、出生日期、家庭类别）"


def process_rows(rows: Iterable[list[str]], as_of: str | None, summary: Summary, headers: str = "chinese") -> Iterator[list[Cell]]:
    """Yield the rows above the header, the output header, then one output row per input row, in order."""
    rows = iter(rows)
    header = find_header(rows, headers)
    if header is None:
        raise RosterError([{"field": "file", "message": EMPTY_FILE}])
    summary.header_warning, summary.columns = header.warning, header.cells
    summary.head_size = len(header.title_rows) + 1
    yield from header.title_rows
    yield header.output
    number = header.row_number
    for cells in _chain(header.pending, rows):
        number += 1
        if cells and cells[0].startswith(NOTE_MARK) and not any(cells[1:]):
            continue
        yield output_row(cells, header, as_of, summary, number, headers == "keys")


def _chain(first: list[list[str]], rest: Iterator[list[str]]) -> Iterator[list[str]]:
    yield from first
    yield from rest


def output_row(cells: list[str], header: Header, as_of: str | None, summary: Summary, number: int,
               keys: bool = False) -> list[Cell]:
    """The output row for one input row (``number``: its row in the spreadsheet)."""
    width, out_width = len(header.cells), len(header.output)
    row: list[Cell] = cells[:width]
    if len(row) < out_width:
        row.extend([""] * (out_width - len(row)))
    values = _values(cells, header, as_of, summary, number, keys)
    if len(cells) > width:
        values["error"] = "；".join(filter(None, [str(values["error"]), EXTRA_CELLS]))
    if values["error"]:
        summary.add_error(number, str(values["error"]))
    positions = header.positions
    for key in OUTPUT_KEYS_BUT_AS_OF:
        row[positions[key]] = values[key]
    if values["as_of"] or not str(row[positions["as_of"]]).strip():  # a row's own bad 计算日期 stays to be seen
        row[positions["as_of"]] = values["as_of"]
    return row + cells[width:] if len(cells) > width else row


def _values(cells: list[str], header: Header, as_of: str | None, summary: Summary, number: int,
            keys: bool) -> dict[str, Cell]:
    if not any(cell.strip() for cell in cells):
        return _error(EMPTY_ROW)
    try:
        facts = row_facts(cells, header.facts, as_of)
        result, outcomes = evaluate_money(facts)
    except FactsError as problem:
        return _error("；".join(error["message"] for error in problem.errors))
    checking = to_check(facts, result, outcomes)
    household = cells[header.household].strip() if header.household is not None and header.household < len(cells) else ""
    counted_on = summary.add(number, result, household, bool(checking))
    if summary.changes is not None:
        summary.changes.add_row(number, cells, facts, result, household)
    return _good_values(result, checking, counted_on, keys)


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
