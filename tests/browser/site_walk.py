"""One walk over every page of the built site that collects what four test modules check page by page:
body text size at desktop and phone widths (test_display), sideways scrolling at 320 px with 大字
(test_phone_fit), axe-core's WCAG violations (test_site_accessibility), and every request and cookie
(test_site_privacy). Each page is opened once instead of six times."""

from __future__ import annotations

from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe
from browser_support import DESKTOP, PHONE, RequestLog
from playwright.sync_api import Browser, Page

SMALL_PHONE = {"width": 320, "height": 640}
BODY_TEXT = "article.md-content__inner p"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}

# Widths that overflow, measured in the page: the document, and every table against the box it sits in.
OVERFLOW = """() => {
  const root = document.scrollingElement;
  const problems = [];
  if (root.scrollWidth > root.clientWidth) problems.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
  for (const table of document.querySelectorAll("article table")) {
    if (!table.offsetParent) continue;
    let box = table.parentElement;
    while (box && getComputedStyle(box).overflowX === "visible") box = box.parentElement;
    if (box && box.scrollWidth > box.clientWidth + 1)
      problems.push(`table in ${box.className || box.tagName}: ${box.scrollWidth} > ${box.clientWidth}`);
  }
  return problems;
}"""
# The body text's size in px and its line height as a multiple of it.
TEXT_SIZE = """e => [parseFloat(getComputedStyle(e).fontSize),
  parseFloat(getComputedStyle(e).lineHeight) / parseFloat(getComputedStyle(e).fontSize)]"""
# 大字 as the saved choice applies it before the first paint (md-scope.js) and the switch does (site.js).
LARGE_TEXT = "on => document.documentElement.classList.toggle('large-text', on)"


def violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the open page, one line per element.

    Measured once running transitions have ended: Material's back-to-top button fades in after a scroll,
    and its colours half-way through the fade are not the ones a reader sees (seen in CI: .md-top)."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    results = Axe().run(page, options=AXE_OPTIONS)
    return [f"{item['id']}: {node['target']}" for item in results.response["violations"] for node in item["nodes"]]


@dataclass
class SiteWalk:
    """What the walk found, by page path ("" is the home page)."""

    pages: list[str]
    requests: RequestLog
    cookies: list[dict] = field(default_factory=list)
    desktop_text: dict[str, list[float]] = field(default_factory=dict)
    phone_text: dict[str, list[float]] = field(default_factory=dict)
    overflow_at_320_large_text: dict[str, list[str]] = field(default_factory=dict)
    axe: dict[str, list[str]] = field(default_factory=dict)


def walk(browser: Browser, base_url: str, pages: list[str]) -> SiteWalk:
    """Open every page once, in a new desktop context (a first visit), and measure it in each state.

    Each page loads at 1280 px (as a desktop visitor's: axe, text size, requests); it is then narrowed to
    390 px (text size) and to 320 px with 大字 on (sideways scrolling). At 320 px the staff tools that
    wide screens open at load stay open: more content in the narrow box, never less."""
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    found = SiteWalk(pages=pages, requests=RequestLog())
    context.on("request", found.requests.record)
    page = context.new_page()
    try:
        for path in pages:
            page.set_viewport_size(DESKTOP)
            page.goto(base_url + path, wait_until="networkidle")
            found.desktop_text[path] = page.locator(BODY_TEXT).first.evaluate(TEXT_SIZE)
            found.axe[path] = violations(page)
            page.set_viewport_size(PHONE)
            found.phone_text[path] = page.locator(BODY_TEXT).first.evaluate(TEXT_SIZE)
            page.set_viewport_size(SMALL_PHONE)
            page.evaluate(LARGE_TEXT, True)
            found.overflow_at_320_large_text[path] = page.evaluate(OVERFLOW)
            page.evaluate(LARGE_TEXT, False)
        found.cookies = context.cookies()
    finally:
        context.close()
    return found
