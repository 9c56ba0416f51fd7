"""A broken engine says so: the state turns to failed (never stays loading or ready), the page shows
the failed text, the amounts-table link and the retry button, and every waiting call is answered
with an error."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from browser_support import open_with_worker_hook
from calculator_form_support import ENGINE_LOAD_MS
from playwright.sync_api import Page, Route, expect

FACTS = {"as_of": "2024-06-01", "birth_date": "1960-05-01", "family_type": "child_deceased", "songjiang_hukou": True}

# Test-only code put in front of the worker module (so it may use the module's `entry`): a request
# whose facts are the string "crash" makes Python's own JSON parser overflow the stack, a real
# Pyodide fatal error, instead of calling the calculator.
CRASH_HOOK = """
self.addEventListener("message", (event) => {
  if (event.data.payload === '"crash"' && entry) {
    const real = entry;
    entry = { call: () => real.json.loads("[".repeat(100000)) };
  }
});
"""


def wasm_404(route: Route) -> None:
    route.fulfill(status=404, content_type="text/html", body="<h1>404</h1>")


def wasm_corrupt(route: Route) -> None:
    route.fulfill(status=200, content_type="application/wasm", body=b"\0asm but not really a module")


def wasm_wrong_type(route: Route) -> None:
    response = route.fetch()
    route.fulfill(response=response, headers={**response.headers, "content-type": "application/octet-stream"})


BROKEN_WASM: dict[str, Callable[[Route], None]] = {
    "answers 404": wasm_404, "is corrupt": wasm_corrupt, "is served as octet-stream": wasm_wrong_type}


def expect_failed_with_retry(page: Page, text: str = "没能加载成功") -> None:
    status = page.locator("#engine-status")
    expect(status).to_have_attribute("data-state", "failed", timeout=ENGINE_LOAD_MS)
    expect(status).to_contain_text(text)
    expect(status.get_by_role("link", name="扶助金标准表")).to_have_attribute("href", "../amounts/")
    expect(status.get_by_role("button", name="重新加载")).to_be_visible()
    assert page.evaluate("window.policyCalculator.state") == "failed"


def settled(page: Page, script: str) -> list[dict]:
    """Run `script` (an expression giving a list of promises); what each settled to."""
    return page.evaluate(f"Promise.allSettled({script}).then(all => all.map(one => "
                         "({status: one.status, reason: one.reason ? String(one.reason.message) : null})))")


@pytest.mark.browser
@pytest.mark.parametrize("page_path", ["calculator/", "roster/"])
@pytest.mark.parametrize("breakage", list(BROKEN_WASM), ids=list(BROKEN_WASM))
def test_a_wasm_that_does_not_instantiate_turns_the_engine_to_failed(
    base_url: str, page: Page, breakage: str, page_path: str
) -> None:
    page.context.route("**/pyodide.asm.wasm", BROKEN_WASM[breakage])
    page.goto(base_url + page_path)
    page.evaluate("facts => { window.early = window.policyCalculator.evaluate(facts); window.early.catch(() => {}); }",
                  FACTS)
    expect_failed_with_retry(page)
    [early] = settled(page, "[window.early]")
    assert early["status"] == "rejected"
    assert "pyodide.asm.wasm" in page.evaluate("window.policyCalculator.ready.catch(error => error.message)")


@pytest.mark.browser
def test_a_wasm_download_cut_off_turns_the_engine_to_failed(base_url: str, page: Page) -> None:
    page.context.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page.goto(base_url + "calculator/")
    page.evaluate("facts => { window.early = window.policyCalculator.evaluate(facts); window.early.catch(() => {}); }",
                  FACTS)
    expect_failed_with_retry(page)
    assert [one["status"] for one in settled(page, "[window.early]")] == ["rejected"]


@pytest.mark.browser
def test_after_a_broken_wasm_the_retry_loads_the_engine(base_url: str, page: Page) -> None:
    page.context.route("**/pyodide.asm.wasm", wasm_corrupt)
    page.goto(base_url + "calculator/")
    expect_failed_with_retry(page)
    page.context.unroute("**/pyodide.asm.wasm")
    page.get_by_role("button", name="重新加载").click()
    expect(page.locator("#engine-status")).to_have_attribute("data-state", "ready", timeout=ENGINE_LOAD_MS)
    assert page.evaluate("facts => window.policyCalculator.evaluate(facts)", FACTS)["monthly_special_assistance"] == 870


@pytest.mark.browser
def test_a_missing_page_script_shows_the_failed_text_and_the_amounts_link(base_url: str, page: Page) -> None:
    page.context.route("**/engine/policy-calculator.js", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(base_url + "calculator/")
    expect_failed_with_retry(page)
    page.get_by_label("出生日期（必填）", exact=True).fill("1960-05-01")
    page.get_by_role("button", name="开始测算").click()
    expect(page.locator("#calc-status")).to_contain_text("没能")
    assert [one["status"] for one in settled(page, "[window.policyCalculator.evaluate({})]")] == ["rejected"]


@pytest.mark.browser
def test_a_fatal_error_in_pyodide_turns_the_engine_to_failed_and_answers_every_waiting_call(
    base_url: str, page: Page
) -> None:
    open_with_worker_hook(page, base_url, CRASH_HOOK)
    answers = settled(page, "[window.policyCalculator.evaluate('crash'), "
                      f"window.policyCalculator.evaluate({json.dumps(FACTS)})]")
    assert [answer["status"] for answer in answers] == ["rejected", "rejected"]
    expect_failed_with_retry(page, "出了故障")
    assert settled(page, "[window.policyCalculator.evaluate({})]")[0]["status"] == "rejected"
    # The engine was ready, so the service worker is installing and its copy of engine-worker.mjs
    # may be inside with_crash_hook: let that call finish before the route goes (seen in CI as
    # "Route is already handled!").
    page.context.unroute_all(behavior="wait")
    page.get_by_role("button", name="重新加载").click()
    expect(page.locator("#engine-status")).to_have_attribute("data-state", "ready", timeout=ENGINE_LOAD_MS)
    assert page.evaluate("facts => window.policyCalculator.evaluate(facts)", FACTS)["monthly_special_assistance"] == 870
