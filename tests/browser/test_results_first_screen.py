"""Issue 24: the answer first. Five households filled through the form at 390 × 844: the money line and
下一步 on the first screen, no 请说明, no "不需要另外带材料" while money is open, nothing for another family
type outside 其他帮扶; and over the built site, no words about building it and every 12345 a tel: link."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_support import PHONE
from calculator_form_support import compute, expect_groups_as_in_python, open_form, python_result
from first_screen_households import HOUSEHOLDS, fill
from playwright.sync_api import Page, expect


def bottom_of(page: Page, selector: str) -> float:
    return page.evaluate(f"() => document.querySelector({selector!r}).getBoundingClientRect().bottom")


@pytest.mark.browser
@pytest.mark.parametrize("name", list(HOUSEHOLDS))
def test_the_money_line_and_the_next_steps_fill_the_first_phone_screen(base_url: str, page: Page, name: str) -> None:
    page.set_viewport_size(PHONE)
    open_form(page, base_url)
    fill(page, HOUSEHOLDS[name])
    results = compute(page)
    wanted = python_result(page.evaluate("window.calcAnswers.collect()"))  # what the form sent
    steps = wanted["next_steps"]
    summary = results.locator("#calc-summary")
    expect(summary.locator(".calc-headline")).to_have_text(steps["money"])
    expect(summary.get_by_role("heading", name="下一步")).to_be_visible()
    expect(summary.locator(".calc-steps > li")).to_have_text(steps["steps"])
    assert bottom_of(page, ".calc-steps") <= PHONE["height"]  # no swipe from the result to the last step
    # The about-sentences and the currency notice come after, one folded line each.
    for folded in (".calc-context", ".calc-currency"):
        expect(summary.locator(folded)).not_to_have_attribute("open", "")
        assert page.evaluate(f"() => document.querySelector('{folded} > summary').getBoundingClientRect().height") < 88  # one line (44 px target)
    text = results.inner_text()
    assert "请说明" not in text
    assert "（0 项）" not in text
    money_open = any(m["clause"] == "2.1.1" and m["status"] != "not_eligible" for m in wanted["measures"])
    assert not (money_open and "不需要另外带材料" in text)
    expect_groups_as_in_python(results, wanted)
    expect(results.locator("a[href='tel:12345']").first).to_be_visible()


@pytest.mark.browser
def test_the_unsure_woman_is_told_to_bring_her_hukou_book_and_the_couple_without_the_certificate_to_apply(
        base_url: str, page: Page) -> None:
    page.set_viewport_size(PHONE)
    open_form(page, base_url)
    fill(page, HOUSEHOLDS["unsure"])
    expect(compute(page).locator(".calc-steps > li").first).to_contain_text("带户口本")
    open_form(page, base_url)
    fill(page, HOUSEHOLDS["no-cert"])
    expect(compute(page).locator(".calc-steps > li").first).to_contain_text("先申请扶助证")


@pytest.mark.browser
def test_nothing_for_another_family_type_is_listed_outside_other_help(base_url: str, page: Page) -> None:
    page.set_viewport_size(PHONE)
    open_form(page, base_url)
    fill(page, HOUSEHOLDS["mother"])
    results = compute(page)
    other = results.locator("details.calc-folded").filter(has=page.get_by_role("heading", name=re.compile("^其他帮扶")))
    # 2.2.5 (体检 of bereaved families), 2.4.4 (adoption) and 2.4.9 (the information system) only folded.
    for anchor in ("c-2-2-5", "c-2-4-4", "c-2-4-9"):
        card = results.locator(".calc-measure").filter(has=page.locator(f"a[href$='#{anchor}']"))
        expect(card).to_have_count(1)
        assert card.locator("xpath=ancestor::details[contains(@class,'calc-folded')]").count(), anchor
    expect(other).to_have_count(1)
    # Each benefit she can get shows its one useful sentence without opening anything.
    eligible = results.locator("> ul.calc-measures > .calc-measure--eligible")  # the unfolded list
    for index in range(eligible.count()):
        expect(eligible.nth(index).locator(".calc-measure__lead")).to_be_visible()
    expect(results.locator(".calc-measure__departments:visible")).to_have_count(0)


@pytest.mark.browser
def test_the_short_path_asks_the_money_questions_then_offers_the_rest(base_url: str, page: Page) -> None:
    page.set_viewport_size(PHONE)
    open_form(page, base_url)
    expect(page.locator("#calc-more-questions")).not_to_have_attribute("open", "")
    expect(page.get_by_role("group", name="需要生活照护", exact=True)).to_be_hidden()
    fill(page, HOUSEHOLDS["couple"])
    results = compute(page)
    results.get_by_role("heading", name=re.compile("^再回答几个问题")).click()
    results.get_by_role("button", name="再回答几个问题").click()
    expect(page.locator("#calc-more-questions")).to_have_attribute("open", "")
    expect(page.get_by_role("group", name="需要生活照护", exact=True)).to_be_visible()


@pytest.mark.browser
def test_a_date_error_says_what_was_read(base_url: str, page: Page) -> None:
    open_form(page, base_url)
    field = page.get_by_label("出生日期（必填）", exact=True)
    expect(field).to_have_attribute("inputmode", "decimal")
    field.fill("1960 2 30")
    page.get_by_role("button", name="开始测算").click()
    expect(page.locator("#e-birth_date")).to_contain_text("读成了 1960年2月30日", timeout=120_000)


def test_no_resident_page_speaks_of_building_the_site_and_every_12345_is_a_tel_link(built_site: Path) -> None:
    staff = ("developers/", "staff/", "roster/", "clauses/index.html")
    for html in sorted(built_site.rglob("*.html")):
        relative = html.relative_to(built_site).as_posix()
        if relative.startswith(staff):
            continue
        text = html.read_text(encoding="utf-8")
        main = text.split('<article', 1)[-1].split("</article>", 1)[0]
        assert "生成网站" not in main, relative
        visible = re.sub(r"<(script|style)\b.*?</\1>", "", main, flags=re.S)
        bare = re.sub(r'<a href="tel:12345"[^>]*>12345[^<]*</a>', "", visible)  # "12345" or "12345 市民服务热线"
        assert not re.search(r">[^<]*12345", bare), relative


# The ways the privacy promise has been put: on the calculator's first screen, one of them, once.
PROMISE = re.compile(r"不会发送|自己的(?:手机|电脑|浏览器|设备)|只在您的")
FIRST_SCREEN_TEXT = """height => [...document.querySelectorAll('article *')]
  .filter(e => { const r = e.getBoundingClientRect(); return r.top < height && r.bottom > 0 && e.offsetParent !== null; })
  .flatMap(e => [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent)).join('')"""


@pytest.mark.browser
def test_the_calculator_s_first_phone_screen_makes_the_privacy_promise_once(base_url: str, page: Page) -> None:
    page.set_viewport_size(PHONE)
    open_form(page, base_url)
    text = page.evaluate(FIRST_SCREEN_TEXT, PHONE["height"])
    assert len(PROMISE.findall(text)) == 1, text
    expect(page.get_by_label("出生日期（必填）", exact=True)).to_be_in_viewport()  # and a question


@pytest.mark.browser
def test_home_shows_the_calculator_button_on_the_first_phone_screen(base_url: str, page: Page) -> None:
    page.set_viewport_size(PHONE)
    page.goto(base_url)
    button = page.get_by_role("link", name="开始自助测算")
    expect(button).to_be_visible()
    assert button.bounding_box()["y"] + button.bounding_box()["height"] <= PHONE["height"]
    heading = page.get_by_role("heading", name="查一查我家有哪些扶助")
    assert heading.evaluate("e => !e.closest('a') && getComputedStyle(e).cursor !== 'pointer'")


def test_clause_pages_keep_their_search_words_hidden(built_site: Path) -> None:
    page = (built_site / "clauses/2-2-5/index.html").read_text(encoding="utf-8")
    assert "相关词" not in page
    assert re.search(r"<p class=\"clause-keywords\" hidden data-search-exclude>", page)


def test_the_search_index_has_the_certificate_page_and_not_the_print_page(built_site: Path) -> None:
    import json

    locations = [doc["location"] for doc in json.loads((built_site / "search/search_index.json").read_text())["docs"]]
    assert "cert/" in locations
    assert not any(location.startswith("clauses/") for location in locations)
    page = (built_site / "cert/index.html").read_text(encoding="utf-8")
    for words in ("户口本", "身份证", "孩子去世或伤残的证明", "社区事务受理服务中心", 'href="tel:12345"'):
        assert words in page


@pytest.mark.browser
def test_search_for_the_certificate_finds_its_page_and_no_result_offers_a_way_on(base_url: str, page: Page) -> None:
    from browser_support import search_results

    page.goto(base_url)
    assert any("cert/" in link for link in search_results(page, "扶助证怎么办")[:3])
    box = page.locator("input.md-search__input")
    box.fill("心里难受啊啊")
    box.press("End")
    help_box = page.locator(".search-help")
    expect(help_box).to_be_visible()
    expect(help_box.get_by_role("link", name="12345")).to_have_attribute("href", "tel:12345")
    expect(help_box.get_by_role("link")).to_have_count(5)
