"""The staff roster page: a CSV or .xlsx picked, checked on this device, summarised, offered back as a download."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import openpyxl
import pytest
from calculator_form_support import ENGINE_LOAD_MS
from playwright.sync_api import Page, expect

from calculator import roster_csv, roster_xlsx
from calculator.roster.api import roster_csv_bytes

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "calculator"))
from xlsx_support import HEADER, TITLE, roster_xlsx_bytes  # noqa: E402


# These tests check what the page shows with the engine's answers, not how the engine loads: `page` is a
# new tab in the warm context (conftest.py), whose engine starts from the snapshot already on the device.
@pytest.fixture
def page(warm_page: Page) -> Page:
    return warm_page

ROSTER = ("姓名,出生日期,家庭类别,配偶出生日期,地址,本区户籍,配偶本区户籍\r\n"
          "张三,1958-03-08,独生子女死亡家庭,1960-05-01,松江区中山街道,是,是\r\n"
          "李四,1960-02-30,伤残,,方松街道,是,\r\n"
          "王五,1970年1月1日,独生子女伤残家庭,,岳阳街道,是,\r\n"
          ",,,,,,\r\n"
          "钱七,2030-01-01,无,,永丰街道,是,\r\n"
          "=HYPERLINK(\"http://example.invalid/\"&A2),1976-01-01,独生子女死亡家庭,1952-01-01,@SUM(1),是,是\r\n")
AS_OF = "2024-06-01"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def check(page: Page, base_url: str, content: bytes, name: str = "六月名单.csv", as_of: str = AS_OF,
          until: str = "") -> None:
    page.goto(base_url + "roster/")
    expect(page.locator("main")).to_contain_text("文件不会上传到任何地方")
    kind = XLSX if name.endswith(".xlsx") else "text/csv"
    page.get_by_label("名单文件（Excel 或 CSV）").set_input_files({"name": name, "mimeType": kind, "buffer": content})
    page.get_by_label("计算日期").fill(as_of)
    page.get_by_label("列出每月金额有变化的人", exact=False).fill(until)
    page.get_by_role("button", name="开始核对").click()


def download(page: Page, tmp_path: Path, link_name: str = "下载核对结果") -> tuple[str, bytes]:
    with page.expect_download() as download_info:
        page.get_by_role("link", name=link_name, exact=False).click()
    saved = tmp_path / "downloaded"
    download_info.value.save_as(saved)
    return download_info.value.suggested_filename, saved.read_bytes()


@pytest.mark.browser
def test_a_csv_roster_is_summarised_and_downloaded_in_order_with_formulas_neutralised(
    base_url: str, page: Page, tmp_path: Path
) -> None:
    check(page, base_url, ("\ufeff" + ROSTER).encode("utf-8"))
    expect(page.get_by_role("heading", name="核对结果")).to_be_focused(timeout=ENGINE_LOAD_MS)
    wanted = roster_csv(ROSTER, AS_OF)
    summary = wanted["summary"]
    expect(page.locator(".roster-summary td")).to_have_text([
        f"{summary['people']} 人", f"{summary['households']} 户", f"{summary['total_monthly']} 元",
        f"{summary['total_one_time']} 元", f"{summary['to_check']} 行", "3 行"])
    expect(page.locator(".calc-notice")).to_have_count(1)
    expect(page.locator(".calc-notice")).to_have_text(summary["amounts_notice"]["text"])
    bad = page.locator(".roster-bad tbody tr")
    expect(bad).to_have_count(3)
    expect(bad.nth(0)).to_contain_text("第 3 行")
    expect(bad.nth(0)).to_contain_text("出生日期：这个日期不存在")
    expect(bad.nth(1)).to_contain_text("这一行是空的")
    name, raw = download(page, tmp_path)
    assert name == "六月名单-核对结果.csv"
    assert raw.startswith("\ufeff".encode())  # Excel reads UTF-8 only with a BOM
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows == list(csv.reader(io.StringIO(wanted["csv"])))
    assert [row[0] for row in rows[:7]] == ["姓名", "张三", "李四", "王五", "", "钱七",
                                            "'=HYPERLINK(\"http://example.invalid/\"&A2)"]
    assert rows[6][4] == "'@SUM(1)" and rows[6][8:12] == ["48", "0", "920", "920"]  # wife 48, husband 72
    assert rows[0][-1] == "错误" and rows[1][-1] == "" and "不能晚于计算日期" in rows[5][-1]


@pytest.mark.browser
def test_a_gbk_roster_saved_by_excel_is_read_too(base_url: str, page: Page) -> None:
    check(page, base_url, ROSTER.encode("gbk"))
    expect(page.locator(".roster-summary td").first).to_have_text(
        f"{roster_csv(ROSTER, AS_OF)['summary']['people']} 人", timeout=ENGINE_LOAD_MS)


@pytest.mark.browser
def test_a_bad_byte_in_the_last_row_is_named_by_its_row_and_nothing_is_offered(base_url: str, page: Page) -> None:
    check(page, base_url, ROSTER.encode("gbk") + b"\xff\xfe,1960-01-01,\r\n")
    expect(page.locator("#roster-file-error")).to_have_text(
        "第 8 行不是 GBK 或 UTF-8 编码的文字，请在 Excel 或 WPS 里检查这一行，另存后重试", timeout=ENGINE_LOAD_MS)
    expect(page.locator(".roster-download")).to_have_count(0)


@pytest.mark.browser
def test_an_xlsx_roster_comes_back_as_an_xlsx_with_the_same_cells_as_in_python(
    base_url: str, page: Page, tmp_path: Path
) -> None:
    data = roster_xlsx_bytes()
    check(page, base_url, data, name="六月名单.xlsx")
    expect(page.get_by_role("heading", name="核对结果")).to_be_focused(timeout=ENGINE_LOAD_MS)
    expect(page.locator(".roster-summary td").first).to_have_text("3 人")
    name, raw = download(page, tmp_path)
    assert name == "六月名单-核对结果.xlsx"
    got = openpyxl.load_workbook(io.BytesIO(raw))
    wanted = openpyxl.load_workbook(io.BytesIO(roster_xlsx(data, AS_OF)["xlsx"]))
    rows = [[cell.value for cell in row] for row in got.worksheets[0].iter_rows()]
    assert rows == [[cell.value for cell in row] for row in wanted.worksheets[0].iter_rows()]
    assert rows[0][0] == TITLE and rows[1][:len(HEADER)] == HEADER and rows[2][11:15] == [48, 0, 920, 920]
    assert got.worksheets[0]["K3"].is_date and got.worksheets[0]["J3"].value == "=cmd|' /C calc'!A0"
    assert got.worksheets[0]["J3"].data_type == "s"  # text, never a formula


@pytest.mark.browser
def test_the_changes_until_a_date_are_offered_as_their_own_list(base_url: str, page: Page, tmp_path: Path) -> None:
    text = "姓名,出生日期,家庭类别,本区户籍\r\n满七十,1954-09-15,独生子女死亡家庭,是\r\n满四十九,1975-07-01,独生子女伤残家庭,是\r\n"
    check(page, base_url, text.encode("utf-8"), until="2024年12月31日")
    expect(page.locator(".roster-changes")).to_contain_text("找到 2 项变化", timeout=ENGINE_LOAD_MS)
    name, raw = download(page, tmp_path, "下载变化名单")
    assert name == "六月名单-金额变化名单.csv"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == ["满四十九", "满七十"] and rows[1][-3:] == ["49", "0", "660"]


@pytest.mark.browser
def test_a_bad_calculation_date_and_a_missing_file_are_explained_next_to_the_field(base_url: str, page: Page) -> None:
    check(page, base_url, ROSTER.encode("utf-8"), as_of="2020-05-01")
    message = page.locator("#roster-as-of-error")
    expect(message).to_contain_text("2020年12月1日", timeout=ENGINE_LOAD_MS)
    expect(page.get_by_label("计算日期")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("名单文件（Excel 或 CSV）").set_input_files([])
    page.get_by_role("button", name="开始核对").click()
    expect(page.locator("#roster-file-error")).to_contain_text("请先选择名单文件")
    expect(message).to_be_hidden()


@pytest.mark.browser
def test_a_register_with_a_summary_sheet_first_gets_one_report_before_its_rows(
    base_url: str, page: Page, tmp_path: Path
) -> None:
    from register_support import register_rows, register_xlsx

    data = register_xlsx(register_rows(30), summary_first=True)
    check(page, base_url, data, name="登记表.xlsx")
    expect(page.get_by_role("heading", name="核对结果")).to_be_focused(timeout=ENGINE_LOAD_MS)
    expect(page.get_by_label("读的是这个工作表", exact=False)).to_have_value("登记表")
    report = page.locator(".roster-report li")
    expect(report.first).to_contain_text("用来计算的列")
    expect(page.locator(".roster-report")).to_contain_text("“是否持证”一列按《上海市计划生育家庭特别扶助证》（扶助证）读")
    expect(page.locator(".roster-report")).to_contain_text("夫妻各占一行的")
    order = page.evaluate("""() => [...document.querySelectorAll('.roster-report, .roster-download, .roster-bad')]
                             .map(node => node.className)""")
    assert order == ["roster-report", "roster-download", "calc-table roster-bad"]  # the link above the list
    name, raw = download(page, tmp_path)
    sheet = openpyxl.load_workbook(io.BytesIO(raw)).worksheets[0]
    assert name == "登记表-核对结果.xlsx" and sheet["D3"].data_type == "s" and sheet["A3"].value == 1
    wanted = openpyxl.load_workbook(io.BytesIO(roster_xlsx(data, AS_OF)["xlsx"])).worksheets[0]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [[c.value for c in row] for row in wanted.iter_rows()]
    page.get_by_label("读的是这个工作表", exact=False).select_option("汇总")  # staff may read another sheet
    expect(page.locator(".roster-report")).to_contain_text("“汇总表”", timeout=ENGINE_LOAD_MS)
    expect(page.locator(".roster-summary td").last).to_have_text("1 行")


@pytest.mark.browser
def test_a_register_saved_by_wps_as_gbk_csv_is_read_as_python_reads_it(base_url: str, page: Page, tmp_path: Path) -> None:
    """The 300-row register as a 街镇 keeps it (title row, 身份证号, 伤残/死亡/失独, free-text 子女情况, couples on
    two rows without 户号), saved by WPS as CSV: GBK, CRLF. The page reads it as the CLI does."""
    from register_support import register_csv, register_rows

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(register_csv(register_rows(300)))
    data = buffer.getvalue().encode("gbk")
    wanted = roster_csv_bytes(data, AS_OF)
    check(page, base_url, data, name="登记表.csv")
    expect(page.get_by_role("heading", name="核对结果")).to_be_focused(timeout=ENGINE_LOAD_MS)
    expect(page.locator(".roster-summary td").first).to_have_text(f"{wanted['summary']['people']} 人")
    expect(page.locator(".roster-report")).to_contain_text("夫妻各占一行的")
    expect(page.locator(".roster-report")).to_contain_text("“是否持证”一列按《上海市计划生育家庭特别扶助证》（扶助证）读")
    text = page.locator("main").inner_text()
    assert "child_deceased" not in text  # the office's words, never our keys
    assert "说明”工作表" not in text  # a CSV has no 说明 sheet to point to
    name, raw = download(page, tmp_path)
    assert name == "登记表-核对结果.csv"
    assert raw.decode("utf-8-sig") == wanted["csv"]
