"""Rosters as Excel files (.xlsx): read with the standard library (``xlsx_read``), written with openpyxl.

openpyxl is an optional extra (``pip install 'songjiang-special-families[xlsx]'``): it is imported only
here, and only when an .xlsx is written, so the calculator itself stays standard-library only
(and the browser loads openpyxl only when a staff member picks an .xlsx).

Reading: the named sheet, else the first with a header row, streamed; dates stored as Excel dates become ``YYYY-MM-DD``,
whole numbers lose their ``.0``, merged title cells read as their top-left value. Writing: streamed
(write-only mode); every text cell is written as text, never a formula, and the ints we calculated stay
numbers; the header row is frozen and the columns wide enough to read; the summary goes on a second sheet.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from .facts import RosterError
from .limits import EXCEL_MAX_ROWS
from .xlsx_read import Book

NOT_INSTALLED = "读写 Excel 文件需要 openpyxl：请安装 songjiang-special-families[xlsx]，或把名单另存为 CSV"
NOT_XLSX = "这个文件不是能读取的 Excel 文件（.xlsx）。请在 Excel 或 WPS 里另存为 .xlsx 或 CSV 后重试"
WIDE_COLUMNS = {"一次性补助": 34, "待核实": 44, "错误": 40, "one_time_subsidies": 20, "to_check": 44, "error": 40}
NOTE_SHEET = "说明"
TOO_MANY_OUT = "结果超过了 Excel 一张表的上限 1,048,576 行，没有写出。请把名单拆成几个文件，分别核对。"
WIDTH_SAMPLE = 200  # rows read to size the columns
SMALL_NUMBER = 6  # digits of a whole number written as a number (序号, 年龄); longer ones are names
TEXT_COLUMN_WORDS = ("身份证", "电话", "手机", "户号", "号码", "邮编", "账号", "卡号", "编码")


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise RosterError([{"field": "file", "message": NOT_INSTALLED}]) from None
    return openpyxl


def xlsx_rows(source: str | BinaryIO, sheet_name: str | None = None,
              info: dict[str, Any] | None = None) -> Iterator[list[str]]:
    """A sheet's rows as text cells (a file name or a binary file): ``sheet_name``'s, else the first
    sheet with a header row (naming 姓名 or a fact) in its first rows. ``info`` gets ``sheets`` (every
    sheet's name) and ``sheet`` (the one read). Read with the standard library (``xlsx_read``)."""
    try:
        book = Book(source)
    except Exception:  # zipfile, KeyError, XML and value errors of a damaged or encrypted file
        raise RosterError([{"field": "file", "message": NOT_XLSX}]) from None
    try:
        name = choose_sheet(book, sheet_name)
        if info is not None:
            info.update(sheets=book.sheetnames, sheet=name)
        yield from book.rows(name)
    except RosterError:
        raise
    except Exception:  # a part found damaged half-way
        raise RosterError([{"field": "file", "message": NOT_XLSX}]) from None
    finally:
        book.close()


def choose_sheet(book: Book, name: str | None) -> str:
    """The sheet named ``name`` (RosterError if none is), else the first with a header row, else the first."""
    from .header import HEADER_SEARCH_ROWS, looks_like_header

    if name:
        if name not in book.sheetnames:
            names = "、".join(f"“{title}”" for title in book.sheetnames)
            raise RosterError([{"field": "sheet", "message": f"这个文件里没有名为“{name}”的工作表，它的工作表有：{names}"}])
        return name
    for title in book.worksheets:
        if any(looks_like_header(cells) for cells in book.rows(title, HEADER_SEARCH_ROWS)):
            return title
    return book.worksheets[0] if book.worksheets else book.sheetnames[0]


def write_xlsx(head: list[list[str | int]], rows: Iterable[list[str | int]], target: BinaryIO,
               notes: Any) -> int:
    """Write ``head`` (title rows, then the header) and ``rows``; ``notes()`` gives the summary lines
    once every row is written. Returns the data rows written."""
    openpyxl = _openpyxl()
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("核对结果")
    try:
        count = _fill(openpyxl, sheet, head, rows)
    except BaseException:
        _discard(sheet)
        raise
    note_sheet = book.create_sheet(NOTE_SHEET)
    note_sheet.column_dimensions["A"].width = 120
    for line in notes():
        note_sheet.append([_cell(note_sheet, line)])
    book.save(target)
    return count


def _fill(openpyxl: Any, sheet: Any, head: list[list[str | int]], rows: Iterable[list[str | int]]) -> int:
    """The sheet's widths (from the first rows), frozen header, merged title rows, then every row."""
    header = head[-1]
    rows = iter(rows)
    sample = list(itertools.islice(rows, WIDTH_SAMPLE))
    kinds = [_column_kind(str(name)) for name in header]
    for index, name in enumerate(header):
        letter = openpyxl.utils.get_column_letter(index + 1)
        sheet.column_dimensions[letter].width = _width(str(name), [row[index] for row in sample if index < len(row)])
    sheet.freeze_panes = f"A{len(head) + 1}"
    for number, row in enumerate(head[:-1], start=1):  # a title row: kept, merged across the table
        if len(header) > 1 and row and not any(str(value).strip() for value in row[1:]):
            sheet.merged_cells.add(f"A{number}:{openpyxl.utils.get_column_letter(len(header))}{number}")
    return _append(sheet, head, itertools.chain(sample, rows), kinds)


def _append(sheet: Any, head: list[list[str | int]], rows: Iterable[list[str | int]], kinds: list[str]) -> int:
    count = 0
    _fast_rows(sheet, len(head), {index for index, kind in enumerate(kinds) if kind == "text"})
    for row in head:
        sheet.append(row)
    for count, row in enumerate(rows, start=1):
        if count + len(head) > EXCEL_MAX_ROWS:  # never with MAX_ROWS input rows: kept as the last guard
            raise RosterError([{"field": "file", "message": TOO_MANY_OUT}])
        sheet.append(row)
    return count


def _discard(sheet: Any) -> None:
    """A failed run's sheet: its XML closed and its temporary file (openpyxl's, in the temp folder) removed.

    Otherwise openpyxl complains when the sheet is collected, and the browser worker keeps the file."""
    with contextlib.suppress(Exception):
        sheet.close()
    with contextlib.suppress(Exception):
        sheet._writer.cleanup()


def _column_kind(name: str) -> str:
    """"text" for a column of numbers that are names (身份证号, 电话, 户号 …), else ""."""
    return "text" if any(word in name for word in TEXT_COLUMN_WORDS) else ""


def _typed(value: str | int, kind: str) -> Any:
    """A cell as a spreadsheet keeps it: 1965-03-08 as a date, a small whole number (序号) as a number;
    numbers that are names (身份证号, 电话) stay text."""
    if value.__class__ is not str or kind == "text":
        return value
    if len(value) == 10 and value[4] == "-" == value[7] and value[:4].isdigit():
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    if 0 < len(value) <= SMALL_NUMBER and value.isdigit() and value.isascii() and (value[0] != "0" or value == "0"):
        return int(value)
    return value


def _width(name: str, values: list[Any]) -> float:
    """A column wide enough for its header and its first values, a Chinese character counted twice."""
    if name in WIDE_COLUMNS:
        return WIDE_COLUMNS[name]
    widest = max([_text_width(name)] + [_text_width(str(value)) for value in values])
    return min(max(8, widest + 2), 60)


def _text_width(text: str) -> int:
    return sum(2 if ord(char) > 0x2E7F else 1 for char in text)


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


def _fast_rows(sheet: Any, head_rows: int, text_columns: set[int]) -> None:
    """This sheet's rows written as openpyxl writes them, without a cell object per plain text, int or date.

    Below the ``head_rows`` (title and header), each text is first typed (``_typed``: dates, small whole
    numbers) unless its column is in ``text_columns``. Text, ints and dates (nearly every cell) then go
    straight into the sheet's XML as openpyxl would write them; anything else (forced-text cells, text
    openpyxl would refuse or type otherwise) goes through openpyxl's own cell (``_cell``). Only this
    sheet's writer is changed (two thirds of the time of writing 20,000 rows)."""
    from xml.etree.ElementTree import _escape_cdata  # type: ignore[attr-defined]

    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell._writer import write_cell
    from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.datetime import to_excel

    sheet._get_writer()
    letters = [get_column_letter(index) for index in range(1, 16385)]  # Excel's every column
    dates: dict[dt.date, str] = {}

    def date_cell(value: dt.date) -> str:
        """A date cell's style and serial, as openpyxl writes them (its style registered once)."""
        tail = dates.get(value)
        if tail is None:
            style = WriteOnlyCell(sheet, value=value).style_id
            tail = dates[value] = f'" s="{style}" t="n"><v>{"%.16g" % to_excel(value, sheet.parent.epoch)}</v></c>'
        return tail

    def write_row(xf: Any, values: list[Any], row_idx: int) -> None:
        parts, typed = [f'<row r="{row_idx}">'], row_idx > head_rows
        for column, value in enumerate(values):
            kind = value.__class__
            if kind is str:
                if not value:
                    continue
                if typed and value[0].isdigit() and column not in text_columns:
                    value = _typed(value, "")
                    kind = value.__class__
                elif value[0] == "=":
                    value = _cell(sheet, value)
                    kind = value.__class__
            if kind is int:
                parts.append(f'<c r="{letters[column]}{row_idx}" t="n"><v>{"%.16g" % value}</v></c>')
            elif kind is str and len(value) <= 32767 and value not in ERROR_CODES and not ILLEGAL_CHARACTERS_RE.search(value):
                stripped = value.strip()
                space = ' xml:space="preserve"' if stripped and stripped != value else ""
                parts.append(f'<c r="{letters[column]}{row_idx}" t="inlineStr"><is><t{space}>{_escape_cdata(value)}</t></is></c>')
            elif kind is dt.date:
                parts.append(f'<c r="{letters[column]}{row_idx}{date_cell(value)}')
            elif value is not None:
                xf._file("".join(parts))
                parts = []
                cell = value if isinstance(value, Cell) else WriteOnlyCell(sheet, value=value)
                cell.column, cell.row = column + 1, row_idx
                write_cell(xf, sheet, cell, cell.has_style)
        parts.append("</row>")
        xf._file("".join(parts))

    sheet._values_to_row = lambda values, row_idx: values
    sheet._writer.write_row = write_row
