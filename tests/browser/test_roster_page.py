"""The staff roster page: a CSV picked, checked on this device, summarised, offered back as a download."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from calculator_form_support import ENGINE_LOAD_MS
from playwright.sync_api import Page, expect

from calculator import roster_csv

ROSTER = ("姓名,出生日期,家庭类别,配偶出生日期,地址,本区户籍,配偶本区户籍\r\n"
          "张三,1958-03-08,独生子女死亡家庭,1960-05-01,松江区中山街道,是,是\r\n"
          "李四,1960-02-30,伤残,,方松街道,是,\r\n"
          "王五,1970年1月1日,独生子女伤残家庭,,岳阳街道,是,\r\n"
          ",,,,,,\r\n"
          "钱七,2030-01-01,无,,永丰街道,是,\r\n")
AS_OF = "2024-06-01"


def check(page: Page, base_url: str, content: bytes, as_of: str = AS_OF) -> None:
    page.goto(base_url + "roster/")
    expect(page.locator("main")).to_contain_text("文件不会上传到任何地方")
    page.get_by_label("名单文件（CSV）").set_input_files({"name": "六月名单.csv", "mimeType": "text/csv", "buffer": content})
    page.get_by_label("计算日期").fill(as_of)
    page.get_by_role("button", name="开始核对").click()


@pytest.mark.browser
def test_a_roster_with_good_and_bad_rows_is_summarised_and_downloaded_in_order(
    base_url: str, page: Page, tmp_path: Path
) -> None:
    check(page, base_url, ("\ufeff" + ROSTER).encode("utf-8"))
    heading = page.get_by_role("heading", name="核对结果")
    expect(heading).to_be_focused(timeout=ENGINE_LOAD_MS)
    wanted = roster_csv(ROSTER, AS_OF)
    summary = page.locator(".roster-summary")
    expect(summary.locator("td")).to_have_text(["5 行", "2 行", "3 行", f"{wanted['summary']['total_monthly']} 元"])
    expect(page.locator(".calc-notice")).to_have_text(wanted["summary"]["amounts_notice"]["text"])
    bad = page.locator(".roster-bad tbody tr")
    expect(bad).to_have_count(3)
    expect(bad.nth(0)).to_contain_text("第 3 行")
    expect(bad.nth(0)).to_contain_text("出生日期：这个日期不存在")
    expect(bad.nth(1)).to_contain_text("这一行是空的")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="下载核对结果", exact=False).click()
    download = download_info.value
    assert download.suggested_filename == "六月名单-核对结果.csv"
    saved = tmp_path / "out.csv"
    download.save_as(saved)
    raw = saved.read_bytes()
    assert raw.startswith("\ufeff".encode())  # Excel reads UTF-8 only with a BOM
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows == list(csv.reader(io.StringIO(wanted["csv"])))
    assert [row[0] for row in rows] == ["姓名", "张三", "李四", "王五", "", "钱七"]
    assert rows[0][-1] == "error" and rows[1][-1] == "" and "不能晚于计算日期" in rows[5][-1]


@pytest.mark.browser
def test_a_gbk_roster_saved_by_excel_is_read_too(base_url: str, page: Page) -> None:
    check(page, base_url, ROSTER.encode("gbk"))
    expect(page.locator(".roster-summary td").first).to_have_text("5 行", timeout=ENGINE_LOAD_MS)


@pytest.mark.browser
def test_a_bad_calculation_date_and_a_missing_file_are_explained_next_to_the_field(base_url: str, page: Page) -> None:
    check(page, base_url, ROSTER.encode("utf-8"), as_of="2020-05-01")
    message = page.locator("#roster-as-of-error")
    expect(message).to_contain_text("2020年12月1日", timeout=ENGINE_LOAD_MS)
    expect(page.get_by_label("计算日期")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("名单文件（CSV）").set_input_files([])
    page.get_by_role("button", name="开始核对").click()
    expect(page.locator("#roster-file-error")).to_contain_text("请先选择名单文件")
    expect(message).to_be_hidden()
