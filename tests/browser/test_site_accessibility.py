"""axe-core finds no WCAG 2.1 A/AA violation on any page, at desktop and phone widths."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from browser_support import PHONE
from site_walk import SiteWalk, violations


@pytest.mark.browser
def test_no_accessibility_violation_on_any_page(site_walk: SiteWalk) -> None:
    assert list(site_walk.axe) == site_walk.pages
    assert {path: items for path, items in site_walk.axe.items() if items} == {}


@pytest.mark.browser
def test_no_accessibility_violation_at_phone_width_or_in_display_modes(base_url: str, page: Page) -> None:
    page.set_viewport_size(PHONE)
    page.goto(base_url + "notice/")
    assert violations(page) == []
    for switch in ("大字", "高对比度"):
        page.get_by_role("button", name=switch).click()
    assert violations(page) == []
