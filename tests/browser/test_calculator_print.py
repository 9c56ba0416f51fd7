"""Printing the calculator page puts the answers, the results, the date and the disclaimer on paper, without controls."""

from __future__ import annotations

import pytest
from calculator_form_support import choose, compute, open_form, type_into
from playwright.sync_api import Page, expect


@pytest.mark.browser
def test_print_shows_the_results_and_answers_and_hides_the_form_and_the_site_chrome(base_url: str, page: Page) -> None:
    open_form(page, base_url)
    type_into(page, "出生日期（必填）", "1958-03-01")
    choose(page, "家庭类别（必填）", "独生子女死亡家庭")
    type_into(page, "计算日期", "2024-06-01")
    results = compute(page)
    expect(results.get_by_role("button", name="打印结果")).to_be_visible()
    page.emulate_media(media="print")
    for hidden in ("#calc-form", "#calc-share", "#engine-status", ".md-header", ".md-sidebar", "#developers",
                   ".calc-print"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.get_by_role("button")).to_have_count(0)
    expect(page.locator("input:visible")).to_have_count(0)
    expect(results).to_be_visible()
    expect(results).to_contain_text("计算日期：2024年6月1日")
    expect(results).to_contain_text("以上结果仅供参考，能否享受、享受多少，以街镇和有关部门审核为准。")
    answers = results.locator(".calc-answers")
    expect(answers).to_be_visible()
    expect(answers).to_contain_text("出生日期1958-03-01")
    expect(answers).to_contain_text("家庭类别独生子女死亡家庭")
