"""No page asks any other origin for anything, sets a cookie, or runs without a Content-Security-Policy."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page

from browser_support import RequestLog, site_pages


@pytest.mark.browser
def test_no_page_requests_another_origin_or_sets_a_cookie(
    built_site: Path, base_url: str, page: Page, context: BrowserContext, requests_made: RequestLog
) -> None:
    pages = site_pages(built_site)
    assert len(pages) >= 10
    for path in pages:
        page.goto(base_url + path, wait_until="networkidle")
    assert len(requests_made.urls) > len(pages)
    assert requests_made.foreign(base_url) == []
    assert context.cookies() == []


@pytest.mark.browser
def test_every_page_carries_a_content_security_policy_limited_to_this_origin(
    built_site: Path, base_url: str, page: Page
) -> None:
    for path in site_pages(built_site):
        page.goto(base_url + path)
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
        assert "default-src 'self'" in policy, path
        assert "http" not in policy, path


@pytest.mark.browser
def test_search_typed_text_is_never_sent(base_url: str, page: Page, requests_made: RequestLog) -> None:
    page.goto(base_url, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("独生子女死亡")
    box.press("End")
    page.locator(".md-search-result__meta").filter(has_text="结果").wait_for()
    assert not [url for url in requests_made.urls if "%E7%8B%AC" in url or "独生子女" in url]
