"""Chinese search, typed as a resident would, lands on the clause itself among the first results.

Everyday words (sitegen/pages/search_words.toml) reach their clause too; results are readable (≥ 18 px),
each hit is its title and one sentence (sitegen/pages/search_sentences.py), a 320 px phone with 大字
keeps 12 characters a line, and the search dialog has a name.
"""

from __future__ import annotations

import re
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from browser_support import DESKTOP, search_results
from site_walk import SMALL_PHONE
from playwright.sync_api import Browser, Page, expect

SEARCHES = [
    ("丧葬", "2.4.6"),
    ("体检", "2.2.5"),
    ("廉租房", "2.4.2"),
    ("每月多少钱", "2.1.1"),
    ("试管婴儿", "2.3.2"),
    ("低保", "2.2.3"),
    ("身后事", "2.4.6"),
    ("家庭医生", "2.3.3"),
    ("找工作", "2.4.10"),
    ("房产继承", "2.4.3"),
    ("收养", "2.4.4"),
    ("养老服务补贴", "2.2.2"),
]

# Words residents use (issue 11), each with the clauses any of which answers it.
EVERYDAY_WORDS = [
    ("孩子", {"2.1.1", "2.1.2", "2.1.3", "2.1.4"}),
    ("去世", {"2.1.1", "2.1.2", "2.1.3", "2.4.6"}),
    ("死了", {"2.1.1", "2.1.2", "2.1.3", "2.4.6"}),
    ("能拿", {"2.1.1"}),
    ("每个月", {"2.1.1"}),
    ("护理", {"2.2.1", "2.2.2"}),
    ("养老院", {"2.2.1"}),
    ("看病", {"2.3.1", "2.3.3"}),
    ("住院", {"2.3.1", "2.4.7", "2.1.4"}),
    ("医保", {"2.3.1"}),
    ("买保险", {"2.2.4"}),
    ("房子", {"2.4.2", "2.4.3"}),
    ("租房", {"2.4.2"}),
    ("后事", {"2.4.6"}),
    ("丧葬", {"2.4.6"}),
    ("工作", {"2.4.10"}),
    ("残疾孩子", {"2.4.5"}),
    ("死了孩子每个月能拿多少", {"2.1.1"}),
]


def search(page: Page, base_url: str, query: str) -> list[str]:
    """Type the query into Material's search box and return the section links it offers, in order."""
    return [href for href in result_links(page, base_url, query) if "#" in href]


def result_links(page: Page, base_url: str, query: str) -> list[str]:
    """Every result link (pages and their sections), in the order Material shows them."""
    page.goto(base_url)
    return search_results(page, query)


@pytest.fixture(scope="module")
def search_page(browser: Browser, base_url: str) -> Iterator[Page]:
    """One home page whose search index is built once, for the tests that only read which results come
    first: each types its query afresh into the same box, as a visitor searching again does."""
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    page = context.new_page()
    page.goto(base_url)
    yield page
    context.close()


def search_again(page: Page, query: str) -> list[str]:
    """Empty the open page's search box (its results go), type ``query``: the result links to a clause."""
    box = page.locator("input.md-search__input")
    if box.input_value():
        box.fill("")
        box.press("End")
        expect(page.locator(".md-search-result__list > *")).to_have_count(0)
    return [href for href in search_results(page, query) if "#" in href]


def clause_of(link: str) -> str | None:
    """``…/notice/?h=…#c-2-1-1`` → ``2.1.1``; None for any other page."""
    if "/notice/" not in link or "#c-" not in link:
        return None
    return link.rsplit("#c-", 1)[1].replace("-", ".")


@pytest.mark.browser
@pytest.mark.parametrize(("query", "clause_id"), SEARCHES, ids=[query for query, _ in SEARCHES])
def test_search_finds_the_clause_among_the_first_three_results(
    search_page: Page, query: str, clause_id: str
) -> None:
    anchor = "#c-" + clause_id.replace(".", "-")
    first_three = search_again(search_page, query)[:3]
    assert any(link.endswith(anchor) and "/notice/" in link for link in first_three), first_three


@pytest.mark.browser
def test_search_result_opens_the_clause_not_the_page_top(page: Page, base_url: str) -> None:
    links = search(page, base_url, "试管婴儿")
    target = next(link for link in links if link.endswith("#c-2-3-2"))
    page.locator(f'a.md-search-result__link[href="{target}"]').click()
    expect(page).to_have_url(target)
    heading = page.locator("#c-2-3-2")
    expect(heading).to_be_in_viewport()


@pytest.mark.browser
@pytest.mark.parametrize(("query", "clause_ids"), EVERYDAY_WORDS, ids=[query for query, _ in EVERYDAY_WORDS])
def test_everyday_words_reach_the_clause_among_the_first_three_results(
    search_page: Page, query: str, clause_ids: set[str]
) -> None:
    first_three = search_again(search_page, query)[:3]
    assert {clause_of(link) for link in first_three} & clause_ids, first_three


@pytest.mark.browser
def test_kanbing_does_not_put_the_home_page_first(page: Page, base_url: str) -> None:
    first = result_links(page, base_url, "看病")[0]
    assert urlsplit(first).path.rstrip("/") != urlsplit(base_url).path.rstrip("/"), first


