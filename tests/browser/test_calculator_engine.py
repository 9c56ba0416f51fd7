"""The calculator engine in the page: Pyodide in a worker answers exactly as CPython's calculator does."""

from __future__ import annotations

import json
from typing import Any

import pytest
from browser_support import EnginePage, RequestLog
from fact_sets import fact_sets
from playwright.sync_api import Browser, Page, Route, expect

from calculator import FactsError, evaluate

HOUSEHOLDS = {
    "deceased-child parent of 64": {"as_of": "2024-06-01", "birth_date": "1960-02-29", "family_type": "child_deceased",
                                    "special_assistance_cert": True},
    "disabled-child couple, 49 today": {"as_of": "2024-06-01", "birth_date": "1975-06-01", "family_type": "child_disabled",
                                        "partner_birth_date": "1950-01-15", "honor_cert": True},
    "accident at 15, parent of 72": {"as_of": "2023-03-01", "birth_date": "1951-03-01", "family_type": "child_deceased",
                                     "child_event": {"kind": "accidental_death", "child_age": 15}, "lives_alone": True},
    "no special family": {"as_of": "2022-12-31", "birth_date": "1970-01-01", "family_type": "none"},
}
# Loading the engine is a wait on state, not a timing check: allow a slow, busy machine plenty of time.
ENGINE_LOAD_MS = 120_000
BAD = {"as_of": "2024-06-01", "birth_date": "1960-02-30", "family_type": "orphan"}


@pytest.fixture(params=["development server", "nginx"])
def either_server(request: pytest.FixtureRequest) -> str:
    """The tests of loading run on the development server and behind deploy/nginx.conf, whose headers
    (CSP on the worker, types, encodings) decide whether Pyodide loads in production. What the loaded
    engine answers does not depend on the server: those tests share one page (engine_page)."""
    return request.getfixturevalue("dev_server_url" if request.param == "development server" else "nginx_url")


def python_answer(facts: Any) -> Any:
    """What the page must return: CPython's result as JSON, or the FactsError's errors."""
    try:
        return json.loads(json.dumps(evaluate(facts)))
    except FactsError as error:
        return {"errors": error.errors}


def open_calculator(page: Page, base_url: str) -> None:
    page.goto(base_url + "calculator/")
    page.evaluate("window.policyCalculator.ready")


@pytest.mark.browser
def test_engine_becomes_ready_and_says_so(either_server: str, page: Page) -> None:
    open_calculator(page, either_server)
    status = page.locator("#engine-status")
    expect(status).to_have_attribute("data-state", "ready", timeout=ENGINE_LOAD_MS)
    expect(status).to_contain_text("计算工具已准备好")
    assert page.evaluate("window.policyCalculator.ready") == {
        "pyodide": "314.0.7", "wheel": "songjiang_special_families-0.1.0-py3-none-any.whl", "restored": False}


@pytest.mark.browser
@pytest.mark.parametrize("name", list(HOUSEHOLDS), ids=list(HOUSEHOLDS))
def test_evaluate_in_the_page_returns_what_cpython_returns(engine_page: EnginePage, name: str) -> None:
    assert engine_page.answer(HOUSEHOLDS[name]) == python_answer(HOUSEHOLDS[name])


@pytest.mark.browser
def test_bad_facts_resolve_to_the_field_errors(engine_page: EnginePage) -> None:
    answer = engine_page.answer(BAD)
    assert answer == python_answer(BAD)
    assert {error["field"] for error in answer["errors"]} == {"birth_date", "family_type"}


@pytest.mark.browser
def test_1100_generated_fact_sets_give_identical_json_in_the_page_and_in_cpython(engine_page: EnginePage) -> None:
    cases = fact_sets(1100)  # evaluateMany sends 500 per message: three parts, answers back in order
    expected = [python_answer(facts) for facts in cases]
    assert 20 < sum("errors" in answer for answer in expected) < len(cases) // 2
    assert engine_page.ready["restored"] is False  # an engine started from the wheel, not from a snapshot
    page = engine_page.page
    answers = json.loads(page.evaluate("list => window.policyCalculator.evaluateMany(list).then(JSON.stringify)", cases))
    assert len(answers) == len(cases)
    for facts, answer, wanted in zip(cases, answers, expected):
        assert answer == wanted, json.dumps(facts, ensure_ascii=False)
    assert page.evaluate("window.policyCalculator.evaluateMany([])") == []


