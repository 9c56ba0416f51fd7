"""The pages' strict policy (no inline style or script, no WebAssembly on pages) blocks nothing the
site itself does: reading, searching, switching the display, computing and the roster."""

from __future__ import annotations

import pytest
from calculator_form_support import ENGINE_LOAD_MS, choose, compute, open_form, type_into
from playwright.sync_api import Page, expect

# Every violation the page reports, kept where the test can read it.
RECORD_VIOLATIONS = """
window.policyViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.policyViolations.push(event.violatedDirective + " " + (event.blockedURI || event.sample));
});
"""


@pytest.fixture(params=["development server", "nginx"])
def base_url(request: pytest.FixtureRequest) -> str:
    """The meta policy alone (development server) and the header policy (nginx)."""
    return request.getfixturevalue("dev_server_url" if request.param == "development server" else "nginx_url")


def violations(page: Page) -> list[str]:
    return page.evaluate("window.policyViolations")


@pytest.mark.browser
def test_reading_searching_and_switching_the_display_break_no_policy(base_url: str, page: Page) -> None:
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(base_url + "notice/")
    page.get_by_role("button", name="大字").click()
    page.get_by_role("button", name="高对比度").click()
    assert violations(page) == []
    page.goto(base_url)
    search = page.locator("input.md-search__input")
    search.click()
    search.fill("特别扶助")  # typing Chinese fires no key events: fill, then press a key
    search.press("End")
    expect(page.locator(".md-search-result__meta")).to_contain_text("结果")
    assert violations(page) == []


@pytest.mark.browser
def test_computing_breaks_no_policy(base_url: str, page: Page) -> None:
    page.add_init_script(RECORD_VIOLATIONS)
    open_form(page, base_url)
    type_into(page, "出生日期（必填）", "1958-03-01")
    choose(page, "家庭类别（必填）", "独生子女死亡家庭")
    type_into(page, "计算日期", "2024-06-01")
    compute(page)
    expect(page.locator("#calc-share")).to_be_visible(timeout=ENGINE_LOAD_MS)
    assert violations(page) == []
