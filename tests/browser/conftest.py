"""Headless Debian Chromium, driven by Playwright, against the built site on a loopback server."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, DESKTOP, EnginePage, RequestLog, load_engine, site_pages
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from site_walk import SiteWalk, walk

from sitegen.serve.dev import make_server


@pytest.fixture(scope="session")
def dev_server_url(built_site: Path) -> Iterator[str]:
    """The development server (sitegen/serve/dev.py), as `make serve` runs it."""
    server = make_server(built_site, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def base_url(dev_server_url: str) -> str:
    """Where the browser tests open the site; test modules may override it (see the engine tests)."""
    return dev_server_url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    yield context
    context.close()


@pytest.fixture
def requests_made(context: BrowserContext) -> RequestLog:
    log = RequestLog()
    context.on("request", log.record)
    return log


def forward_console(page: Page) -> Page:
    """Forward the page's console into the test output, so a failing test shows what the page said."""
    page.on("console", lambda message: print(f"[console.{message.type}] {message.text}"))
    page.on("pageerror", lambda error: print(f"[pageerror] {error}"))
    return page


@pytest.fixture
def page(context: BrowserContext) -> Page:
    """A tab in a new context: a first visit, the engine loaded from the server (tests of loading use this)."""
    return forward_console(context.new_page())


# The faster fixtures below follow pytest-pyodide (a browser, and a page with Pyodide loaded, shared
# across tests): tests that render results or compare answers share loaded engines; tests of loading,
# failure, offline use and snapshots keep `context` and `page`, a first visit each.
@pytest.fixture(scope="session")
def warm_context_for(browser: Browser) -> Iterator[Callable[[str], BrowserContext]]:
    """A context per site address (desktop, zh-CN) whose visitor has used the calculator once: its service
    worker holds the engine and Python's memory snapshot, so a new tab's engine is ready in about 2 s
    instead of 6-8 s. Made on first use; tabs opened in it start from the stored snapshot."""
    contexts: dict[str, BrowserContext] = {}

    def warm(url: str) -> BrowserContext:
        if url not in contexts:
            context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
            first = context.new_page()
            load_engine(first, url)
            first.close()
            contexts[url] = context
        return contexts[url]

    yield warm
    for context in contexts.values():
        context.close()


@pytest.fixture
def warm_context(warm_context_for: Callable[[str], BrowserContext], base_url: str) -> Iterator[BrowserContext]:
    """The warm context for `base_url`, left after the test as it was found: the tabs the test opened
    closed, no routes, no permissions, online, nothing in localStorage (display choices, answers).
    Tests that add init scripts or listeners to the context itself use `context` instead."""
    context = warm_context_for(base_url)
    before = list(context.pages)
    yield context
    for tab in context.pages:
        if tab not in before:
            tab.close()
    context.unroute_all(behavior="ignoreErrors")
    context.clear_permissions()
    context.set_offline(False)
    cleaner = context.new_page()
    cleaner.goto(base_url + "sitemap.xml")
    cleaner.evaluate("localStorage.clear()")
    cleaner.close()


@pytest.fixture
def warm_page(warm_context: BrowserContext) -> Page:
    """A new tab in the warm context: the form and results as a returning visitor gets them."""
    return forward_console(warm_context.new_page())


@pytest.fixture(scope="module")
def engine_page(browser: Browser, dev_server_url: str) -> Iterator[EnginePage]:
    """One first visit per module whose engine then answers every test's questions (pytest-pyodide's
    module-scoped selenium): the tests call it and never reload it."""
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    requests = RequestLog()
    context.on("request", requests.record)
    page = forward_console(context.new_page())
    ready = load_engine(page, dev_server_url)
    yield EnginePage(page, ready, requests)
    context.close()


@pytest.fixture(scope="session")
def site_walk(browser: Browser, dev_server_url: str, built_site: Path) -> SiteWalk:
    """Every page of the site opened once, with what the page-by-page tests check (see site_walk.py)."""
    return walk(browser, dev_server_url, site_pages(built_site))
