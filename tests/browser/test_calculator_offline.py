"""After one visit the calculator works with the network cut off, and repeat visits load the engine
from this device: the service worker (sw.js) keeps one copy per engine version and drops the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, Response

@pytest.fixture(params=["development server", "nginx"])
def either_server(request: pytest.FixtureRequest) -> str:
    """Whether the engine is kept for offline use depends on the server's caching headers: the two tests
    of that run on both servers. What the service worker keeps and drops is the same on either."""
    return request.getfixturevalue("dev_server_url" if request.param == "development server" else "nginx_url")


FACTS = {"as_of": "2024-06-01", "birth_date": "1960-05-01", "family_type": "child_deceased", "songjiang_hukou": True}


def visit_until_ready(page: Page, url: str) -> dict:
    """Open the page; return what `ready` resolved to once the visit's offline copy is stored too."""
    page.goto(url)  # policy-calculator.js is a classic script: policyCalculator exists once loaded
    ready = page.evaluate("window.policyCalculator.ready")
    page.evaluate("window.policyCalculator.offline")
    return ready


@pytest.mark.browser
def test_calculator_computes_offline_after_one_visit(either_server: str, context: BrowserContext, page: Page) -> None:
    visit_until_ready(page, either_server + "calculator/")
    context.set_offline(True)
    offline = context.new_page()
    visit_until_ready(offline, either_server + "calculator/")
    answer = offline.evaluate("facts => window.policyCalculator.evaluate(facts)", FACTS)
    assert answer["monthly_special_assistance"] == 870
    context.set_offline(False)


@pytest.mark.browser
def test_repeat_visit_takes_the_engine_from_the_service_worker(either_server: str, context: BrowserContext,
                                                               page: Page) -> None:
    visit_until_ready(page, either_server + "calculator/")
    engine_responses: list[Response] = []
    context.on("response", lambda response: engine_responses.append(response)
               if "/engine/" in response.url and response.url.endswith((".wasm", ".zip", ".whl")) else None)
    visit_until_ready(context.new_page(), either_server + "calculator/")
    assert engine_responses, "the repeat visit loaded no engine files at all"
    assert all(response.from_service_worker for response in engine_responses), \
        [response.url for response in engine_responses if not response.from_service_worker]


@pytest.mark.browser
def test_caches_of_older_engine_versions_are_dropped(base_url: str, built_site: Path, page: Page) -> None:
    page.goto(base_url + "privacy/")
    page.evaluate("caches.open('songjiang-calculator-0123456789ab').then(c => c.put('/old', new Response('x')))")
    visit_until_ready(page, base_url + "calculator/")
    names = page.evaluate("caches.keys()")
    version = next(path.name for path in (built_site / "engine").iterdir() if path.is_dir())
    assert names == [f"songjiang-calculator-{version}"]


@pytest.mark.browser
def test_the_offline_copy_holds_no_answers(base_url: str, page: Page) -> None:
    visit_until_ready(page, base_url + "calculator/#a=eyJiaXJ0aF9kYXRlIjoiMTk2MC0wNS0wMSJ9")
    cached = page.evaluate("""async () => {
      const urls = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      }
      return urls;
    }""")
    assert cached and not [url for url in cached if "#" in url or "?" in url or "1960" in url]
