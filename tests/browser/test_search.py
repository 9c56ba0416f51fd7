"""Chinese search, typed as a resident would, lands on the clause itself among the first results."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

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


def search(page: Page, base_url: str, query: str) -> list[str]:
    """Type the query into Material's search box and return the section links it offers, in order."""
    page.goto(base_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)  # typing Chinese with page.type fires no key events: fill, then press a key
    box.press("End")
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_contain_text("结果")
    links = page.locator(".md-search-result__list a.md-search-result__link")
    return [href for href in (link.get_attribute("href") or "" for link in links.all()) if "#" in href]


@pytest.mark.browser
@pytest.mark.parametrize(("query", "clause_id"), SEARCHES, ids=[query for query, _ in SEARCHES])
def test_search_finds_the_clause_among_the_first_three_results(
    page: Page, base_url: str, query: str, clause_id: str
) -> None:
    anchor = "#c-" + clause_id.replace(".", "-")
    first_three = search(page, base_url, query)[:3]
    assert any(link.endswith(anchor) and "/notice/" in link for link in first_three), first_three


@pytest.mark.browser
def test_search_result_opens_the_clause_not_the_page_top(page: Page, base_url: str) -> None:
    links = search(page, base_url, "试管婴儿")
    target = next(link for link in links if link.endswith("#c-2-3-2"))
    page.locator(f'a.md-search-result__link[href="{target}"]').click()
    expect(page).to_have_url(target)
    heading = page.locator("#c-2-3-2")
    expect(heading).to_be_in_viewport()
