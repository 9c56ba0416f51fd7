"""On the engine's pages the search index is built once the engine is up, or as soon as the visitor
goes to search, and search then works as on every other page (web/search-later.js)."""

from __future__ import annotations

import pytest
from browser_support import search_results
from playwright.sync_api import BrowserContext, Page, Route

SEARCH_WORKER = "/workers/search."


def workers_started(page: Page) -> list[str]:
    started: list[str] = []
    page.on("worker", lambda worker: started.append(worker.url))
    return started


def hold_the_wheel(context: BrowserContext) -> list[Route]:
    """Keep the engine from getting ready: its wheel's download waits until the test lets it go."""
    held: list[Route] = []
    context.route("**/*.whl", lambda route: held.append(route))
    return held


@pytest.mark.browser
def test_the_search_worker_starts_once_the_engine_is_ready(base_url: str, context: BrowserContext, page: Page) -> None:
    held = hold_the_wheel(context)
    started = workers_started(page)
    # Material has fetched its index to hand to the worker, and the engine waits for its wheel.
    with page.expect_request_finished(lambda request: "search_index.json" in request.url), \
         page.expect_request("**/*.whl"):
        page.goto(base_url + "calculator/")
    assert any("engine-worker" in url for url in started)
    assert not any(SEARCH_WORKER in url for url in started)
    with page.expect_worker(lambda worker: SEARCH_WORKER in worker.url):
        held[0].continue_()
        page.evaluate("window.policyCalculator.ready")


@pytest.mark.browser
def test_going_to_the_search_box_starts_it_at_once_and_search_works(base_url: str, context: BrowserContext,
                                                                     page: Page) -> None:
    held = hold_the_wheel(context)
    with page.expect_request("**/*.whl"):
        page.goto(base_url + "roster/")
    with page.expect_worker(lambda worker: SEARCH_WORKER in worker.url):
        links = search_results(page, "丧葬")
    assert any(link.endswith("#c-2-4-6") for link in links[:3]), links
    assert page.evaluate("document.getElementById('engine-status').dataset.state") == "loading"
    held[0].continue_()


@pytest.mark.browser
def test_pages_without_the_engine_start_search_as_material_does(base_url: str, page: Page) -> None:
    with page.expect_worker(lambda worker: SEARCH_WORKER in worker.url):
        page.goto(base_url + "notice/")
    assert page.evaluate("typeof window.policyCalculator") == "undefined"
