"""Privacy of the calculator and roster pages: nothing leaves the device, nothing is kept.

Across page load, engine load, computing, sharing and the roster, no request goes to another
origin; once the engine is ready and its offline copy stored (the page's one /clauses.json fetch is
part of its load), computing and checking a roster request nothing at all; no cookies; web storage holds no answers.
"""

from __future__ import annotations

import pytest
from browser_support import RequestLog
from calculator_form_support import ENGINE_LOAD_MS, choose, compute, copy_share_link, open_form, type_into
from playwright.sync_api import BrowserContext, Page, expect

ROSTER = "姓名,出生日期,家庭类别\r\n赵六,1957-07-07,独生子女死亡家庭\r\n".encode()


def settle(page: Page) -> None:
    expect(page.locator("#engine-status")).to_have_attribute("data-state", "ready", timeout=ENGINE_LOAD_MS)
    page.evaluate("window.policyCalculator.offline")  # the offline copy is stored after ready
    page.wait_for_load_state("networkidle")


def storage(page: Page) -> str:
    return page.evaluate("JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])")


@pytest.mark.browser
def test_computing_sharing_and_the_roster_ask_nothing_and_keep_nothing(
    base_url: str, page: Page, context: BrowserContext, requests_made: RequestLog
) -> None:
    open_form(page, base_url)
    settle(page)
    assert any(url.endswith("/clauses.json") for url in requests_made.urls)
    before = len(requests_made.urls)
    type_into(page, "出生日期（必填）", "1957-07-07")
    choose(page, "家庭类别（必填）", "独生子女死亡家庭")
    type_into(page, "计算日期", "2024-06-01")
    compute(page)
    copy_share_link(page, context, base_url)
    assert requests_made.urls[before:] == []
    assert "1957" not in storage(page)

    page.goto(base_url + "roster/")
    settle(page)
    before = len(requests_made.urls)
    page.get_by_label("名单文件（Excel 或 CSV）").set_input_files({"name": "名单.csv", "mimeType": "text/csv", "buffer": ROSTER})
    page.get_by_role("button", name="开始核对").click()
    expect(page.get_by_role("heading", name="核对结果")).to_be_visible(timeout=ENGINE_LOAD_MS)
    with page.expect_download():
        page.get_by_role("link", name="下载核对结果", exact=False).click()
    assert [url for url in requests_made.urls[before:] if not url.startswith("blob:")] == []
    assert "1957" not in storage(page) and "赵六" not in storage(page)
    assert requests_made.foreign(base_url) == []
    assert context.cookies() == []
