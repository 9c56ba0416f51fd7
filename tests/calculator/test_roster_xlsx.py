"""Rosters as .xlsx on the CLI: a title row found, Excel dates read, cells written as text, nothing run."""

from __future__ import annotations

import datetime
import io
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from roster_support import OUT_COLUMNS, read_csv
from xlsx_support import HEADER, TITLE, roster_xlsx_bytes

from calculator import roster_xlsx
from calculator.cli import main

DAY = datetime.datetime  # openpyxl reads an Excel date as a datetime
AS_OF = "2024-06-01"


def _run_xlsx(tmp_path: Path, out_name: str = "out.xlsx", *args: str) -> Path:
    source = tmp_path / "名单.xlsx"
    source.write_bytes(roster_xlsx_bytes())
    out = tmp_path / out_name
    assert main(["roster", str(source), "--as-of", AS_OF, "-o", str(out), *args]) == 1  # written; the bad date row needs correcting
    return out


def test_an_xlsx_with_a_merged_title_row_and_excel_dates_gives_an_xlsx_back(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(_run_xlsx(tmp_path))
    sheet = book.worksheets[0]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][0] == TITLE
    assert rows[1] == HEADER + OUT_COLUMNS
    assert rows[2][2] == DAY(1976, 1, 1) and rows[4][2] == DAY(1960, 5, 1)  # Excel dates stay Excel dates
    assert sheet.merged_cells.ranges and str(next(iter(sheet.merged_cells.ranges))) == "A1:R1"  # the title's merge
    assert rows[2][10:16] == [DAY(2024, 6, 1), 48, 0, 920, 920, None]
    assert rows[2][16] == "一次性补助：子女情况未填写"  # no 光荣证 column: said once, on the 说明 sheet
    assert rows[3][10:16] == [DAY(2024, 6, 1), 72, 920, 0, "同户，见第 3 行", None]  # the household's total once
    assert rows[4][11:15] == [64, 710, None, 710]  # 是 stored as TRUE is read as 是
    assert rows[4][16] is None and rows[4][13] is None  # 18.0 read as 18; only the absent 光荣证 holds it up
    assert "不存在" in rows[5][17]
    assert sheet.freeze_panes == "A3"  # title and header stay in view
    assert sheet.column_dimensions["Q"].width >= 40  # 待核实 is wide enough to read
    notes = [row[0].value for row in book["说明"].iter_rows()]
    assert "人数：3 人（2 户）" in notes and any("动态增长机制" in str(line) for line in notes)


def test_formula_like_text_is_stored_as_text_and_the_amounts_as_numbers(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(_run_xlsx(tmp_path)).worksheets[0]
    cells = {cell.value: cell.data_type for cell in sheet["J"][2:5]}
    assert cells == {"=cmd|' /C calc'!A0": "s", "+SUM(1+1)": "s", "@SUM(1)": "s"}  # never "f" (a formula)
    assert sheet["M3"].data_type == "n" and sheet["M3"].value == 0


def test_an_xlsx_can_be_written_as_csv_and_a_csv_as_xlsx(tmp_path: Path) -> None:
    written = read_csv(_run_xlsx(tmp_path, "out.csv").read_bytes())
    assert written[1] == HEADER + OUT_COLUMNS and written[2][11] == "48"
    source = tmp_path / "in.csv"
    source.write_bytes("出生日期,家庭类别,本区户籍\r\n1960-01-01,独生子女死亡家庭,是\r\n".encode("gbk"))
    out = tmp_path / "from-csv.xlsx"
    assert main(["roster", str(source), "--as-of", AS_OF, "-o", str(out)]) == 0
    assert [c.value for c in openpyxl.load_workbook(out).worksheets[0][2]][3:6] == [DAY(2024, 6, 1), 64, 870]


def test_a_damaged_xlsx_exits_2_in_chinese_and_writes_nothing(repo: Path, tmp_path: Path) -> None:
    source = tmp_path / "坏.xlsx"
    source.write_bytes(roster_xlsx_bytes()[:500])
    out = tmp_path / "out.xlsx"
    done = subprocess.run([sys.executable, "-m", "calculator", "roster", str(source), "-o", str(out)], cwd=repo,
                          capture_output=True, check=False)
    assert done.returncode == 2 and not out.exists()
    assert "不是能读取的 Excel 文件" in json.loads(done.stderr)["errors"][0]["message"]


def test_roster_xlsx_in_memory_gives_the_same_rows_and_summary_as_the_cli(tmp_path: Path) -> None:
    answer = roster_xlsx(roster_xlsx_bytes(), AS_OF)
    from_memory = [[c.value for c in row] for row in openpyxl.load_workbook(io.BytesIO(answer["xlsx"])).worksheets[0]]
    from_cli = [[c.value for c in row] for row in openpyxl.load_workbook(_run_xlsx(tmp_path)).worksheets[0]]
    assert from_memory == from_cli
    assert (answer["summary"]["people"], answer["summary"]["households"], answer["summary"]["bad"]) == (3, 2, 1)


@pytest.mark.parametrize("headers", ["chinese", "keys"])
def test_an_xlsx_output_read_back_is_recalculated_not_doubled(tmp_path: Path, headers: str) -> None:
    first = _run_xlsx(tmp_path, "first.xlsx", "--headers", headers)
    again = tmp_path / "again.xlsx"
    assert main(["roster", str(first), "--as-of", "2034-06-01", "-o", str(again), "--headers", headers]) == 1
    rows = [[c.value for c in row] for row in openpyxl.load_workbook(again).worksheets[0].iter_rows()]
    assert len(rows[1]) == len(HEADER) + len(OUT_COLUMNS) and rows[2][10:12] == [DAY(2034, 6, 1), 58]
