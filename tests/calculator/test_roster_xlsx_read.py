"""The roster's own .xlsx reader (calculator.roster.xlsx_read) gives the text cells openpyxl's read gave.

Each workbook is read both ways: openpyxl (read-only, values as the roster used to turn them into text)
and ``xlsx_read``; the rows must be equal. The workbooks: those the roster tests build, and hand-written
ones with what Excel and WPS write and openpyxl never does (shared strings with rich-text and phonetic
runs, custom date formats, booleans, errors, cells without a reference, rows that skip numbers).
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hostile_support import many_rows_xlsx
from register_support import register_rows, register_xlsx
from xlsx_support import roster_xlsx_bytes

from calculator.errors import RosterError
from calculator.roster.xlsx_io import xlsx_rows
from calculator.roster.xlsx_styles import cell_text
from calculator.roster.xlsx_read import Book

pytestmark = pytest.mark.filterwarnings("ignore:Workbook contains no default style")  # openpyxl, of _raw_xlsx's styles

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STYLES = (f'<styleSheet xmlns="{MAIN}"><numFmts count="4"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
          '<numFmt numFmtId="165" formatCode="[$-804]yyyy/m/d;@"/><numFmt numFmtId="166" formatCode="&quot;第&quot;0&quot;号&quot;"/>'
          '<numFmt numFmtId="167" formatCode="[h]:mm"/></numFmts><cellXfs count="9"><xf numFmtId="0"/><xf numFmtId="164"/>'
          '<xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="21"/>'
          '<xf numFmtId="167"/><xf numFmtId="49"/></cellXfs></styleSheet>')
SHARED = ('<si><t>姓名</t></si><si><r><rPr><b/></rPr><t>出生</t></r><r><t xml:space="preserve">日期 </t></r></si>'
          '<si><t>王芳</t><rPh sb="0" eb="2"><t>ワンファン</t></rPh><phoneticPr fontId="1"/></si>'
          '<si><t/></si><si><t>a_x005F_x000D_b</t></si><si><t>310227195701070033</t></si>')
CELLS = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><r><t>备</t></r>'
         '<r><t>注</t></r></is></c></row>'
         '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>20827</v></c><c r="C2" s="2"><v>21917.5</v></c>'
         '<c r="D2" s="3"><v>7</v></c><c r="E2" s="4"><v>45444</v></c><c r="F2" s="5"><v>45444.75</v></c></row>'
         '<row r="4"><c t="b"><v>1</v></c><c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c><c t="str"><v>公式的字</v></c>'
         '<c r="F4" s="6"><v>0.5</v></c><c r="G4" s="7"><v>1.25</v></c></row>'
         '<row r="5"><c r="A5" t="s"><v>5</v></c><c r="B5" s="8" t="s"><v>4</v></c><c r="C5" t="s"><v>3</v></c>'
         '<c r="E5" s="1"/><c r="F5"><v>1.0</v></c><c r="G5"><v>1E+17</v></c><c r="H5"><v>0.1</v></c><c r="J5" s="2"/></row>'
         '<row r="9" spans="1:3"><c r="A9" t="inlineStr"><is><t>第九行</t></is></c><c r="C9"><v>-3</v></c></row>'
         '<row><c r="A10" t="inlineStr"/><c r="B10"><v></v></c></row>')


def _raw_xlsx(sheets: dict[str, str], date1904: bool = False, chart: bool = False) -> bytes:
    """A workbook written part by part, as Excel writes one (shared strings, styles, relations)."""
    buffer = io.BytesIO()
    entries = "".join(f'<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>' for n, name in enumerate(sheets, start=1))
    if chart:
        entries = f'<sheet name="图表" sheetId="9" r:id="rId9"/>' + entries
    relations = "".join(f'<Relationship Id="rId{n}" Type="{DOC}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                        for n in range(1, len(sheets) + 1))
    relations += (f'<Relationship Id="rId90" Type="{DOC}/sharedStrings" Target="sharedStrings.xml"/>'
                  f'<Relationship Id="rId91" Type="{DOC}/styles" Target="styles.xml"/>'
                  f'<Relationship Id="rId9" Type="{DOC}/chartsheet" Target="chartsheets/sheet1.xml"/>')
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr("[Content_Types].xml", _content_types(len(sheets)))
        book.writestr("_rels/.rels", f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
                      f'Type="{DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        epoch = ' date1904="1"' if date1904 else ""
        book.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}" xmlns:r="{DOC}"><workbookPr{epoch}/>'
                      f"<sheets>{entries}</sheets></workbook>")
        book.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{RELS}">{relations}</Relationships>')
        book.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">{SHARED}</sst>')
        book.writestr("xl/styles.xml", STYLES)
        for n, cells in enumerate(sheets.values(), start=1):
            book.writestr(f"xl/worksheets/sheet{n}.xml", f'<worksheet xmlns="{MAIN}"><sheetData>{cells}</sheetData></worksheet>')
        if chart:
            book.writestr("xl/chartsheets/sheet1.xml", f'<chartsheet xmlns="{MAIN}"/>')
    return buffer.getvalue()


def _content_types(sheets: int) -> str:
    types = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts = "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{types}.worksheet+xml"/>'
                    for n in range(1, sheets + 1))
    return ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{types}.sheet.main+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{types}.sharedStrings+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{types}.styles+xml"/>{parts}</Types>')


def _openpyxl_rows(data: bytes, sheet: str) -> list[list[str]]:
    """What the roster read before xlsx_read: openpyxl's values as text, trailing empty cells left off."""
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    rows = []
    for values in book[sheet].iter_rows(values_only=True):
        cells = [cell_text(value) for value in values]
        while cells and cells[-1] == "":
            cells.pop()
        rows.append(cells)
    book.close()
    return rows


