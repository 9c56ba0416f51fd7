"""Roster households: the partner's amount, 户号 groups, one-time subsidies once per household, 待核实."""

from __future__ import annotations

from pathlib import Path

from roster_support import read_csv, results, roster

from calculator import roster_csv

AS_OF = "2024-06-01"
HEADER = ["姓名", "户号", "出生日期", "家庭类别", "本区户籍", "配偶出生日期", "配偶本区户籍", "光荣证", "子女情况", "子女当时年龄"]


def test_a_wife_of_48_and_a_husband_of_72_give_the_husband_amount_and_the_household_total(tmp_path: Path) -> None:
    rows = [HEADER, ["王芳", "", "1976-01-01", "独生子女死亡家庭", "是", "1952-01-01", "是", "", "", ""]]
    _, out = roster(tmp_path, rows, "--as-of", AS_OF)
    found = results(read_csv(out.read_bytes()), len(HEADER))[0]
    assert (found["年龄"], found["每月特别扶助金"], found["配偶每月特别扶助金"], found["全家每月"]) == ("48", "0", "920", "920")


def test_two_rows_sharing_a_household_number_are_one_household_and_its_one_time_subsidy_is_counted_once() -> None:
    rows = [HEADER, ["王芳", "A1", "1976-01-01", "独生子女死亡家庭", "是", "1952-01-01", "是", "是", "意外死亡", "20"],
            ["李强", "A1", "1952-01-01", "独生子女死亡家庭", "是", "1976-01-01", "是", "是", "意外死亡", "20"],
            ["张兰", "", "1960-01-01", "独生子女伤残家庭", "是", "", "", "是", "意外伤残", "18"]]
    answer = roster_csv("\r\n".join(",".join(row) for row in rows), AS_OF)
    written = read_csv(("\ufeff" + answer["csv"]).encode())
    found = results(written, len(HEADER))
    assert found[0]["一次性补助"] == "二（一）3 一次性补助 5000 元"
    assert found[1]["一次性补助"] == "二（一）3 一次性补助 5000 元（同户第 2 行已计，每户只发一次）"
    assert [row["全家每月"] for row in found] == ["920", "同户，见第 2 行", "710"]  # a column sum counts the couple once
    summary = answer["summary"]
    assert (summary["people"], summary["households"]) == (3, 2)
    assert summary["total_monthly"] == 920 + 710  # the couple's rows name each other: counted once
    assert found[2]["一次性补助"] == "二（一）3 一次性补助 3000 元"
    assert summary["total_one_time"] == 5000 + 3000  # 2.1.3 once for household A1, and 张兰's


def test_a_partner_named_only_in_the_partner_columns_is_one_more_person_in_the_summary() -> None:
    text = ",".join(HEADER) + "\r\n王芳,,1960-01-01,独生子女死亡家庭,是,1958-01-01,是,,,\r\n"
    summary = roster_csv(text, AS_OF)["summary"]
    assert (summary["people"], summary["households"], summary["total_monthly"]) == (2, 1, 870 + 870)


def test_needs_assessment_is_said_in_to_check_and_never_looks_like_not_eligible(tmp_path: Path) -> None:
    rows = [HEADER, ["王芳", "", "1960-01-01", "独生子女死亡家庭", "是", "", "", "", "意外死亡", "20"],
            ["李强", "", "1960-01-01", "独生子女死亡家庭", "", "", "", "是", "因病去世", "30"],
            ["张兰", "", "1960-01-01", "独生子女死亡家庭", "是", "", "", "否", "意外死亡", "20"]]
    _, out = roster(tmp_path, rows, "--as-of", AS_OF)
    found = results(read_csv(out.read_bytes()), len(HEADER))
    assert found[0]["待核实"] == "二（一）3 一次性补助（如符合 5000 元）：光荣证未填写"
    assert found[0]["一次性补助"] == ""  # not established, so not in the amount column
    assert found[1]["待核实"] == "每月特别扶助金（如符合每月 870 元）：本区户籍未填写"
    assert found[1]["每月特别扶助金"] == "0"
    assert found[2]["待核实"] == "" and found[2]["一次性补助"] == ""  # 光荣证 否: not eligible, nothing to check


def test_an_unanswered_child_event_is_one_line_for_the_one_time_subsidies() -> None:
    text = "出生日期,家庭类别,本区户籍,光荣证,子女情况\r\n1960-01-01,独生子女伤残家庭,是,是,\r\n"
    rows = read_csv(("\ufeff" + roster_csv(text, AS_OF)["csv"]).encode())
    assert rows[1][-2] == "一次性补助：子女情况未填写"


def test_the_currency_notice_is_said_once_in_the_notes_not_on_every_row(tmp_path: Path) -> None:
    rows = [HEADER] + [[f"人{n}", "", "1960-01-01", "独生子女死亡家庭", "是", "", "", "", "因病去世", "30"] for n in range(3)]
    _, out = roster(tmp_path, rows, "--as-of", AS_OF)
    text = out.read_bytes().decode("utf-8-sig")
    assert text.count("动态增长机制") == 1
    assert "【说明】人数：3 人（3 户）" in text and "【说明】每月特别扶助金合计：2610 元" in text
