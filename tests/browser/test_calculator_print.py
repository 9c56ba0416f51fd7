"""Printing the results gives a one-page 办事清单: amounts, documents, places, clause citations and the date,
one A4 page at 14 pt for the five households of issue 24."""

from __future__ import annotations

import re

import pytest
from calculator_form_support import choose, compute, open_form, type_into
from first_screen_households import HOUSEHOLDS, fill
from playwright.sync_api import Page, expect


# These tests check what the page shows with the engine's answers, not how the engine loads: `page` is a
# new tab in the warm context (conftest.py), whose engine starts from the snapshot already on the device.
@pytest.fixture
def page(warm_page: Page) -> Page:
    return warm_page


def fill_bereaved_couple(page: Page) -> None:
    type_into(page, "出生日期（必填）", "1958-03-01")
    choose(page, "家庭类别（必填）", "独生子女死亡家庭")
    choose(page, "户口在松江区", "是")
    type_into(page, "配偶出生日期", "1960-05-01")
    choose(page, "配偶户口在松江区", "是")
    choose(page, "持有《上海市计划生育家庭特别扶助证》", "是")
    choose(page, "持有《独生子女父母光荣证》", "是")
    choose(page, "独生子女发生的情况", "有，请填写下面几项")
    choose(page, "发生了什么（必填）", "意外去世")
    type_into(page, "子女当时的年龄（周岁）（必填）", "22")
    type_into(page, "计算日期", "2024-06-01")


@pytest.mark.browser
def test_printing_gives_the_checklist_alone(base_url: str, page: Page) -> None:
    open_form(page, base_url)
    fill_bereaved_couple(page)
    results = compute(page)
    expect(results.get_by_role("button", name="打印办事清单")).to_be_visible()
    page.emulate_media(media="print")
    for hidden in ("#calc-form", "#calc-share", "#engine-status", ".md-header", ".md-sidebar", ".calc-measures",
                   ".calc-answers", "#calc-results-heading"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.get_by_role("button")).to_have_count(0)
    expect(page.locator("input:visible")).to_have_count(0)
    summary = page.locator("#calc-summary")
    expect(summary).to_contain_text("办事清单")
    expect(summary).to_contain_text("按计算日期（2024年6月1日）")
    expect(summary).to_contain_text("全家每月 1740\u00a0元")
    expect(summary).to_contain_text("一次性 5000\u00a0元")
    expect(summary.locator(".calc-documents")).to_contain_text("《独生子女父母光荣证》（通知要求）")
    expect(summary.locator(".calc-places")).to_contain_text("街道（镇）的办事大厅")
    expect(summary.locator(".calc-citations")).to_contain_text("（沪松卫规〔2020〕2号）二（一）1、二（一）3")
    expect(summary).to_contain_text("测算结果仅供参考，以街镇和有关部门审核为准。")


# Every printed element's size, in CSS px, that holds text of its own.
PRINTED_SIZES = """() => [...document.querySelectorAll('#calc-summary *')]
  .filter(e => e.offsetParent !== null && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
  .map(e => parseFloat(getComputedStyle(e).fontSize))"""


def printed_pages(pdf: bytes) -> int:
    """The pages of a PDF Chromium made: its page objects (no PDF library needed)."""
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.browser
@pytest.mark.parametrize("name", list(HOUSEHOLDS))
def test_the_checklist_is_one_a4_page_at_14_pt(base_url: str, page: Page, name: str) -> None:
    open_form(page, base_url)
    fill(page, HOUSEHOLDS[name])
    compute(page)
    page.emulate_media(media="print")
    sizes = page.evaluate(PRINTED_SIZES)
    assert sizes and min(sizes) >= 14 * 96 / 72 - 0.01, min(sizes)  # 14 pt on paper (issue 24)
    assert printed_pages(page.pdf(format="A4")) == 1


# For each run-in list, whether its heading and first item share a line, and whether it starts its own line.
RUN_IN = """list => { const first = list.querySelector('li').getBoundingClientRect();
  const heading = list.previousElementSibling.getBoundingClientRect();
  const before = list.previousElementSibling.previousElementSibling;
  return [heading.bottom > first.top && heading.top < first.bottom,
          !before || before.getBoundingClientRect().bottom <= heading.top + 1]; }"""


@pytest.mark.browser
def test_on_paper_what_to_bring_and_where_to_go_run_on_after_their_heading(base_url: str, page: Page) -> None:
    open_form(page, base_url)
    fill_bereaved_couple(page)
    summary = compute(page).locator("#calc-summary")
    page.emulate_media(media="print")
    for run_in in (".calc-documents", ".calc-places"):
        assert summary.locator(run_in).evaluate(RUN_IN) == [True, True], run_in
    text = summary.inner_text()
    assert text.count("12345") == 1  # the hotline once: the steps give it
    assert "（沪松卫规〔2020〕2号）二（一）1" in text and "《松江区关于" not in text.split("下一步")[1]
