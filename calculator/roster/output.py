"""A whole roster run, format to format: rows in (CSV or .xlsx), rows out (CSV or .xlsx), the summary.

Used by the CLI (``roster.cli``) and by the browser boundary (``roster.api``). ``changes_until`` swaps
the annotated roster for the list of changes up to that date (``roster.changes``).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import BinaryIO

from ..facts.ages import parse_date
from ..errors import FactsError
from .facts import check_as_of
from .changes import Changes
from .csv_io import write_csv
from .rows import NOTE_MARK, Cell, process_rows
from .summary import Summary, summary_lines

YOUNG_OBJECTS = 10_000  # allocations between two runs of the cycle collector during a roster run


def start_summary(as_of: str | None, changes_until: str | None) -> Summary:
    """A fresh summary; with ``changes_until``, one that collects the changes up to that date.

    Raises FactsError for a date outside the calculator's range or before the calculation date.
    """
    if as_of:
        check_as_of(as_of)
    summary = Summary()
    if changes_until:
        try:
            check_as_of(changes_until)
        except FactsError as problem:
            raise FactsError([{"field": "changes_until", "message": problem.errors[0]["message"]
                               .replace("计算日期", "变化截止日期")}]) from None
        until = parse_date(changes_until)
        if until <= (parse_date(as_of) if as_of else date.today()):
            raise FactsError([{"field": "changes_until", "message": "变化截止日期：要晚于计算日期"}])
        summary.changes = Changes(until)
    return summary


def write_roster(rows: Iterable[list[str]], target: BinaryIO, fmt: str, as_of: str | None, summary: Summary,
                 headers: str = "chinese") -> int:
    """Run the roster from ``rows`` into ``target`` as ``fmt`` ("csv" or "xlsx"); return the rows checked."""
    with _fewer_collections():
        _run(rows, target, fmt, as_of, summary, headers)
    return summary.rows


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Python's cycle collector run every YOUNG_OBJECTS allocations instead of every 700 while the roster
    runs: every row is kept until all are worked out (before the first is written), and the collector
    walked them again and again (about a seventh of a 20,000-row run). Cycles are still collected."""
    young, *older = gc.get_threshold()
    gc.set_threshold(max(young, YOUNG_OBJECTS), *older)
    try:
        yield
    finally:
        gc.set_threshold(young, *older)


def _run(rows: Iterable[list[str]], target: BinaryIO, fmt: str, as_of: str | None, summary: Summary,
         headers: str) -> None:
    produced = process_rows(rows, as_of, summary, headers)
    if summary.changes is not None:
        for _ in produced:  # every row must be read (and checked) before the changes can be sorted
            pass
        _write(iter(summary.changes.rows(summary.columns, headers)), target, fmt,
               lambda: changes_lines(summary) if fmt == "xlsx" else [])
        return
    # Scripts read --headers keys output: no note rows for them (the CLI prints the summary anyway).
    notes = (lambda: []) if headers == "keys" and fmt == "csv" else (lambda: summary_lines(summary.totals()))
    _write(produced, target, fmt, notes, summary)


def changes_lines(summary: Summary) -> list[str]:
    """The changes list's 说明: the file's report, then how many changes it lists."""
    return [*summary.totals()["report"], f"找到 {summary.changes.written()} 项变化（共核对 {summary.rows} 行）"]


def _write(produced: Iterator[list[Cell]], target: BinaryIO, fmt: str, notes: Callable[[], list[str]],
           summary: Summary | None = None) -> None:
    head = [next(produced)]  # the header has been found once the first row is out
    while summary is not None and len(head) < summary.head_size:
        head.append(next(produced))
    if fmt == "xlsx":
        from .xlsx_io import write_xlsx

        write_xlsx(head, produced, target, notes)
    else:
        write_csv(_with_notes(head, produced, notes), target)


def _with_notes(head: list[list[Cell]], produced: Iterator[list[Cell]],
                notes: Callable[[], list[str]]) -> Iterator[list[Cell]]:
    yield from head
    yield from produced
    for line in notes():
        yield [NOTE_MARK + line]
