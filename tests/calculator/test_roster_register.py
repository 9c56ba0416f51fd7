"""A 街镇's register as staff keep it (issue 25): 身份证号 read, the office's words, partial rows, repeats and
couples by name, one report for the file. The files are written by the tests (``register_support``)."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import openpyxl
import pytest
from register_support import id_number, register_rows, register_xlsx
from roster_support import read_csv, results, roster, write

from calculator.cli import main
from calculator.roster.id_numbers import read_id

AS_OF = "2024-06-01"
FULL_ID = re.compile(r"\d{15,18}")
ASCII_WORD = re.compile(r"[A-Za-z_]{3,}")
WANG = id_number(datetime.date(1965, 12, 17), 123)  # a man born 1965-12-17


def _run_register(tmp_path: Path, rows: list[list[object]], *args: str) -> tuple[int, list[list[object]], list[str]]:
    source = tmp_path / "登记表.xlsx"
    source.write_bytes(register_xlsx(rows))
    out = tmp_path / "核对结果.xlsx"
    status = main(["roster", str(source), "-o", str(out), "--as-of", AS_OF, *args])
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[0]
    return status, [[cell.value for cell in row] for row in sheet.iter_rows()], [str(row[0].value) for row in book["说明"].iter_rows()]


def _by_name(rows: list[list[object]]) -> dict[str, dict[str, object]]:
    header = rows[1]
    return {row[1]: dict(zip(header, row)) for row in rows[2:]}


def test_the_check_digit_birth_date_and_sex_are_read_from_an_id() -> None:
    number = read_id(WANG)
    assert number.valid and number.birth.isoformat() == "1965-12-17" and number.sex == "男" and not number.problem
    assert read_id(WANG.lower()).valid and read_id(" " + WANG + " ").valid
    bad = read_id(WANG[:17] + ("1" if WANG[17] != "1" else "2"))
    assert not bad.valid and "校验码" in bad.problem and f"尾号 {bad.tail}" in bad.problem
    assert "17 位" in read_id(WANG[:17]).problem and read_id(WANG[:17]).birth == number.birth
    assert "15 位" in read_id("310227651217123").problem
    assert read_id("310227651217123").birth.isoformat() == "1965-12-17"
    for number in (bad, read_id(WANG[:17]), read_id("310227651217123")):
        assert not FULL_ID.search(number.problem)  # never more than the last four digits


def test_the_300_row_register_comes_out_computed_with_its_oddities_said(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    rows = register_rows(300)
    status, out, notes = _run_register(tmp_path, rows)
    err = capsys.readouterr().err
    assert status == 1  # one row (家庭类别 “特困”) needs correcting; the output is written
    data = out[2:]
    errors = [row for row in data if row[-1]]
    checking = [row for row in data if not row[-1] and row[-2]]
    assert len(data) == 300 and len(errors) == 1 and errors[0][6] == "特困"
    assert "家庭类别" in errors[0][-1] and not ASCII_WORD.search(errors[0][-1])  # no English key
    assert all(isinstance(row[out[1].index("每月特别扶助金")], int) for row in data if not row[-1])
    assert "夫妻各占一行的：41 对（配偶姓名互相对应 41 对）" in err and "共 300 行" in err
    assert "是否持证" in err and "松江区" in err and "子女情况：5 种写法没认出" in err
    assert notes[0].startswith("用来计算的列") and any("夫妻各占一行的" in line for line in notes)
    for row in data:  # no full 身份证号 in any message
        assert not FULL_ID.search(str(row[-1]) + str(row[-2]))
    assert not FULL_ID.search(err)
    print(f"300-row register: {len(data) - len(errors) - len(checking)} computed, {len(checking)} 待核实, "
          f"{len(errors)} error")


def test_dates_written_as_19580312_and_58_3_12_and_the_id_checks(tmp_path: Path) -> None:
    rows = register_rows(300)
    _, out, _ = _run_register(tmp_path, rows)
    found = _by_name(out)
    for index in (9, 10):  # 19580312, 58.3.12
        row = found[rows[index][1]]
        assert isinstance(row["年龄"], int) and not row["错误"]
    bad_check = found[rows[11][1]]
    assert "校验码" in bad_check["待核实"] and isinstance(bad_check["每月特别扶助金"], int)
    disagreeing = found[rows[12][1]]
    birth = str(rows[12][3])[6:14]
    assert "已按身份证号计算" in disagreeing["待核实"] and disagreeing["年龄"] == 2024 - int(birth[:4]) - (birth[4:] > "0601")
    assert "17 位" in found[rows[13][1]]["待核实"]


def test_a_person_twice_is_flagged_on_both_rows_and_counted_once(tmp_path: Path) -> None:
    rows = register_rows(300)
    _, out, notes = _run_register(tmp_path, rows)
    first, last = out[2 + 5], out[-1]
    assert first[3] == last[3]
    assert "重复：第 302 行是同一人" in first[-2] and last[-2].startswith("重复：和第 8 行是同一人")
    assert last[out[1].index("全家每月")] == "重复，见第 8 行"
    assert any(line.startswith("重复的人：1 行") for line in notes)


def test_no_birth_date_column_takes_it_from_the_id_and_office_words_are_read(tmp_path: Path) -> None:
    rows = [["姓名", "身份证号", "户籍地址", "家庭类别", "是否持证", "子女情况"],
            ["王强", WANG, "上海市松江区中山街道", "失独", "√", "独子2013年车祸去世"],
            ["李芳", id_number(datetime.date(1966, 3, 8), 124), "松江区方松街道", "伤残", "未持证", ""],
            ["赵兰", id_number(datetime.date(1960, 1, 1), 126), "青浦区", "死亡", "持证", "意外去世"]]
    status, out = roster(tmp_path, rows, "--as-of", AS_OF)
    written = read_csv(out.read_bytes())
    found = results(written, 6)
    assert status == 0 and [row["错误"] for row in found] == ["", "", ""]
    assert (found[0]["年龄"], found[0]["每月特别扶助金"]) == ("58", "820")  # 失独 = the death family, 本区户籍
    assert "子女情况写的是“独子2013年车祸去世”，没认出" in found[0]["待核实"]  # one-time only: the monthly is paid
    assert (found[1]["年龄"], found[1]["每月特别扶助金"]) == ("58", "660")
    assert found[2]["每月特别扶助金"] == "0" and "户籍地址没有写“松江区”" in found[2]["待核实"]
    assert "子女当时的年龄（周岁）：这一项必须填写" in found[2]["待核实"]  # a missing 子女当时年龄 blocks only the subsidy


@pytest.mark.parametrize("pair_by", ["配偶姓名", "配偶身份证号"])
def test_couples_on_two_rows_without_a_household_number_are_one_household(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], pair_by: str) -> None:
    wife, husband = id_number(datetime.date(1960, 5, 1), 122), id_number(datetime.date(1958, 1, 1), 121)
    rows = [["姓名", "身份证号", pair_by, "家庭类别", "本区户籍"],
            ["王芳", wife, "李强" if pair_by == "配偶姓名" else husband, "死亡", "是"],
            ["张三", WANG, "", "死亡", "是"],
            ["李强", husband, "王芳" if pair_by == "配偶姓名" else wife, "死亡", "是"]]
    status, out = roster(tmp_path, rows, "--as-of", AS_OF)
    found = results(read_csv(out.read_bytes()), 5)
    assert [row["全家每月"] for row in found] == ["1740", "820", "同户，见第 2 行"]
    err = capsys.readouterr().err
    assert "人数：3 人（2 户）" in err and "每月特别扶助金合计：2560 元" in err
    how = "配偶姓名互相对应" if pair_by == "配偶姓名" else "配偶身份证号互相对应"
    assert f"夫妻各占一行的：1 对（{how} 1 对）" in err


def test_an_unknown_family_word_is_listed_once_in_chinese_with_its_count(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    rows = [["姓名", "出生日期", "家庭类别"]] + [[f"人{n}", "1960-01-01", "特困"] for n in range(3)]
    status, _ = roster(tmp_path, rows, "--as-of", AS_OF)
    err = capsys.readouterr().err
    assert status == 1 and "家庭类别：1 种写法没认出：“特困”（3 行），共 3 行" in err
    assert "有错误、没有算出金额的行：第 2、3、4 行" in err and "child_" not in err


def test_a_summary_sheet_first_is_passed_over_for_the_sheet_with_the_header(tmp_path: Path,
                                                                              capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "登记表.xlsx"
    source.write_bytes(register_xlsx(register_rows(30), summary_first=True))
    out = tmp_path / "out.xlsx"
    assert main(["roster", str(source), "-o", str(out), "--as-of", AS_OF]) == 1  # the fixture's 特困 row
    assert "共 30 行" in capsys.readouterr().err
    assert main(["roster", str(source), "-o", str(out), "--as-of", AS_OF, "--sheet", "名单"]) == 2
    assert "没有名为“名单”的工作表，它的工作表有：“汇总”、“登记表”" in capsys.readouterr().err


def test_the_output_keeps_ids_and_phones_as_text_dates_as_dates_and_numbers_as_numbers(tmp_path: Path) -> None:
    source = tmp_path / "登记表.xlsx"
    source.write_bytes(register_xlsx(register_rows(30)))
    out = tmp_path / "out.xlsx"
    main(["roster", str(source), "-o", str(out), "--as-of", AS_OF])
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert [str(cell) for cell in sheet.merged_cells.ranges] == [f"A1:{sheet.cell(2, sheet.max_column).column_letter}1"]
    assert sheet.freeze_panes == "A3"
    assert sheet["A3"].value == 1 and sheet["A3"].data_type == "n"  # 序号
    assert sheet["D3"].data_type == "s" and len(sheet["D3"].value) == 18  # 身份证号, never 3.1E+17
    assert sheet["L3"].data_type == "s" and sheet["E3"].is_date  # 联系电话 text; 出生日期 a date
    assert sheet.column_dimensions["D"].width >= 20 and sheet.column_dimensions["F"].width >= 26  # Chinese fits
    assert [row[0].value for row in openpyxl.load_workbook(out)["说明"].iter_rows()][0].startswith("用来计算的列")


def test_every_accepted_office_word_is_listed_in_the_readme_and_on_the_roster_page(repo: Path) -> None:
    from calculator.roster import office_words

    readme = (repo / "README.md").read_text(encoding="utf-8")
    page = (repo / "docs" / "roster.md").read_text(encoding="utf-8")
    words = [word for words in office_words.FAMILY_WORDS.values() for word in words]
    words += [word for word in office_words.TRUE_WORDS + office_words.FALSE_WORDS + office_words.UNKNOWN_WORDS
              if not word.isascii()]
    for word in words:
        assert word in readme and word in page, word
    for alias in office_words.COLUMN_NOTES:
        assert alias in readme and alias in page


def test_the_changes_list_names_a_couple_on_two_rows_once_and_counts_what_it_writes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [["姓名", "出生日期", "家庭类别", "本区户籍", "配偶姓名", "配偶出生日期", "配偶本区户籍"],
            ["王芳", "1964-08-01", "死亡", "是", "李强", "1950-01-01", "是"],
            ["李强", "1950-01-01", "死亡", "是", "王芳", "1964-08-01", "是"],
            ["王芳", "1964-08-01", "死亡", "是", "李强", "1950-01-01", "是"]]  # a repeat: not listed again
    source = write(tmp_path / "in.csv", rows)
    out = tmp_path / "changes.xlsx"
    assert main(["roster", str(source), "--as-of", AS_OF, "--changes-until", "2024-12-31", "-o", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    listed = [[cell.value for cell in row] for row in book.worksheets[0].iter_rows()][1:]
    assert [(row[0], row[-5]) for row in listed] == [(2, "本人")]  # 王芳 reaches 60 once, not again as 李强's 配偶
    notes = [row[0].value for row in book["说明"].iter_rows()]
    assert "找到 1 项变化（共核对 3 行）" in notes and "找到 1 项变化（共核对 3 行）" in capsys.readouterr().err


def test_an_id_typed_into_another_column_is_never_quoted_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [["姓名", "出生日期", "家庭类别", "本区户籍"], ["王强", WANG, "死亡", WANG]]
    status, out = roster(tmp_path, rows, "--as-of", AS_OF)
    text = out.read_bytes().decode("utf-8-sig")
    assert status == 1 and f"…{WANG[-4:]}" in text
    assert text.count(WANG) == 2 and not FULL_ID.search(capsys.readouterr().err)  # only the row's own two cells


def test_a_row_with_neither_birth_date_nor_a_readable_id_says_both(tmp_path: Path) -> None:
    rows = [["姓名", "身份证号", "家庭类别", "本区户籍", "配偶姓名"],
            ["王强", WANG[:16], "死亡", "是", ""], ["钱七", WANG[:17], "死亡", "是", ""]]
    status, out = roster(tmp_path, rows, "--as-of", AS_OF)
    found = results(read_csv(out.read_bytes()), 5)
    assert status == 1 and "出生日期：这一项必须填写" in found[0]["错误"] and "有 16 位，应是 18 位" in found[0]["错误"]
    assert found[1]["年龄"] == "58" and "出生日期按身份证号里的 1965-12-17 计算" in found[1]["待核实"]  # 17 digits


def test_with_key_headers_a_couples_second_row_leaves_the_household_total_blank(tmp_path: Path) -> None:
    rows = [["姓名", "配偶姓名", "birth_date", "family_type", "songjiang_hukou"],
            ["王芳", "李强", "1960-05-01", "child_deceased", "true"], ["李强", "王芳", "1958-01-01", "child_deceased", "true"]]
    _, out = roster(tmp_path, rows, "--as-of", AS_OF, "--headers", "keys")
    written = read_csv(out.read_bytes())
    column = written[0].index("household_monthly")
    assert [row[column] for row in written[1:]] == ["1740", ""]  # scripts sum numbers: the couple once
