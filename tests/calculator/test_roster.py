"""``python -m calculator roster``: rows in order, unknown columns kept, bad rows marked, never dropped."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from calculator.roster import read_cell, run_roster

OUT_COLUMNS = ["age", "monthly_special_assistance", "one_time_subsidies", "error"]


def run(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "calculator", "roster", *args], cwd=repo, capture_output=True, check=False)


def write(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def read(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


CHINESE_ROSTER = [
    ["姓名", "地址", "出生日期", "家庭类别", "本区户籍", "光荣证", "子女情况", "子女当时年龄", "承诺不再生育收养"],
    ["张三", "中山路1号", "1964-06-01", "独生子女死亡家庭", "是", "是", "意外死亡", "15", "是"],
    ["李四", "中山路2号", "1960-02-30", "独生子女伤残家庭", "是", "否", "", "", ""],
    ["王五", "中山路3号", "1975-06-02", "独生子女伤残家庭", "否", "否", "", "", ""],
    ["赵六", "中山路4号", "1954/6/1", "独生子女伤残家庭", "1", "0", "", "", ""],
    ["钱七", "中山路5号", "1950-01-01", "无", "maybe", "", "", "", ""],
    ["孙八", "中山路6号", "1950-01-01", "独生子女死亡家庭", "true", "false", "", "", ""],
]


def test_a_chinese_roster_keeps_every_row_in_order_with_its_own_columns(repo: Path, tmp_path: Path) -> None:
    done = run(repo, str(write(tmp_path / "in.csv", CHINESE_ROSTER)), "--as-of", "2024-06-01")
    assert done.returncode == 0, done.stderr
    rows = read(done.stdout)
    assert rows[0] == CHINESE_ROSTER[0] + OUT_COLUMNS
    assert [row[:9] for row in rows[1:]] == CHINESE_ROSTER[1:]
    results = [dict(zip(OUT_COLUMNS, row[9:])) for row in rows[1:]]
    assert results[0] == {"age": "60", "monthly_special_assistance": "870", "one_time_subsidies": "2.1.2:5000", "error": ""}
    assert results[1]["age"] == "" and "出生日期" in results[1]["error"] and "不存在" in results[1]["error"]
    assert results[2] == {"age": "48", "monthly_special_assistance": "0", "one_time_subsidies": "", "error": ""}
    assert results[3]["monthly_special_assistance"] == "760"
    assert "本区户籍" in results[4]["error"]
    assert results[5]["monthly_special_assistance"] == "920"


def test_english_keys_and_an_output_file_work_too(repo: Path, tmp_path: Path) -> None:
    rows = [["id", "birth_date", "family_type", "songjiang_hukou", "honor_cert", "child_event.kind", "child_event.child_age",
             "child_event.child_married", "as_of"],
            ["1", "1964-06-01", "child_disabled", "true", "true", "serious_illness", "25", "false", "2024-06-01"]]
    out = tmp_path / "out.csv"
    done = run(repo, str(write(tmp_path / "in.csv", rows, encoding="utf-8")), "-o", str(out))
    assert done.returncode == 0 and done.stdout == b""
    assert read(out.read_bytes())[1][-4:] == ["60", "710", "2.1.4:3000", ""]


def test_a_bom_input_gives_a_bom_output_for_excel(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    run(repo, str(write(tmp_path / "in.csv", CHINESE_ROSTER[:2])), "--as-of", "2024-06-01", "-o", str(out))
    assert out.read_bytes().startswith(b"\xef\xbb\xbf\xe5\xa7\x93")  # BOM, then 姓


def test_a_row_own_as_of_wins_over_the_option(repo: Path, tmp_path: Path) -> None:
    rows = [["出生日期", "家庭类别", "计算日期", "本区户籍"], ["1964-06-01", "独生子女死亡家庭", "2024-05-31", "是"],
            ["1964-06-01", "独生子女死亡家庭", "", "是"]]
    result = read(run(repo, str(write(tmp_path / "in.csv", rows)), "--as-of", "2024-06-01").stdout)
    assert [row[5] for row in result[1:]] == ["820", "870"]


def test_a_row_whose_hukou_is_not_answered_has_no_established_amount(repo: Path, tmp_path: Path) -> None:
    rows = [["出生日期", "家庭类别", "本区户籍"], ["1964-06-01", "独生子女死亡家庭", ""], ["1964-06-01", "独生子女死亡家庭", "不清楚"]]
    result = read(run(repo, str(write(tmp_path / "in.csv", rows)), "--as-of", "2024-06-01").stdout)
    assert [row[4] for row in result[1:]] == ["0", "0"] and [row[-1] for row in result[1:]] == ["", ""]


def test_blank_short_and_long_rows_keep_their_place(repo: Path, tmp_path: Path) -> None:
    rows = [["出生日期", "家庭类别", "备注", "本区户籍"], [], ["1964-06-01", "独生子女死亡家庭", "", "是"],
            ["1964-06-01", "无", "x", "是", "多出来"]]
    result = read(run(repo, str(write(tmp_path / "in.csv", rows)), "--as-of", "2024-06-01").stdout)
    assert len(result) == 4
    assert result[1][-1] == "这一行是空的"
    assert result[2] == ["1964-06-01", "独生子女死亡家庭", "", "是", "60", "870", "", ""]
    assert result[3][:8] == ["1964-06-01", "无", "x", "是", "60", "0", "", result[3][7]] and "多" in result[3][7]
    assert result[3][-1] == "多出来"


def test_running_the_roster_on_its_own_output_replaces_the_result_columns(repo: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    run(repo, str(write(tmp_path / "in.csv", CHINESE_ROSTER)), "--as-of", "2024-06-01", "-o", str(first))
    again = read(run(repo, str(first), "--as-of", "2034-06-01").stdout)
    assert again[0] == CHINESE_ROSTER[0] + OUT_COLUMNS
    assert again[1][9:11] == ["70", "920"]


def test_a_header_naming_one_fact_twice_exits_2(repo: Path, tmp_path: Path) -> None:
    done = run(repo, str(write(tmp_path / "in.csv", [["birth_date", "出生日期"], ["1960-01-01", "1960-01-01"]])))
    assert done.returncode == 2
    assert "出生日期" in json.loads(done.stderr)["errors"][0]["message"]


def test_a_bad_as_of_option_exits_2(repo: Path, tmp_path: Path) -> None:
    done = run(repo, str(write(tmp_path / "in.csv", CHINESE_ROSTER)), "--as-of", "2022-02-30")
    assert done.returncode == 2 and json.loads(done.stderr)["errors"][0]["field"] == "as_of"


@pytest.mark.parametrize("as_of", ["2020-11-30", "2100-01-01"], ids=["before-the-notice", "after-2099"])
def test_an_as_of_option_outside_the_calculator_range_exits_2_at_once(repo: Path, tmp_path: Path, as_of: str) -> None:
    done = run(repo, str(write(tmp_path / "in.csv", CHINESE_ROSTER)), "--as-of", as_of)
    assert done.returncode == 2 and done.stdout == b""
    assert json.loads(done.stderr)["errors"][0]["field"] == "as_of"


def test_a_row_as_of_before_the_notice_is_marked_on_that_row(repo: Path, tmp_path: Path) -> None:
    rows = [["出生日期", "家庭类别", "计算日期"], ["1964-06-01", "独生子女死亡家庭", "2020-11-30"], ["1964-06-01", "无", "2024-06-01"]]
    result = read(run(repo, str(write(tmp_path / "in.csv", rows))).stdout)
    assert "2020年12月1日" in result[1][-1] and result[2][-1] == ""


def test_a_gbk_file_is_explained_or_read_with_the_encoding_option(repo: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "gbk.csv", CHINESE_ROSTER[:2], encoding="gbk")
    done = run(repo, str(path), "--as-of", "2024-06-01")
    assert done.returncode == 2 and "gbk" in json.loads(done.stderr)["errors"][0]["message"]
    done = run(repo, str(path), "--as-of", "2024-06-01", "--encoding", "gbk")
    assert read(done.stdout)[1][-3] == "870"


@pytest.mark.parametrize(("text", "value"), [("是", True), ("否", False), ("TRUE", True), ("0", False), (" 1 ", True)],
                         ids=["shi", "fou", "upper-true", "zero", "padded-one"])
def test_roster_booleans(text: str, value: bool) -> None:
    assert read_cell(text.strip(), {"type": "bool"}) is value


@pytest.mark.parametrize("text", ["1965/3/8", "1965年3月8日", "1965.03.08", "１９６５年３月８日"],
                         ids=["excel-slashes", "chinese-date", "dots", "full-width"])
def test_roster_accepts_common_spreadsheet_date_spellings(text: str) -> None:
    source = io.StringIO(f"出生日期,家庭类别,本区户籍\r\n{text},独生子女伤残家庭,是\r\n")
    target = io.StringIO()
    run_roster(source, target, "2024-06-01")
    assert target.getvalue().splitlines()[1].endswith(",59,660,,")


def test_an_unknown_answer_in_a_yes_no_column_is_read_as_not_answered() -> None:
    assert read_cell("不清楚", {"type": "bool"}) is None


def test_run_roster_streams_in_process() -> None:
    source = io.StringIO("出生日期,家庭类别,本区户籍\r\n1964-06-01,独生子女伤残家庭,是\r\n")
    target = io.StringIO()
    assert run_roster(source, target, "2024-06-01") == 1
    assert target.getvalue().splitlines()[1] == "1964-06-01,独生子女伤残家庭,是,60,710,,"
