"""Chinese search, typed as a resident would, lands on the clause itself among the first results.

Everyday words (sitegen/pages/search_words.toml) reach their clause too; results are readable (≥ 18 px)
and the search dialog has a name.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from browser_support import DESKTOP, search_results
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
