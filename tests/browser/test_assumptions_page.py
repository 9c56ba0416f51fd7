"""/assumptions/ reads as plain words: each interpretation's title and text first, then real links to
the clauses it reads; the internal ids stay anchors (results link to them) and are never shown."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

import calculator

STATUS_WORDS = ("可以享受", "可能还可以享受", "暂不符合")


def clause_ids(item: dict) -> list[str]:
    return [item["clause"]] if isinstance(item["clause"], str) else list(item["clause"])


@pytest.mark.browser
def test_every_clause_reference_is_a_link_to_its_clause(page: Page, base_url: str) -> None:
    page.goto(base_url + "assumptions/")
    content = page.locator("article.md-content__inner")
    assert "](" not in content.inner_text()
    expected = sum(len(clause_ids(item)) for item in calculator.assumptions())
    links = content.locator("p.assumption-clauses a[href*='/notice/#c-']")
    expect(links).to_have_count(expected)


@pytest.mark.browser
def test_ids_are_anchors_but_never_visible_text(page: Page, base_url: str) -> None:
    page.goto(base_url + "assumptions/")
    text = page.locator("main").inner_text()
    for item in calculator.assumptions():
        assert item["id"] not in text
        expect(page.locator(f"h2#{item['id']}")).to_have_text(item["title"])


@pytest.mark.browser
def test_each_interpretation_says_its_text_before_the_clauses(page: Page, base_url: str) -> None:
    page.goto(base_url + "assumptions/")
    for item in calculator.assumptions()[:5]:
        following = page.locator(f"h2#{item['id']} ~ p").first
        expect(following).to_have_text(item["text"])
        expect(page.locator(f"h2#{item['id']} + p + p.assumption-clauses")).to_have_count(1)


@pytest.mark.browser
def test_a_result_link_lands_on_the_interpretation(page: Page, base_url: str) -> None:
    page.goto(base_url + "assumptions/#one-time-per-family")
    expect(page.locator("h2#one-time-per-family")).to_be_in_viewport()


def test_status_words_in_interpretations_are_the_results_words() -> None:
    quoted = {word for item in calculator.assumptions()
              for word in re.findall(r"“([^”]*(?:享受|符合|审核)[^”]*)”", item["text"])}
    assert quoted <= set(STATUS_WORDS), sorted(quoted - set(STATUS_WORDS))
