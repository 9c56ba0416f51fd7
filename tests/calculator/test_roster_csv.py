"""roster_csv: the staff roster checked from CSV text in memory, as the roster page does in the browser."""

from __future__ import annotations

import csv
import io
import json

import pytest

from calculator import FactsError, roster_csv
from calculator.worker import roster_json
from calculator.roster.facts import RosterError

ROSTER = ("\ufeff姓名,出生日期,家庭类别,配偶出生日期,本区户籍\r\n"
          "张三,1958-03-08,独生子女死亡家庭,,是\r\n"
          "李四,1960-02-30,伤残,,是\r\n"
          "\r\n"
          "王五,1970年1月1日,child_disabled,1975.1.1,是\r\n")


def test_every_row_comes_back_in_order_with_its_amounts_or_its_error() -> None:
    answer = roster_csv(ROSTER, "2024-06-01")
    rows = [row for row in csv.reader(io.StringIO(answer["csv"])) if not row[0].startswith("【说明】")]
    assert rows[0] == ["姓名", "出生日期", "家庭类别", "配偶出生日期", "本区户籍", "计算日期", "年龄", "每月特别扶助金",
                       "配偶每月特别扶助金", "全家每月", "一次性补助", "待核实", "错误"]
    assert [row[0] for row in rows[1:]] == ["张三", "李四", "", "王五"]
    assert rows[1][5:10] == ["2024-06-01", "66", "870", "", "870"]
    assert "这个日期不存在" in rows[2][12]
    assert rows[3][12] == "这一行是空的"
    assert rows[4][6:10] == ["54", "660", "0", "660"]  # the partner (49) has no established amount: 户籍 unanswered
    assert "配偶本区户籍" not in rows[4][11]  # no such column: said once, in the file's report
    assert any(line.startswith("名单没有“配偶本区户籍”一列：1 行") for line in answer["summary"]["report"])


def test_the_summary_counts_people_households_and_adds_up_the_amounts() -> None:
    answer = roster_csv(ROSTER, "2024-06-01")
    summary = answer["summary"]
    notice = summary.pop("amounts_notice")
    assert summary.pop("report")[0].startswith("用来计算的列：“姓名”")  # 姓名 finds repeats and couples
    assert summary == {"rows": 4, "good": 2, "bad": 2, "people": 3, "households": 2, "total_monthly": 870 + 660,
                       "total_one_time": 0, "to_check": 0, "duplicates": 0, "header_warning": ""}
    assert notice["reviewed"] == "2020-12-01" and "动态增长机制" in notice["text"]
    assert answer["csv"].count("动态增长机制") == 1  # said once, in a note row, not on every row
    assert [bad["row"] for bad in answer["bad_rows"]] == [3, 4]  # spreadsheet row numbers: the header is row 1


@pytest.mark.parametrize(("as_of", "message"), [("2020-11-30", "2020年12月1日"), ("2024-02-30", "不存在"),
                                               ("2100-01-01", "2099年12月31日")],
                         ids=["before the notice", "impossible date", "after 2099"])
def test_a_bad_calculation_date_is_a_facts_error(as_of: str, message: str) -> None:
    with pytest.raises(FactsError) as raised:
        roster_csv(ROSTER, as_of)
    assert raised.value.errors[0]["field"] == "as_of"
    assert message in raised.value.errors[0]["message"]


def test_an_empty_file_or_a_duplicated_column_is_a_roster_error() -> None:
    with pytest.raises(RosterError):
        roster_csv("")
    with pytest.raises(RosterError):
        roster_csv("出生日期,birth_date\r\n1960-01-01,1960-01-01\r\n")


def test_roster_json_wraps_the_answer_or_the_errors_in_an_envelope() -> None:
    ok = json.loads(roster_json(json.dumps({"text": ROSTER, "as_of": "2024-06-01"})))
    assert ok["ok"] == roster_csv(ROSTER, "2024-06-01")
    bad = json.loads(roster_json(json.dumps({"text": ROSTER, "as_of": "2018-01-01"})))
    assert bad["errors"][0]["field"] == "as_of"
    assert json.loads(roster_json("not json"))["errors"][0]["field"] == "roster"
