"""An .xlsx roster's cells as text, read with the standard library (zipfile and xml.etree's iterparse).

Why it exists: openpyxl's read-only reader builds a dict and a value per cell, which the roster then
turned into text; for a 20,000-row register that was about 40 % of a CLI run. This reads the sheet's
XML once, element by element (each row cleared once read), straight to the text cells the roster uses
(``xlsx_styles.cell_text`` of what openpyxl read; tests/calculator/test_roster_xlsx_read.py compares the
two): shared strings (rich-text runs joined, phonetic runs left out), inline strings, numbers (a whole
number without ".0"), booleans as 是/否, errors as written, and a number whose style's number format is a
date or a time as that date or time. openpyxl is then needed only to write the result.

Where it differs from openpyxl, on purpose: the built-in Chinese date formats (ids 27-36, 50-58, which
WPS and Chinese Excel store without a format code) are dates, not their serial numbers; the sheet's
``<dimension>`` is not trusted (openpyxl drops rows and columns outside a wrong one); a damaged part
found half-way is the same "not a readable .xlsx" refusal as one found at the start.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import zipfile
from collections.abc import Iterator
from typing import IO, Any, BinaryIO
from xml.etree.ElementTree import iterparse

from .xlsx_styles import date_styles, excel_date_text, iso_text

RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
DIGITS = "0123456789"
CHART = "chartsheet"
MAX_KEPT_DATES = 100_000  # dates kept as text, most registers hold far fewer distinct ones


class BookError(Exception):
    """The file is not a workbook this reader can read (damaged, encrypted, not a spreadsheet)."""


class Book:
    """A workbook's sheet names and, per worksheet, its rows as text cells."""

    def __init__(self, source: str | BinaryIO) -> None:
        self._zip = zipfile.ZipFile(source)
        try:
            self._open()
        except Exception:
            self._zip.close()
            raise

    def _open(self) -> None:
        main = _office_document(self._zip)
        relations = _relations(self._zip, main)
        root = _parse(self._zip, main)
        self._sheets = _sheets(root, relations)
        self.sheetnames = [name for name, _, _ in self._sheets]
        self.worksheets = [name for name, _, kind in self._sheets if kind != CHART]
        properties = next((node for node in root if _local(node.tag) == "workbookPr"), None)
        date1904 = properties is not None and properties.get("date1904", "").lower() in ("1", "true")
        self._epoch = dt.datetime(1904, 1, 1) if date1904 else dt.datetime(1899, 12, 30)
        by_kind = {kind: path for path, kind in relations.values()}
        self._strings = _shared_strings(self._zip, by_kind["sharedStrings"]) if "sharedStrings" in by_kind else []
        styles = _parse(self._zip, by_kind["styles"]) if "styles" in by_kind else None
        self._dates, self._durations = date_styles(styles)

    def rows(self, name: str, limit: int | None = None) -> Iterator[list[str]]:
        """Sheet ``name``'s rows (its first ``limit``), a missing row as [], trailing empty cells left off."""
        path, kind = next((path, kind) for title, path, kind in self._sheets if title == name)
        if kind == CHART:
            return
        with self._zip.open(path) as part:
            yield from _SheetReader(self, limit).rows(part)

    def close(self) -> None:
        self._zip.close()


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _parse(book: zipfile.ZipFile, path: str) -> Any:
    """A small part (workbook, styles, relations) as a tree."""
    with book.open(path) as part:
        root = None
        for _, root in iterparse(part):
            pass
    if root is None:
        raise BookError(path)
    return root


def _office_document(book: zipfile.ZipFile) -> str:
    """The workbook part's name, from the package's relations (xl/workbook.xml when they do not say)."""
    if "_rels/.rels" in book.namelist():
        for path, kind in _relations(book, "").values():
            if kind == "officeDocument":
                return path
    return "xl/workbook.xml"


