"""Large type by default, and a large-text and a high-contrast switch that persist across pages."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from site_walk import SiteWalk

BODY_TEXT = "article.md-content__inner p"


def font_size(page: Page, selector: str = BODY_TEXT) -> float:
    return page.locator(selector).first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")


@pytest.mark.browser
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_body_text_is_at_least_18px_with_line_height_1_5(site_walk: SiteWalk, width: str) -> None:
    measured = site_walk.desktop_text if width == "desktop" else site_walk.phone_text
    assert list(measured) == site_walk.pages
    for path, (size, line_height) in measured.items():
        assert size >= 18, path
        assert line_height >= 1.5, path


@pytest.mark.browser
def test_large_text_switch_enlarges_text_and_survives_navigation(base_url: str, page: Page) -> None:
    page.goto(base_url + "notice/")
    before = font_size(page)
    switch = page.get_by_role("button", name="大字")
    switch.click()
    expect(switch).to_have_attribute("aria-pressed", "true")
    assert font_size(page) >= before * 1.2
    page.goto(base_url + "amounts/")
    expect(page.get_by_role("button", name="大字")).to_have_attribute("aria-pressed", "true")
    assert font_size(page) >= before * 1.2
    page.get_by_role("button", name="大字").click()
    page.goto(base_url + "notice/")
    assert font_size(page) == before


@pytest.mark.browser
def test_high_contrast_switch_changes_colours_and_survives_navigation(base_url: str, page: Page) -> None:
    page.goto(base_url + "notice/")
    link = "article.md-content__inner a.clause-link"
    before = page.locator(link).first.evaluate("e => getComputedStyle(e).color")
    page.get_by_role("button", name="高对比度").click()
    page.goto(base_url + "notice/")
    expect(page.get_by_role("button", name="高对比度")).to_have_attribute("aria-pressed", "true")
    after = page.locator(link).first.evaluate("e => getComputedStyle(e).color")
    assert after != before
    assert page.locator(link).first.evaluate("e => getComputedStyle(e).textDecorationLine") == "underline"


@pytest.mark.browser
def test_copy_citation_button_puts_the_citation_on_the_clipboard(base_url: str, page: Page) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(base_url + "notice/#c-2-3-2")
    tools = page.locator("#c-2-3-2 ~ .clause-meta").first
    tools.get_by_role("button", name="复制引用").click()
    expect(tools.locator(".clause-copied")).to_have_text("已复制引用")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == "《松江区关于进一步加强计划生育特殊困难家庭扶助工作的通知》（沪松卫规〔2020〕2号）二（三）2"
    tools.get_by_role("button", name="复制这一条的链接").click()
    assert page.evaluate("navigator.clipboard.readText()") == base_url + "notice/#c-2-3-2"


@pytest.mark.browser
def test_keyboard_reaches_the_display_switches_with_a_visible_focus(base_url: str, page: Page) -> None:
    page.goto(base_url)
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.display === 'large-text'"):
            break
    focused = page.locator(":focus")
    expect(focused).to_have_text("大字")
    assert focused.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
