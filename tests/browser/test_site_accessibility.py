"""axe-core finds no WCAG 2.1 A/AA violation on any page, at desktop and phone widths."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from browser_support import PHONE, site_pages

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}


def violations(page: Page) -> list[str]:
    results = Axe().run(page, options=AXE_OPTIONS)
    return [f"{item['id']}: {node['target']}" for item in results.response["violations"] for node in item["nodes"]]


@pytest.mark.browser
def test_no_accessibility_violation_on_any_page(built_site: Path, base_url: str, page: Page) -> None:
    found = {}
    for path in site_pages(built_site):
        page.goto(base_url + path)
        found[path] = violations(page)
    assert {path: items for path, items in found.items() if items} == {}


@pytest.mark.browser
def test_no_accessibility_violation_at_phone_width_or_in_display_modes(
    built_site: Path, base_url: str, page: Page
) -> None:
    page.set_viewport_size(PHONE)
    page.goto(base_url + "notice/")
    assert violations(page) == []
    for switch in ("大字", "高对比度"):
        page.get_by_role("button", name=switch).click()
    assert violations(page) == []
