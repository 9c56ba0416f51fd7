"""axe-core finds no WCAG 2.1 A/AA violation on the calculator and roster pages in any of their states."""

from __future__ import annotations

import pytest
from browser_support import PHONE
from calculator_form_support import ENGINE_LOAD_MS, choose, compute, compute_expecting_errors, open_form, type_into
from playwright.sync_api import Page, expect
from test_site_accessibility import violations


# These tests check what the page shows with the engine's answers, not how the engine loads: `page` is a
# new tab in the warm context (conftest.py), whose engine starts from the snapshot already on the device.
@pytest.fixture
def page(warm_page: Page) -> Page:
    return warm_page


@pytest.mark.browser
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_calculator_before_with_errors_and_with_results(base_url: str, page: Page, width: str) -> None:
    if width == "phone":
        page.set_viewport_size(PHONE)
    open_form(page, base_url)
    assert violations(page) == []
    type_into(page, "出生日期（必填）", "1960-02-30")
    compute_expecting_errors(page)
    assert violations(page) == []
    type_into(page, "出生日期（必填）", "1960-02-29")
    choose(page, "家庭类别（必填）", "独生子女伤残家庭")
    type_into(page, "配偶出生日期", "1962-01-01")
    choose(page, "独生子女发生的情况", "有，请填写下面几项")
    choose(page, "发生了什么（必填）", "意外伤残")
    type_into(page, "子女当时的年龄（周岁）（必填）", "10")
    compute(page)
    page.get_by_role("button", name="复制带有这些回答的链接").click()
    assert violations(page) == []


@pytest.mark.browser
def test_the_roster_page_before_and_after_a_check(base_url: str, page: Page) -> None:
    page.goto(base_url + "roster/")
    assert violations(page) == []
    page.get_by_label("名单文件（Excel 或 CSV）").set_input_files(
        {"name": "r.csv", "mimeType": "text/csv", "buffer": "出生日期,家庭类别\r\n1960-02-30,无\r\n1958-01-01,无\r\n".encode()})
    page.get_by_role("button", name="开始核对").click()
    expect(page.get_by_role("heading", name="核对结果")).to_be_visible(timeout=ENGINE_LOAD_MS)
    assert violations(page) == []