@pytest.mark.browser
def test_search_words_are_not_shown_in_results(page: Page, base_url: str) -> None:
    search(page, base_url, "死了")
    tags = page.locator(".md-search-result .md-tags")
    expect(tags.first).to_be_attached()  # the words are there, as tags of the clause's entry ...
    assert tags.evaluate_all("nodes => nodes.filter(node => node.offsetParent !== null).length") == 0  # ... unseen


@pytest.mark.browser
def test_result_titles_and_texts_are_at_least_18_px(page: Page, base_url: str) -> None:
    search(page, base_url, "看病")
    selectors = [".md-search-result__meta", ".md-search-result .md-typeset h1", ".md-search-result .md-typeset h2",
                 ".md-search-result__article p"]
    for selector in selectors:
        element = page.locator(selector).first
        expect(element).to_be_visible()
        size = element.evaluate("node => parseFloat(getComputedStyle(node).fontSize)")
        assert size >= 18, (selector, size)


@pytest.mark.browser
def test_search_dialog_has_an_accessible_name(page: Page, base_url: str) -> None:
    page.goto(base_url)
    dialog = page.locator(".md-search[role=dialog]")
    expect(dialog).to_have_attribute("aria-label", "搜索本站")


# Every hit shown (not folded under "在该页上还有…"): its heading and the paragraphs a reader sees.
SHOWN_HITS = """() => [...document.querySelectorAll('.md-search-result__list > li > a .md-search-result__article')]
  .map(article => ({
    title: article.querySelector('h1, h2').innerText,
    sentences: [...article.querySelectorAll(':scope > :not(h1, h2, nav, .md-search-result__icon)')]
      .filter(p => p.offsetParent !== null).map(p => p.innerText),
  }))"""
ZERO_WIDTH_SPACE = "\u200b"
LONGEST = 80  # sitegen/pages/search_sentences.py cuts longer sentences after their commas


@pytest.mark.browser
@pytest.mark.parametrize(("query", "title", "words"), [("体检", "二（二）5", "体检"), ("扶助证怎么办", "怎么申请扶助证", "扶助证")],
                         ids=["体检", "扶助证怎么办"])
def test_a_hit_is_its_title_and_the_one_sentence_that_matches(
    search_page: Page, query: str, title: str, words: str
) -> None:
    search_again(search_page, query)
    hits = search_page.evaluate(SHOWN_HITS)
    for hit in hits:
        assert len(hit["sentences"]) <= 1, hit
        for shown in hit["sentences"]:
            sentence = shown.replace(ZERO_WIDTH_SPACE, "")
            assert len(sentence) <= LONGEST + 10, hit  # a sentence, not the whole clause
            assert sentence[0] not in "，。、；：？！）》”,.;:?!)", hit
            # the index's word breaks (zero-width spaces) never stand before punctuation: no line starts with it
            assert not re.search(f"{ZERO_WIDTH_SPACE}[，。、；：？！）》”]", shown), hit
    best = next(hit for hit in hits if hit["title"].replace(ZERO_WIDTH_SPACE, "").startswith(title))
    assert best["sentences"] and words in best["sentences"][0].replace(ZERO_WIDTH_SPACE, ""), best


@pytest.mark.browser
def test_a_hit_links_to_the_clause_s_stable_anchor(search_page: Page) -> None:
    links = search_again(search_page, "体检")
    assert any(urlsplit(link).path.endswith("/notice/") and link.endswith("#c-2-2-5") for link in links), links


# Each shown line of the results: its content width over its font size, the characters a line holds.
CHARACTERS_A_LINE = """() => [...document.querySelectorAll(
    '.md-search-result__meta, .md-search-result__article > *, .md-search-result__more > summary > div')]
  .filter(e => e.offsetParent !== null).map(e => { const s = getComputedStyle(e);
    const width = e.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    return [e.tagName + ' ' + e.innerText.slice(0, 12), width / parseFloat(s.fontSize)]; })"""


@pytest.mark.browser
def test_on_a_320_px_phone_with_large_text_results_keep_12_characters_a_line_and_stay_uncovered(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(viewport=SMALL_PHONE, locale="zh-CN")
    context.add_init_script("localStorage.setItem('display-preferences', JSON.stringify({'large-text': true}))")
    page = context.new_page()
    try:
        page.goto(base_url + "notice/")
        page.evaluate("window.scrollBy(0, 8000)")  # down the page, then a little up: Material shows its
        expect(page.locator("#c-1")).not_to_be_in_viewport()  # back-to-top button
        page.evaluate("window.scrollBy(0, -300)")
        expect(page.locator(".md-top")).to_be_visible()
        page.locator("label.md-header__button[for=__search]").click()
        search_results(page, "体检")
        lines = page.evaluate(CHARACTERS_A_LINE)
        assert lines and all(characters >= 12 for _, characters in lines), lines
        for target in (".md-search-result__meta", ".md-search-result__article h2"):
            box = page.locator(target).first.bounding_box()
            assert box
            hit = page.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('.md-search-result')",
                                [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
            assert hit, target  # what lies at the heading's centre is the results' own, not the button
    finally:
        context.close()
