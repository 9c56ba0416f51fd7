"""``roster IN --changes-until DATE``: whose monthly amount changes, on which day, to what, sorted by date."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from roster_support import read_csv, roster, write

from calculator import roster_csv

HEADER = ["姓名", "出生日期", "家庭类别", "本区户籍", "配偶出生日期", "配偶本区户籍"]
ROWS = [HEADER,
        ["满七十", "1954-09-15", "独生子女死亡家庭", "是", "", ""],
        ["满四十九", "1975-07-01", "独生子女伤残家庭", "是", "", ""],
        ["户口不在本区", "1975-06-20", "独生子女伤残家庭", "否", "", ""],
        ["没有变化", "1962-01-01", "独生子女死亡家庭", "是", "", ""],
        ["配偶满六十", "1958-01-01", "独生子女死亡家庭", "是", "1964-08-01", "是"],
        ["年份之外", "1955-01-02", "独生子女死亡家庭", "是", "", ""],
        ["坏行", "1960-02-30", "独生子女死亡家庭", "是", "", ""]]


def test_the_changes_until_a_date_are_listed_with_the_day_and_the_new_amount_sorted_by_date(tmp_path: Path) -> None:
    status, out = roster(tmp_path, ROWS, "--as-of", "2024-06-01", "--changes-until", "2024-12-31")
    assert status == 1  # the list is written; the bad row needs correcting
    written = read_csv(out.read_bytes())
    assert written[0] == ["表格行号", *HEADER, "谁", "变化日期", "满周岁", "原每月特别扶助金", "新每月特别扶助金"]
    assert [[row[0], row[1], *row[-5:]] for row in written[1:]] == [
        ["3", "满四十九", "本人", "2024-07-01", "49", "0", "660"],
        ["6", "配偶满六十", "配偶", "2024-08-01", "60", "820", "870"],
        ["2", "满七十", "本人", "2024-09-15", "70", "870", "920"],
    ]


def test_keys_headers_name_the_change_columns_for_scripts(tmp_path: Path) -> None:
    _, out = roster(tmp_path, ROWS, "--as-of", "2024-06-01", "--changes-until", "2024-12-31", "--headers", "keys")
    assert read_csv(out.read_bytes())[0][-5:] == ["who", "date", "age", "monthly_before", "monthly_after"]


def test_the_page_gets_the_same_list_and_its_count() -> None:
    text = "\r\n".join(",".join(row) for row in ROWS)
    answer = roster_csv(text, "2024-06-01", changes_until="2024-12-31")
    assert answer["summary"]["changes"] == 3 and answer["summary"]["bad"] == 1
    assert answer["csv"].splitlines()[1].startswith("3,满四十九,")


@pytest.mark.parametrize(("until", "message"), [("2024-05-31", "要晚于计算日期"), ("2100-01-01", "2099年12月31日"),
                                              ("2024-02-30", "不存在")], ids=["before-as-of", "after-2099", "no-such-day"])
def test_a_bad_changes_until_date_exits_2_at_once(repo: Path, tmp_path: Path, until: str, message: str) -> None:
    source = write(tmp_path / "in.csv", ROWS)
    done = subprocess.run([sys.executable, "-m", "calculator", "roster", str(source), "--as-of", "2024-06-01",
                           "--changes-until", until], cwd=repo, capture_output=True, check=False)
    assert done.returncode == 2 and done.stdout == b""
    error = json.loads(done.stderr)["errors"][0]
    assert error["field"] == "changes_until" and message in error["message"] and "变化截止日期" in error["message"]


def test_a_couple_in_one_household_is_listed_once_per_person() -> None:
    text = ("姓名,户号,出生日期,家庭类别,本区户籍,配偶出生日期,配偶本区户籍\r\n"
            "王芳,A1,1975-07-01,独生子女死亡家庭,是,1964-08-01,是\r\n"
            "李强,A1,1964-08-01,独生子女死亡家庭,是,1975-07-01,是\r\n"
            "张兰,,1975-07-01,独生子女死亡家庭,是,1964-08-01,是\r\n")
    rows = roster_csv(text, "2024-06-01", changes_until="2024-12-31")["csv"].splitlines()[1:]
    assert [(row.split(",")[1], row.split(",")[-5]) for row in rows] == [
        ("王芳", "本人"), ("张兰", "本人"), ("李强", "本人"), ("张兰", "配偶")]
