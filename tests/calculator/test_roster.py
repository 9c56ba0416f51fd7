"""``python -m calculator roster``: rows in order, unknown columns kept, bad rows marked, never dropped."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from roster_support import KEY_COLUMNS, OUT_COLUMNS, read_csv, results, roster, write

from calculator.roster.facts import read_cell
from calculator.roster.output import start_summary, write_roster


def run(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "calculator", "roster", *args], cwd=repo, capture_output=True, check=False)


CHINESE_ROSTER = [
    ["姓名", "地址", "出生日期", "家庭类别", "本区户籍", "光荣证", "子女情况", "子女当时年龄", "承诺不再生育收养"],
    ["张三", "中山路1号", "1964-06-01", "独生子女死亡家庭", "是", "是", "意外死亡", "15", "是"],
    ["李四", "中山路2号", "1960-02-30", "独生子女伤残家庭", "是", "否", "", "", ""],
    ["王五", "中山路3号", "1975-06-02", "独生子女伤残家庭", "否", "否", "", "", ""],
    ["赵六", "中山路4号", "1954/6/1", "独生子女伤残家庭", "1", "0", "", "", ""],
    ["钱七", "中山路5号", "1950-01-01", "无", "maybe", "", "", "", ""],
    ["孙八", "中山路6号", "1950-01-01", "独生子女死亡家庭", "true", "false", "", "", ""],
]


def test_a_chinese_roster_keeps_every_row_in_order_with_chinese_output_columns(repo: Path, tmp_path: Path) -> None:
    done = run(repo, str(write(tmp_path / "in.csv", CHINESE_ROSTER)), "--as-of", "2024-06-01")
    assert done.returncode == 1, done.stderr  # written, but a row needs correcting
    rows = read_csv(done.stdout)
    assert rows[0] == CHINESE_ROSTER[0] + OUT_COLUMNS
    assert [row[:9] for row in rows[1:]] == CHINESE_ROSTER[1:]
    found = results(rows, 9)
    assert found[0] == {"计算日期": "2024-06-01", "年龄": "60", "每月特别扶助金": "870", "配偶每月特别扶助金": "",
                        "全家每月": "870", "一次性补助": "二（一）2 一次性补助 5000 元", "待核实": "", "错误": ""}
    assert found[1]["年龄"] == "" and "出生日期" in found[1]["错误"] and "不存在" in found[1]["错误"]
    assert found[2]["每月特别扶助金"] == "0" and found[2]["错误"] == ""
    assert found[3]["每月特别扶助金"] == "760"
    assert found[4]["错误"] == "" and "本区户籍写的是“maybe”，没认出" in found[4]["待核实"]  # that cell's problem only
    assert found[5]["每月特别扶助金"] == "920"
    assert "人数：5 人（5 户）" in done.stderr.decode() and "有错误：1 行（共 6 行）" in done.stderr.decode()


def test_headers_keys_gives_the_key_names_and_machine_subsidies_for_scripts(tmp_path: Path) -> None:
    rows = [["id", "birth_date", "family_type", "songjiang_hukou", "honor_cert", "child_event.kind", "child_event.child_age",
             "child_event.child_married", "as_of"],
            ["1", "1964-06-01", "child_disabled", "true", "true", "serious_illness", "25", "false", "2024-06-01"]]
    status, out = roster(tmp_path, rows, "--headers", "keys")
    assert status == 0
    written = read_csv(out.read_bytes())
    assert written[0] == rows[0] + KEY_COLUMNS[1:]  # the input's own as_of column is the output's as_of
    assert written[1][-7:] == ["60", "710", "", "710", "2.1.4:3000", "", ""]
    assert b"\xe3\x80\x90" not in out.read_bytes()  # no 【说明】 note rows in a file for scripts


def test_a_row_own_as_of_wins_over_the_option(tmp_path: Path) -> None:
    rows = [["出生日期", "家庭类别", "计算日期", "本区户籍"], ["1964-06-01", "独生子女死亡家庭", "2024-05-31", "是"],
            ["1964-06-01", "独生子女死亡家庭", "", "是"]]
    _, out = roster(tmp_path, rows, "--as-of", "2024-06-01")
    written = read_csv(out.read_bytes())
    assert [row[2] for row in written[1:]] == ["2024-05-31", "2024-06-01"]  # 计算日期 filled in where blank
    assert [row[5] for row in written[1:]] == ["820", "870"]


def test_blank_short_and_long_rows_keep_their_place(tmp_path: Path) -> None:
    rows = [["出生日期", "家庭类别", "备注", "本区户籍"], [], ["1964-06-01", "独生子女死亡家庭", "", "是"],
            ["1964-06-01", "无", "x", "是", "多出来"]]
    _, out = roster(tmp_path, rows, "--as-of", "2024-06-01")
    written = read_csv(out.read_bytes())
    assert len(written) == 4
    assert written[1][-1] == "这一行是空的"
    assert written[2][4:8] == ["2024-06-01", "60", "870", ""]
    assert "多" in written[3][11] and written[3][-1] == "多出来"


def test_running_the_roster_on_its_own_output_replaces_the_result_columns(tmp_path: Path) -> None:
    _, first = roster(tmp_path, CHINESE_ROSTER, "--as-of", "2024-06-01")
    again = tmp_path / "again.csv"
    from calculator.cli import main

    assert main(["roster", str(first), "--as-of", "2034-06-01", "-o", str(again)]) == 1  # a bad row is still bad
    written = read_csv(again.read_bytes())
    assert written[0] == CHINESE_ROSTER[0] + OUT_COLUMNS
    assert written[1][9:12] == ["2034-06-01", "70", "920"]
    assert len(written) == len(CHINESE_ROSTER)  # the note rows of the first run are not read as people


def test_a_header_naming_one_fact_twice_exits_2(repo: Path, tmp_path: Path) -> None:
    done = run(repo, str(write(tmp_path / "in.csv", [["birth_date", "出生日期"], ["1960-01-01", "1960-01-01"]])))
    assert done.returncode == 2
    assert "出生日期" in json.loads(done.stderr)["errors"][0]["message"]


@pytest.mark.parametrize("as_of", ["2020-11-30", "2100-01-01", "2022-02-30"], ids=["before-the-notice", "after-2099", "no-such-day"])
def test_an_as_of_option_outside_the_calculator_range_exits_2_at_once(repo: Path, tmp_path: Path, as_of: str) -> None:
    out = tmp_path / "out.csv"
    done = run(repo, str(write(tmp_path / "in.csv", CHINESE_ROSTER)), "--as-of", as_of, "-o", str(out))
    assert done.returncode == 2 and done.stdout == b"" and not out.exists()
    assert json.loads(done.stderr)["errors"][0]["field"] == "as_of"


def test_a_row_as_of_before_the_notice_is_marked_on_that_row(tmp_path: Path) -> None:
    rows = [["出生日期", "家庭类别", "计算日期"], ["1964-06-01", "独生子女死亡家庭", "2020-11-30"], ["1964-06-01", "无", "2024-06-01"]]
    _, out = roster(tmp_path, rows)
    written = read_csv(out.read_bytes())
    assert "2020年12月1日" in written[1][-1] and written[1][2] == "2020-11-30" and written[2][-1] == ""


@pytest.mark.parametrize(("text", "value"), [("是", True), ("否", False), ("TRUE", True), ("0", False), (" 1 ", True)],
                         ids=["shi", "fou", "upper-true", "zero", "padded-one"])
def test_roster_booleans(text: str, value: bool) -> None:
    assert read_cell(text.strip(), {"type": "bool"}, "lives_alone") is value


def test_an_unknown_answer_in_a_yes_no_column_is_read_as_not_answered() -> None:
    assert read_cell("不清楚", {"type": "bool"}, "lives_alone") is None


def test_full_width_digits_are_read_in_dates_and_numbers() -> None:
    assert read_cell("１５", {"type": "int"}, "child_event.child_age") == 15
    target = io.BytesIO()
    rows = [["出生日期", "家庭类别", "本区户籍"], ["１９６０年１月１日", "独生子女伤残家庭", "是"]]
    write_roster(rows, target, "csv", "2024-06-01", start_summary("2024-06-01", None))
    assert read_csv(target.getvalue())[1][3:6] == ["2024-06-01", "64", "710"]


@pytest.mark.parametrize("text", ["1965/3/8", "1965年3月8日", "1965.03.08", "１９６５年３月８日"],
                         ids=["excel-slashes", "chinese-date", "dots", "full-width"])
def test_roster_accepts_common_spreadsheet_date_spellings(text: str) -> None:
    target = io.BytesIO()
    rows = [["出生日期", "家庭类别", "本区户籍"], [text, "独生子女伤残家庭", "是"]]
    write_roster(rows, target, "csv", "2024-06-01", start_summary("2024-06-01", None))
    assert read_csv(target.getvalue())[1][4:6] == ["59", "660"]
