"""openpyxl reaches the browser only for an .xlsx roster, from this site, never on the calculator's path."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from browser_support import RequestLog
from calculator_form_support import ENGINE_LOAD_MS
from playwright.sync_api import Page, expect

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "calculator"))
from xlsx_support import roster_xlsx_bytes  # noqa: E402


def wheel_requests(log: RequestLog) -> list[str]:
    return [url for url in log.urls if url.endswith(".whl") and "/xlsx/" in url]


@pytest.mark.browser
def test_the_calculator_and_a_csv_roster_never_fetch_openpyxl(base_url: str, page: Page, requests_made: RequestLog) -> None:
    page.goto(base_url + "calculator/")
    expect(page.locator("#engine-status")).to_have_attribute("data-state", "ready", timeout=ENGINE_LOAD_MS)
    page.goto(base_url + "roster/")
    page.get_by_label("名单文件（Excel 或 CSV）").set_input_files(
        {"name": "a.csv", "mimeType": "text/csv", "buffer": "出生日期,家庭类别\r\n1960-01-01,无\r\n".encode()})
    page.get_by_role("button", name="开始核对").click()
    expect(page.get_by_role("heading", name="核对结果")).to_be_visible(timeout=ENGINE_LOAD_MS)
    assert any(url.endswith("engine-worker.mjs") for url in requests_made.urls)  # worker requests are seen
    assert wheel_requests(requests_made) == []


@pytest.mark.browser
def test_an_xlsx_roster_fetches_the_two_wheels_from_this_site_once(
        base_url: str, page: Page, requests_made: RequestLog) -> None:
    page.goto(base_url + "roster/")
    for attempt in range(2):
        page.get_by_label("名单文件（Excel 或 CSV）").set_input_files(
            {"name": f"{attempt}.xlsx", "mimeType": "application/octet-stream", "buffer": roster_xlsx_bytes()})
        page.get_by_role("button", name="开始核对").click()
        expect(page.locator(".roster-download")).to_contain_text(f"{attempt}-核对结果.xlsx", timeout=ENGINE_LOAD_MS)
    wheels = wheel_requests(requests_made)
    assert sorted(url.rsplit("/", 1)[1].split("-")[0] for url in wheels) == ["et_xmlfile", "openpyxl"]
    assert all(url.startswith(base_url + "engine/") for url in wheels)
    assert requests_made.foreign(base_url) == []
