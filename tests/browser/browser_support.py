"""What the browser tests share besides fixtures: Chromium settings, request log, page list, search."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Page, Request, Route, expect

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@dataclass
class RequestLog:
    """Every URL the page asked for, so tests can check that none left the site."""

    urls: list[str] = field(default_factory=list)

    def record(self, request: Request) -> None:
        self.urls.append(request.url)

    def foreign(self, base_url: str) -> list[str]:
        own = urlsplit(base_url).netloc
        return [url for url in self.urls
                if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != own]


def load_engine(page: Page, url: str) -> dict:
    """Open the calculator at ``url``; what `ready` resolved to, once the visit's offline copy is stored."""
    page.goto(url + "calculator/")  # policy-calculator.js is a classic script: policyCalculator exists once loaded
    ready = page.evaluate("window.policyCalculator.ready")
    page.evaluate("window.policyCalculator.offline")
    return ready


@dataclass
class EnginePage:
    """A tab whose engine was loaded on a first visit, shared by a module's tests of what it answers."""

    page: Page
    ready: dict
    requests: RequestLog  # every request of its context since before the first page

    def answer(self, facts: Any) -> Any:
        """What the page's evaluate() resolves to, as JSON."""
        return json.loads(self.page.evaluate(
            "facts => window.policyCalculator.evaluate(facts).then(JSON.stringify)", facts))


def site_pages(built_site: Path) -> list[str]:
    """The URL path of every HTML page of the built site (404 page included)."""
    paths = []
    for html in sorted(built_site.rglob("*.html")):
        relative = html.relative_to(built_site).as_posix()
        paths.append(relative.removesuffix("index.html"))
    return paths


# Material's line once a search has results ("找到 1 个…", "N 个符合条件的结果"), not its
# "没有找到符合条件的结果": a query typed before the index is built is answered that way first, then
# again once it is (both lines contain 结果).
RESULTS_FOUND = re.compile(r"\d+ 个符合条件的结果")


def search_results(page: Page, query: str) -> list[str]:
    """Type ``query`` into Material's search box on the open page; every result link, in order."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)  # typing Chinese with page.type fires no key events: fill, then press a key
    box.press("End")
    expect(page.locator(".md-search-result__meta")).to_contain_text(RESULTS_FOUND)
    links = page.locator(".md-search-result__list a.md-search-result__link")
    return [link.get_attribute("href") or "" for link in links.all()]


def open_with_worker_hook(page: Page, base_url: str, hook: str) -> None:
    """Open /calculator/ with ``hook`` (JavaScript) run at the top of the engine worker, and wait for the engine."""
    def with_hook(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=hook + response.text())

    page.context.route("**/engine-worker.mjs", with_hook)
    page.goto(base_url + "calculator/")
    page.evaluate("window.policyCalculator.ready")
