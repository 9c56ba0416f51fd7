"""Rosters as Excel files (.xlsx), read and written with openpyxl.

openpyxl is an optional extra (``pip install 'songjiang-special-families[xlsx]'``): it is imported only
here, and only when an .xlsx is read or written, so the calculator itself stays standard-library only
(and the browser loads openpyxl only when a staff member picks an .xlsx).

Reading: the first sheet, streamed (read-only mode); dates stored as Excel dates become ``YYYY-MM-DD``,
whole numbers lose their ``.0``, merged title cells read as their top-left value. Writing: streamed
(write-only mode); every text cell is written as text, never a formula, and the ints we calculated stay
numbers; the header row is frozen and the columns wide enough to read; the summary goes on a second sheet.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from .facts import RosterError
from .limits import EXCEL_MAX_ROWS

NOT_INSTALLED = "读写 Excel 文件需要 openpyxl：请安装 songjiang-special-families[xlsx]，或把名单另存为 CSV"
NOT_XLSX = "这个文件不是能读取的 Excel 文件（.xlsx）。请在 Excel 或 WPS 里另存为 .xlsx 或 CSV 后重试"
WIDE_COLUMNS = {"一次性补助": 34, "待核实": 44, "错误": 40, "one_time_subsidies": 20, "to_check": 44, "error": 40}
NOTE_SHEET = "说明"
TOO_MANY_OUT = "结果超过了 Excel 一张表的上限 1,048,576 行，没有写出。请把名单拆成几个文件，分别核对。"


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise RosterError([{"field": "file", "message": NOT_INSTALLED}]) from None
    return openpyxl


def xlsx_rows(source: str | BinaryIO) -> Iterator[list[str]]:
    """The first sheet's rows as text cells (a file name or a binary file)."""
    openpyxl = _openpyxl()
    try:
        book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except Exception:  # openpyxl raises zipfile, KeyError, XML and its own errors for a damaged file
        raise RosterError([{"field": "file", "message": NOT_XLSX}]) from None
    try:
        sheet = book.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            cells = [cell_text(value) for value in values]
            while cells and cells[-1] == "":
                cells.pop()  # Excel's used range often runs past the last filled cell
            yield cells
    finally:
        book.close()


def cell_text(value: object) -> str:
    """A cell's value as the text a CSV of it would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def write_xlsx(head: list[list[str | int]], rows: Iterable[list[str | int]], target: BinaryIO,
               notes: Any) -> int:
    """Write ``head`` (title rows, then the header) and ``rows``; ``notes()`` gives the summary lines
    once every row is written. Returns the data rows written."""
    openpyxl = _openpyxl()
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("核对结果")
    header = head[-1]
    for index, name in enumerate(header, start=1):
        letter = openpyxl.utils.get_column_letter(index)
        sheet.column_dimensions[letter].width = WIDE_COLUMNS.get(str(name), max(10, 2 * len(str(name)) + 4))
    sheet.freeze_panes = f"A{len(head) + 1}"
    try:
        count = _append(sheet, head, rows)
    except BaseException:
        _discard(sheet)
        raise
    note_sheet = book.create_sheet(NOTE_SHEET)
    note_sheet.column_dimensions["A"].width = 100
    for line in notes():
        note_sheet.append([_cell(note_sheet, line)])
    book.save(target)
    return count


def _append(sheet: Any, head: list[list[str | int]], rows: Iterable[list[str | int]]) -> int:
    count = 0
    for row in head:
        sheet.append([_cell(sheet, value) for value in row])
    for count, row in enumerate(rows, start=1):
        if count + len(head) > EXCEL_MAX_ROWS:  # never with MAX_ROWS input rows: kept as the last guard
            raise RosterError([{"field": "file", "message": TOO_MANY_OUT}])
        sheet.append([_cell(sheet, value) for value in row])
    return count


def _discard(sheet: Any) -> None:
    """A failed run's sheet: its XML closed and its temporary file (openpyxl's, in the temp folder) removed.

    Otherwise openpyxl complains when the sheet is collected, and the browser worker keeps the file."""
    with contextlib.suppress(Exception):
        sheet.close()
    with contextlib.suppress(Exception):
        sheet._writer.cleanup()


def _cell(sheet: Any, value: str | int) -> Any:
    """A value for a write-only row: ints as numbers, "" as an empty cell, text as text.

    openpyxl stores a str as text except one that starts with "=", which it would store as a formula:
    only those get a cell of their own, forced to text (building a cell for every value tripled the
    time of writing 10,000 rows).
    """
    if value == "":
        return None
    if value.__class__ is str and value.startswith("="):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value=None)
        cell.value = value
        cell.data_type = "s"
        return cell
    return value
