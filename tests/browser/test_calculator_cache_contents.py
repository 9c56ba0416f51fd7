"""Cache Storage holds only what it should: pages under their path alone (never a query string), and
only the current engine version, even while a tab of the previous version is still open."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from calculator_form_support import ENGINE_LOAD_MS
from playwright.sync_api import BrowserContext, Page, Route

from sitegen.serve.dev import make_server

PREFIX = "songjiang-calculator-"
NEW_VERSION = "fedcba987654"
CACHED_URLS = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
  }
  return urls;
}"""


class Deployment:
    """A copy of the built site on its own development server, which a test may update in place."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self.version = next(path.name for path in (site_dir / "engine").iterdir() if path.is_dir())
        self.server = make_server(site_dir, port=0)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def rewrite(self, relative: str, old: str, new: str) -> None:
        path = self.site_dir / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new), encoding="utf-8")
        for suffix in (".gz", ".br"):  # else the server answers with the old copy
            path.with_name(path.name + suffix).unlink(missing_ok=True)

    def release_new_version(self) -> None:
        """What a deploy of another build does: a new engine folder, page script and service worker."""
        engine = self.site_dir / "engine"
        shutil.copytree(engine / self.version, engine / NEW_VERSION)
        self.rewrite("engine/policy-calculator.js", self.version, NEW_VERSION)
        self.rewrite("sw.js", self.version, NEW_VERSION)  # its version and its precache list


@pytest.fixture
def deployment(built_site: Path, tmp_path: Path) -> Iterator[Deployment]:
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    deployed = Deployment(site)
    yield deployed
    deployed.server.shutdown()


def visit_until_offline(page: Page, url: str) -> None:
    page.goto(url)
    page.evaluate("window.policyCalculator.ready")
    page.evaluate("window.policyCalculator.offline")


@pytest.mark.browser
def test_a_visit_with_a_query_string_is_stored_under_the_page_path_alone(deployment: Deployment, page: Page) -> None:
    visit_until_offline(page, deployment.url + "calculator/")
    deployment.rewrite("calculator/index.html", "</html>", "<!-- second visit --></html>")
    page.goto(deployment.url + "calculator/?name=%E5%BC%A0%E4%B8%89&id=310000196005010000")
    # The service worker stores the fresh page after answering: wait until the page's copy is it.
    page.wait_for_function("""async () => {
      const cached = await caches.match(location.origin + "/calculator/");
      return cached && (await cached.text()).includes("second visit");
    }""", timeout=ENGINE_LOAD_MS)
    urls = page.evaluate(CACHED_URLS)
    assert urls and [url for url in urls if "?" in url or "3100" in url] == []
    assert urls.count(deployment.url + "calculator/") == 1


@pytest.mark.browser
def test_an_old_tab_does_not_bring_back_its_version_after_an_update(
    deployment: Deployment, context: BrowserContext, page: Page
) -> None:
    held: list[Route] = []
    old_wheel = f"**/engine/{deployment.version}/*.whl"
    context.route(old_wheel, lambda route: held.append(route))  # the old tab is still loading
    with page.expect_request(old_wheel):
        page.goto(deployment.url + "calculator/")
    deployment.release_new_version()
    visit_until_offline(context.new_page(), deployment.url + "calculator/")
    assert page.evaluate("caches.keys()") == [PREFIX + NEW_VERSION]
    held[0].continue_()  # the old tab's engine starts now and would save its snapshot
    assert page.evaluate("window.policyCalculator.ready")["wheel"].endswith(".whl")
    page.evaluate("window.policyCalculator.offline")
    assert page.evaluate("caches.keys()") == [PREFIX + NEW_VERSION]
