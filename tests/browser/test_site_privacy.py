"""No page asks any other origin for anything or sets a cookie; typed search text is never sent.
(Each page's Content-Security-Policy is read from the built files: tests/site/test_policy_built.py.)"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from browser_support import RequestLog
from site_walk import SiteWalk


@pytest.mark.browser
def test_no_page_requests_another_origin_or_sets_a_cookie(site_walk: SiteWalk, dev_server_url: str) -> None:
    assert len(site_walk.pages) >= 10
    assert len(site_walk.requests.urls) > len(site_walk.pages)
    assert site_walk.requests.foreign(dev_server_url) == []
    assert site_walk.cookies == []


@pytest.mark.browser
def test_search_typed_text_is_never_sent(base_url: str, page: Page, requests_made: RequestLog) -> None:
    page.goto(base_url, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("独生子女死亡")
    box.press("End")
    page.locator(".md-search-result__meta").filter(has_text="结果").wait_for()
    assert not [url for url in requests_made.urls if "%E7%8B%AC" in url or "独生子女" in url]
