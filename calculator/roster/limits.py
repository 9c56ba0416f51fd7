"""What the roster accepts, checked before the work that would exceed it (the README states the figures).

- the file: at most ``MAX_FILE_BYTES`` (checked from its size, before it is read);
- an .xlsx: at most ``MAX_INFLATED_BYTES`` once unpacked (every part, from the sizes in the zip's
  central directory, before anything is inflated), and no run of text in its XML long enough to be a
  cell over the limit (a streaming scan in blocks, before the sheet is read);
- at most ``MAX_ROWS`` rows (counted before the run where the file can be read twice, and counted again
  as the rows stream in), and no cell over ``MAX_CELL_CHARS`` characters (each row, as it is read: the
  header's difflib never sees a longer one).

Each refusal is a RosterError with a Chinese sentence naming the limit and what to do. The same code runs
in CPython (the CLI) and in the browser's worker. Together they keep a CLI run under ``MEMORY_BOUND``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from ..errors import RosterError

if TYPE_CHECKING:
    import zipfile

MB = 1024 * 1024
MAX_FILE_BYTES = 50 * MB
MAX_INFLATED_BYTES = 200 * MB
MAX_ROWS = 100_000  # people: rows below the header
MAX_FILE_ROWS = MAX_ROWS + 10  # what is counted: room for title rows and the header (header.HEADER_SEARCH_ROWS)
MAX_CELL_CHARS = 10_000
EXCEL_MAX_ROWS = 1_048_576  # rows of one Excel sheet
MEMORY_BOUND = 1024 * MB  # a CLI run's address space stays under this (tests/calculator/test_roster_limits.py)
# XML text cannot hold "<": a block of this many bytes without one is part of a run of text at least
# this long (a cell over MAX_CELL_CHARS, which is at most 4 bytes a character, entities aside).
SCAN_BLOCK = 64 * 1024
SPLIT = "请把名单拆成几个文件（每个不超过 10 万行、50 MB），分别核对"


def _refuse(message: str) -> RosterError:
    return RosterError([{"field": "file", "message": message}])


def check_file_size(size: int) -> None:
    """Refuse a file over MAX_FILE_BYTES (``size`` in bytes)."""
    if size > MAX_FILE_BYTES:
        raise _refuse(f"文件有 {size / MB:.0f} MB，超过了能核对的上限 50 MB。{SPLIT}。")


def too_many_rows() -> RosterError:
    return _refuse(f"名单超过了能核对的上限 {MAX_ROWS:,} 行（表头以下）。{SPLIT}。")


def cell_too_long(number: int | None) -> RosterError:
    where = f"第 {number} 行有" if number else "文件里有"
    return _refuse(f"{where}一个格子超过 {MAX_CELL_CHARS:,} 个字，超过了能核对的上限。名单的格子用不到这么长："
                   "请在 Excel 或 WPS 里找到这一格，删短或清空后再核对。")


def checked_rows(rows: Iterable[list[str]]) -> Iterator[list[str]]:
    """``rows`` as they stream in, refused at row MAX_FILE_ROWS + 1 or at a cell over MAX_CELL_CHARS."""
    for number, cells in enumerate(rows, start=1):
        if number > MAX_FILE_ROWS:
            raise too_many_rows()
        if cells and max(map(len, cells)) > MAX_CELL_CHARS:
            raise cell_too_long(number)
        yield cells


def limited_lines(raw: Iterable[bytes]) -> Iterator[bytes]:
    """A CSV's lines of bytes, refused once more than MAX_FILE_BYTES have come (standard input has no size)."""
    total = 0
    for line in raw:
        total += len(line)
        if total > MAX_FILE_BYTES:
            check_file_size(total)
        yield line


def check_csv_rows(raw: BinaryIO) -> int:
    """Count a seekable CSV's rows before the run (C speed: no row is checked), rewind it, return the count.

    Read as Latin-1: in UTF-8, GBK and GB18030 the bytes of quotes, commas and line ends are only ever
    those characters, so the count is the real one whatever the encoding. A file csv cannot read is left
    to the run, which names the row.
    """
    start, number = raw.tell(), 0
    text = io.TextIOWrapper(raw, encoding="latin-1", newline="")
    try:
        for number, _ in enumerate(csv.reader(text), start=1):
            if number > MAX_FILE_ROWS:
                raise too_many_rows()
    except csv.Error:
        number = 0
    finally:
        text.detach()
        raw.seek(start)
    return number


def check_xlsx(source: str | BinaryIO) -> int:
    """Check an .xlsx (a zip) before its sheet is read (``xlsx_read``): inflated size, longest text, rows of its first sheet
    (returned: the count of its row tags, 0 when unknown).

    A file that is not a zip at all is left to the caller (``kinds``, then xlsx_io's own refusal).
    """
    import zipfile  # noqa: PLC0415 - the .xlsx path only: the browser loads zipfile with openpyxl's wheels

    try:
        book = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError):
        return 0
    count = 0
    with book:
        inflated = sum(info.file_size for info in book.infolist())
        if inflated > MAX_INFLATED_BYTES:
            raise _refuse(f"这个 Excel 文件解压后有 {inflated / MB:.0f} MB，超过了能核对的上限 200 MB"
                          f"（名单太大，或某个格子里的内容特别长）。{SPLIT}。")
        first = _first_sheet(book)
        for info in book.infolist():
            if info.filename.endswith(".xml"):
                rows = _scan(book, info)
                if info.filename == first:
                    count = rows
    if count > MAX_FILE_ROWS:
        raise too_many_rows()
    if not isinstance(source, str):
        source.seek(0)
    return count


def _scan(book: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    """Stream one XML part: refuse a text run over SCAN_BLOCK bytes; return its count of ``<row`` tags."""
    import zipfile  # noqa: PLC0415

    rows, tail = 0, b""
    try:
        with book.open(info) as part:
            while chunk := part.read(16 * SCAN_BLOCK):  # a multiple of SCAN_BLOCK: blocks stay aligned
                for start in range(0, len(chunk), SCAN_BLOCK):
                    if len(chunk) - start >= SCAN_BLOCK and chunk.find(b"<", start, start + SCAN_BLOCK) < 0:
                        raise cell_too_long(None)
                rows += (tail + chunk).count(b"<row")
                tail = chunk[-3:]
    except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError, EOFError):
        return 0  # damaged or encrypted: xlsx_io's refusal says so
    return rows


def _first_sheet(book: zipfile.ZipFile) -> str:
    """The first sheet's part name, or "" when the workbook does not say."""
    import zipfile  # noqa: PLC0415

    try:
        workbook = book.read("xl/workbook.xml")
        relations = book.read("xl/_rels/workbook.xml.rels")
    except (KeyError, zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError, EOFError):
        return ""
    sheet = re.search(rb"<(?:\w+:)?sheet\b[^>]*?\b(?:\w+:)?id=\"([^\"]+)\"", workbook)
    if not sheet:
        return ""
    for relation in re.finditer(rb"<(?:\w+:)?Relationship\b[^>]*>", relations):
        if re.search(rb'\bId="' + re.escape(sheet.group(1)) + rb'"', relation.group(0)):
            target = re.search(rb'\bTarget="([^"]+)"', relation.group(0))
            name = target.group(1).decode("utf-8", "replace") if target else ""
            return name.lstrip("/") if name.startswith("/") else "xl/" + name
    return ""