@pytest.mark.browser
def test_a_call_made_before_the_engine_is_ready_is_answered_once_it_is(base_url: str, page: Page) -> None:
    held: list[Route] = []
    page.context.route("**/*.whl", lambda route: held.append(route))  # keep the engine from finishing until the call is made
    with page.expect_request("**/*.whl"):
        page.goto(base_url + "calculator/")
        page.evaluate("facts => { window.early = window.policyCalculator.evaluate(facts).then(JSON.stringify); }",
                      HOUSEHOLDS["deceased-child parent of 64"])
    assert page.evaluate("window.policyCalculator.state") == "loading"
    expect(page.locator("#engine-status")).to_contain_text("正在准备计算工具")
    held[0].continue_()
    assert json.loads(page.evaluate("window.early")) == python_answer(HOUSEHOLDS["deceased-child parent of 64"])


@pytest.mark.browser
def test_engine_asks_no_other_origin_and_computing_asks_nothing_at_all(engine_page: EnginePage) -> None:
    page, requests_made = engine_page.page, engine_page.requests
    page.evaluate("window.policyCalculator.offline")  # the service worker's install, after ready
    page.wait_for_load_state("networkidle")
    engine_files = {url.rsplit("/", 1)[1] for url in requests_made.urls if "/engine/" in url}
    assert {"pyodide.asm.wasm", "engine-worker.mjs"} <= engine_files
    before = len(requests_made.urls)
    page.evaluate("list => window.policyCalculator.evaluateMany(list)", list(HOUSEHOLDS.values()) * 10)
    for facts in HOUSEHOLDS.values():
        engine_page.answer(facts)
    assert requests_made.urls[before:] == []
    assert requests_made.foreign(page.url) == []
    assert page.context.cookies() == []


@pytest.mark.browser
def test_without_webassembly_the_page_says_so_and_links_the_amounts_table(base_url: str, page: Page) -> None:
    page.add_init_script("delete globalThis.WebAssembly;")
    page.goto(base_url + "calculator/")
    status = page.locator("#engine-status")
    expect(status).to_have_attribute("data-state", "failed")
    expect(status).to_contain_text("不支持 WebAssembly")
    expect(status.get_by_role("link", name="扶助金标准表")).to_be_visible()
    expect(status.get_by_role("button", name="重新加载")).to_be_hidden()


@pytest.mark.browser
def test_without_javascript_the_page_says_so_and_links_the_amounts_table(base_url: str, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    page.goto(base_url + "calculator/")
    message = page.locator("noscript .admonition")  # Playwright's text locators skip <noscript>
    expect(message).to_be_visible()
    expect(message).to_contain_text("您的浏览器没有开启 JavaScript")
    expect(message.locator("a")).to_have_attribute("href", "../amounts/")
    expect(page.locator("#engine-status")).to_be_hidden()
    context.close()


@pytest.mark.browser
def test_other_pages_do_not_load_the_engine(base_url: str, page: Page, requests_made: RequestLog) -> None:
    for path in ("", "notice/", "amounts/"):
        page.goto(base_url + path, wait_until="networkidle")
    assert [url for url in requests_made.urls if "/engine/" in url] == []


@pytest.mark.browser
def test_the_runtime_arrives_brotli_compressed(either_server: str, page: Page) -> None:
    encodings: dict[str, str | None] = {}
    page.context.on("response", lambda response: encodings.__setitem__(response.url.rsplit("/", 1)[1],
                                                                        response.headers.get("content-encoding"))
                    if "/engine/" in response.url else None)
    open_calculator(page, either_server)
    assert encodings["pyodide.asm.wasm"] == encodings["pyodide.asm.mjs"] == encodings["engine-worker.mjs"] == "br"
