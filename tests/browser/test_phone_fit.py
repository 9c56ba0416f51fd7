"""Phones and large text (issue 11, part 5): at 320 px with 大字 on nothing scrolls sideways and no table
hides a column behind its own scroll bar; amounts keep their unit; high contrast keeps status boxes and
option borders legible; with 大字 on a 1280 × 900 screen shows the whole menu."""

from __future__ import annotations

import base64
import json

import pytest
from browser_support import DESKTOP
from calculator_form_support import ENGINE_LOAD_MS
from playwright.sync_api import Browser, BrowserContext, Page, expect
from site_walk import OVERFLOW, SMALL_PHONE, SiteWalk

# A couple aged 66 and 64 whose only child died, both with a Songjiang 户口 and both certificates.
HOUSEHOLD = {"as_of": "2024-06-01", "birth_date": "1958-03-01", "family_type": "child_deceased",
             "songjiang_hukou": True, "partner_birth_date": "1960-02-01", "partner_songjiang_hukou": True,
             "special_assistance_cert": True, "honor_cert": True,
             "child_event": {"kind": "accidental_death", "child_age": 30, "date": "2015-05-01"}}

CONTRAST = """([selector, property]) => {
  const parse = (text) => text.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = (rgb) => {
    const [r, g, b] = rgb.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = (node) => {
    for (; node; node = node.parentElement) {
      const colour = getComputedStyle(node).backgroundColor;
      if (!colour.startsWith("rgba") || !colour.endsWith(", 0)")) return parse(colour);
    }
    return [255, 255, 255];
  };
  return [...document.querySelectorAll(selector)].filter((node) => node.offsetParent).map((node) => {
    const style = getComputedStyle(node);
    const [a, b] = [lum(parse(style[property])), lum(background(node.parentElement))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}"""


def saved_choices(**choices: bool) -> str:
    """A script that saves display choices (大字, 高对比度) before the page's own scripts read them."""
    stored = json.dumps({name.replace("_", "-"): on for name, on in choices.items()})
    return f"localStorage.setItem('display-preferences', {json.dumps(stored)})"


def display_context(browser: Browser, viewport: dict[str, int], **choices: bool) -> BrowserContext:
    """A visitor whose saved display choices (大字, 高对比度) are on before the first page."""
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    context.add_init_script(saved_choices(**choices))
    return context


def display_tab(warm_page: Page, viewport: dict[str, int], **choices: bool) -> Page:
    """The same visitor in a tab of the warm context (the engine already on the device; its
    localStorage is cleared after the test)."""
    warm_page.set_viewport_size(viewport)
    warm_page.add_init_script(saved_choices(**choices))
    return warm_page


@pytest.fixture
def large_phone(warm_page: Page) -> Page:
    return display_tab(warm_page, SMALL_PHONE, large_text=True)


def share_fragment(facts: dict) -> str:
    return "#a=" + base64.urlsafe_b64encode(json.dumps(facts).encode()).decode().rstrip("=")


@pytest.mark.browser
def test_no_page_scrolls_sideways_at_320_px_with_large_text(site_walk: SiteWalk) -> None:
    assert list(site_walk.overflow_at_320_large_text) == site_walk.pages
    assert {path or "/": found for path, found in site_walk.overflow_at_320_large_text.items() if found} == {}


@pytest.mark.browser
def test_results_fit_320_px_with_large_text(large_phone: Page, base_url: str) -> None:
    large_phone.goto(base_url + "calculator/" + share_fragment(HOUSEHOLD))
    expect(large_phone.get_by_role("heading", name="测算结果")).to_be_visible(timeout=ENGINE_LOAD_MS)
    large_phone.locator("#calc-results summary").filter(has_text="您填写的情况").click()  # the one table, folded
    expect(large_phone.locator("#calc-results table").first).to_be_visible()
    assert large_phone.evaluate(OVERFLOW.replace("article table", "#calc-results table")) == []


@pytest.mark.browser
def test_the_amounts_table_shows_every_column_as_a_labelled_line(large_phone: Page, base_url: str) -> None:
    large_phone.goto(base_url + "amounts/")
    cell = large_phone.locator("table td[data-label='独生子女死亡家庭']").first
    expect(cell).to_be_visible()
    label = cell.evaluate("node => getComputedStyle(node, '::before').content")
    assert label == '"独生子女死亡家庭"'


@pytest.mark.browser
@pytest.mark.parametrize("path", ["amounts/", "notice/"])
def test_an_amount_never_breaks_from_its_unit(large_phone: Page, base_url: str, path: str) -> None:
    large_phone.goto(base_url + path)
    amounts = large_phone.locator("article .amount")
    expect(amounts.first).to_be_attached()
    broken = amounts.evaluate_all(
        "nodes => nodes.filter(n => n.offsetParent && n.getClientRects().length > 1).map(n => n.textContent)")
    assert broken == []


@pytest.mark.browser
def test_high_contrast_keeps_option_borders_and_status_boxes_legible(warm_page: Page, base_url: str) -> None:
    page = display_tab(warm_page, DESKTOP, high_contrast=True)
    page.goto(base_url + "calculator/" + share_fragment(HOUSEHOLD))
    expect(page.get_by_role("heading", name="测算结果")).to_be_visible(timeout=ENGINE_LOAD_MS)
    borders = {".calc-option": "borderTopColor", ".calc-measures > li.calc-measure": "borderLeftColor",
               ".calc-disclaimer": "borderLeftColor", ".calc-currency": "borderLeftColor"}
    texts = [".calc-disclaimer", ".calc-currency > summary", ".calc-measure__title", ".calc-option"]
    for selector, side in borders.items():
        ratios = page.evaluate(CONTRAST, [selector, side])
        assert ratios and min(ratios) >= 3, (selector, ratios)
    for selector in texts:
        ratios = page.evaluate(CONTRAST, [selector, "color"])
        assert ratios and min(ratios) >= 4.5, (selector, ratios)
    page.goto(base_url + "amounts/")
    admonition = page.evaluate(CONTRAST, [".admonition", "borderLeftColor"])
    assert admonition and min(admonition) >= 3, admonition


@pytest.mark.browser
def test_large_text_on_a_desktop_shows_every_menu_entry(browser: Browser, base_url: str) -> None:
    context = display_context(browser, DESKTOP, large_text=True)
    page = context.new_page()
    page.goto(base_url + "notice/")
    # Every page of the menu (Material also nests the page's own contents there, hidden on desktops).
    entries = page.locator(".md-sidebar--primary .md-nav--primary > .md-nav__list .md-nav__link:not(.md-nav__link--index)")
    names = [entry.inner_text().strip() for entry in entries.all() if entry.is_visible()]
    assert {"首页", "通知全文", "扶助金标准", "自助测算", "理解与假设", "关于本站"} <= set(names)
    off_screen = [entry.inner_text().strip() for entry in entries.all() if entry.is_visible()
                  and (box := entry.bounding_box()) and box["y"] + box["height"] > DESKTOP["height"]]
    assert off_screen == []
    size = page.locator(".md-sidebar--primary .md-nav__link").first.evaluate(
        "node => parseFloat(getComputedStyle(node).fontSize)")
    assert size >= 18
    context.close()