def _relations(book: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """``part``'s relations: id → (target part's name, the relation type's last word)."""
    folder, name = posixpath.split(part)
    path = posixpath.join(folder, "_rels", name + ".rels")
    found: dict[str, tuple[str, str]] = {}
    for node in _parse(book, path).iter(RELATIONSHIPS):
        target = node.get("Target", "")
        full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found[node.get("Id", "")] = (full, node.get("Type", "").rpartition("/")[2])
    return found


def _sheets(root: Any, relations: dict[str, tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(name, part, relation type) of every sheet, in the workbook's order."""
    sheets = []
    for node in root.iter():
        if _local(node.tag) == "sheet":
            rid = next((value for key, value in node.attrib.items() if _local(key) == "id"), "")
            if rid in relations:
                sheets.append((node.get("name", ""), *relations[rid]))
    if not sheets:
        raise BookError("no sheets")
    return sheets


def _shared_strings(book: zipfile.ZipFile, path: str) -> list[str]:
    """The shared-string table, each string as openpyxl reads it (``x005F_`` taken out, as it does)."""
    strings = []
    with book.open(path) as part:
        for _, node in iterparse(part):
            if _local(node.tag) == "si":
                strings.append(rich_text(node).replace("x005F_", ""))
                node.clear()
    return strings


def rich_text(node: Any) -> str:
    """A string item's text (``<si>`` or ``<is>``): its ``<t>`` and its runs' ``<t>``, phonetic runs left out."""
    namespace = node.tag[: node.tag.find("}") + 1]
    text, runs = namespace + "t", namespace + "r"
    parts = []
    for child in node:
        if child.tag == text:
            parts.append(child.text or "")
        elif child.tag == runs:
            run = child.find(text)
            if run is not None:
                parts.append(run.text or "")
    return "".join(parts)


class _SheetReader:
    """One pass over a sheet part: each ``<row>`` to a list of text cells, rows numbered as openpyxl numbers them."""

    def __init__(self, book: Book, limit: int | None) -> None:
        self.strings, self.epoch, self.limit = book._strings, book._epoch, limit
        self.dates, self.durations = book._dates, book._durations
        self.styles: dict[str, str] = {}  # a cell's s attribute → "date", "duration" or ""
        self.columns: dict[str, int] = {}  # a cell reference's letters → its column (1 = A)
        self.texts: dict[tuple[str, str], str] = {}  # (serial, style kind) → the date's text

    def rows(self, part: IO[bytes]) -> Iterator[list[str]]:
        row_tag = ""
        expected = number = 1  # the next row to give; the row being read
        for _, element in iterparse(part):
            if not row_tag:
                namespace = element.tag[: element.tag.find("}") + 1]
                row_tag, self.cell_value, self.inline = namespace + "row", namespace + "v", namespace + "is"
                self.plain = namespace + "t"
            if element.tag != row_tag:
                continue
            mark = element.get("r")
            number = _row_number(mark) if mark else number + 1
            if number >= expected:
                if self.limit is not None and number > self.limit:
                    return
                for _ in range(expected, number):
                    yield []
                expected = number + 1
                yield self.cells(element)
            element.clear()

    def cells(self, row: Any) -> list[str]:
        values: list[str] = []
        column = 0
        for cell in row:
            mark = cell.get("r")
            column = self.column(mark) if mark else column + 1
            text = self.text(cell)
            if column > len(values):
                values.extend([""] * (column - 1 - len(values)))
                values.append(text)
            else:
                values[column - 1] = text
        while values and values[-1] == "":
            values.pop()
        return values

    def column(self, mark: str) -> int:
        letters = mark.rstrip(DIGITS)
        known = self.columns.get(letters)
        if known is None:
            plain = letters.replace("$", "").upper()
            if not plain or len(plain) > 3 or not plain.isascii() or not plain.isalpha():
                raise BookError(f"cell reference {mark!r}")
            known = self.columns[letters] = sum(
                (ord(char) - 64) * 26 ** power for power, char in enumerate(reversed(plain)))
        return known

    def text(self, cell: Any) -> str:
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            node = cell.find(self.inline)
            if node is None:
                return ""
            if len(node) == 1 and node[0].tag == self.plain:  # nearly every one: <is><t>text</t></is>
                return node[0].text or ""
            return rich_text(node)
        value = cell.findtext(self.cell_value)
        if not value:
            return ""
        if kind == "n":
            return self.number(value, cell.get("s"))
        if kind == "s":
            return self.strings[int(value)]
        if kind == "b":
            return "是" if int(value) else "否"
        if kind == "d":
            return iso_text(value)
        return value  # "str" (a formula's text), "e" (an error such as #N/A)

    def number(self, value: str, style: str | None) -> str:
        kind = self.style_kind(style) if style else ""
        if kind:
            key = (value, kind)
            text = self.texts.get(key)
            if text is None:
                if len(self.texts) > MAX_KEPT_DATES:
                    self.texts.clear()
                text = self.texts[key] = excel_date_text(_number(value), self.epoch, kind == "duration")
            return text
        if "." in value or "E" in value or "e" in value:
            number = float(value)
            return str(int(number)) if number.is_integer() else str(number)
        return str(int(value))

    def style_kind(self, style: str) -> str:
        kind = self.styles.get(style)
        if kind is None:
            index = int(style)
            kind = self.styles[style] = "duration" if index in self.durations else "date" if index in self.dates else ""
        return kind


def _number(value: str) -> float | int:
    return float(value) if "." in value or "E" in value or "e" in value else int(value)


def _row_number(mark: str) -> int:
    try:
        return int(mark)
    except ValueError:
        number = float(mark)
        if not number.is_integer():
            raise BookError(f"row number {mark!r}") from None
        return int(number)

