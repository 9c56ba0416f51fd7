"""Headless Debian Chromium, driven by Playwright, against the built site on a loopback server."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, DESKTOP, RequestLog
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

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


@pytest.fixture
def page(context: BrowserContext) -> Page:
    page = context.new_page()
    # Forward the page's console into the test output, so a failing test shows what the page said.
    page.on("console", lambda message: print(f"[console.{message.type}] {message.text}"))
    page.on("pageerror", lambda error: print(f"[pageerror] {error}"))
    return page