def _both(data: bytes) -> None:
    book = Book(io.BytesIO(data))
    try:
        assert book.sheetnames == openpyxl.load_workbook(io.BytesIO(data), read_only=True).sheetnames
        for name in book.worksheets:
            assert list(book.rows(name)) == _openpyxl_rows(data, name), name
    finally:
        book.close()


@pytest.mark.parametrize("make", [
    roster_xlsx_bytes,
    lambda: register_xlsx(register_rows(300)),
    lambda: register_xlsx(register_rows(40), summary_first=True),
], ids=["roster", "register", "summary-first"])
def test_the_workbooks_the_roster_tests_build_read_as_openpyxl_read_them(make) -> None:  # type: ignore[no-untyped-def]
    _both(make())


def test_the_many_rows_workbook_of_the_limits_tests_reads_the_same(tmp_path: Path) -> None:
    _both(many_rows_xlsx(tmp_path / "rows.xlsx", 300).read_bytes())


@pytest.mark.parametrize("date1904", [False, True])
def test_what_excel_and_wps_write_reads_as_openpyxl_reads_it(date1904: bool) -> None:
    """Shared strings (rich text, phonetic runs, x005F_), inline rich text, custom date formats, a date
    and time, a time, a duration, a number format that is not a date, booleans, an error, a formula's
    text, a cell with only a style, numbers as text (style @), cells without references, skipped rows."""
    data = _raw_xlsx({"名单": CELLS, "第二页": '<row r="3"><c r="C3"><v>2</v></c></row>'}, date1904)
    _both(data)
    rows = list(Book(io.BytesIO(data)).rows("名单"))
    assert rows[0] == ["姓名", "出生日期 ", "", "备注"] and rows[2] == []
    assert rows[1][:4] == ["王芳", "1961-01-08" if date1904 else "1957-01-07", rows[1][2], "7"]
    assert rows[3] == ["是", "否", "#N/A", "公式的字", "", "12:00:00", "1 day, 6:00:00"]
    assert rows[4] == ["310227195701070033", "a_x000D_b", "", "", "", "1", "100000000000000000", "0.1"]


def test_a_chinese_builtin_date_format_is_a_date_where_openpyxl_gave_its_serial() -> None:
    sheet = '<row r="1"><c r="A1" s="1"><v>20827</v></c><c r="B1" s="2"><v>20827</v></c></row>'
    data = _with_styles(_raw_xlsx({"名单": sheet}), f'<styleSheet xmlns="{MAIN}"><cellXfs><xf numFmtId="0"/><xf numFmtId="31"/>'
                              '<xf numFmtId="57"/></cellXfs></styleSheet>')
    assert list(Book(io.BytesIO(data)).rows("名单")) == [["1957-01-07", "1957-01-07"]]
    assert _openpyxl_rows(data, "名单") == [["20827", "20827"]]


def _with_styles(data: bytes, styles: str) -> bytes:
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            target.writestr(info, styles if info.filename == "xl/styles.xml" else source.read(info))
    return buffer.getvalue()


def _entity_bomb() -> bytes:
    """A sheet whose one cell would expand to 10**10 characters (expat stops it: amplification limit)."""
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">'
                                                    for n in range(9))
    data = _raw_xlsx({"名单": '<row r="1"><c r="A1" t="inlineStr"><is><t>&j;</t></is></c></row>'})
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = f"<!DOCTYPE worksheet [{entities}]>".encode() + body
            target.writestr(info, body)
    return buffer.getvalue()


def test_a_chartsheet_is_named_but_never_chosen_and_the_sheet_with_the_header_is() -> None:
    data = _raw_xlsx({"汇总": '<row r="1"><c r="A1"><v>300</v></c></row>', "名单": CELLS}, chart=True)
    info: dict[str, object] = {}
    rows = list(xlsx_rows(io.BytesIO(data), None, info))
    assert info == {"sheets": ["图表", "汇总", "名单"], "sheet": "名单"} and rows[0][0] == "姓名"


@pytest.mark.parametrize("damage", [
    lambda: _raw_xlsx({"名单": CELLS})[:400],
    lambda: _raw_xlsx({"名单": CELLS + '<row r="11"><c r="A11" t="s"><v>55</v></c></row>'}),  # no such string
    lambda: _raw_xlsx({"名单": CELLS + '<row r="11"><c r="A11"><v>12abc</v></c></row>'}),
    lambda: _raw_xlsx({"名单": CELLS + '<row r="11"><c r="A11"><v>1</v></row>'}),  # XML cut off
    lambda: _with_styles(_raw_xlsx({"名单": CELLS}), "<styleSheet"),
    lambda: _entity_bomb(),
], ids=["cut", "missing-string", "bad-number", "bad-xml", "bad-styles", "entity-bomb"])
def test_a_damaged_workbook_is_refused_as_not_a_readable_xlsx(damage) -> None:  # type: ignore[no-untyped-def]
    data = damage()
    with pytest.raises(RosterError) as refused:
        list(xlsx_rows(io.BytesIO(data), "名单"))
    assert "不是能读取的 Excel 文件" in refused.value.errors[0]["message"]


def test_an_xlsx_is_checked_into_a_csv_without_openpyxl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only writing an .xlsx needs the optional extra."""
    from calculator.cli import main

    source = tmp_path / "名单.xlsx"
    source.write_bytes(roster_xlsx_bytes())
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if not installed
    assert main(["roster", str(source), "--as-of", "2024-06-01", "-o", str(tmp_path / "out.csv")]) == 1
    assert "王芳" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert main(["roster", str(source), "--as-of", "2024-06-01", "-o", str(tmp_path / "out.xlsx")]) == 2
