"""Bad answers: Python's messages appear next to their fields and in a summary; the page keeps working."""

from __future__ import annotations

import pytest
from calculator_form_support import choose, compute, compute_expecting_errors, open_form, type_into
from playwright.sync_api import Page, expect


# These tests check what the page shows with the engine's answers, not how the engine loads: `page` is a
# new tab in the warm context (conftest.py), whose engine starts from the snapshot already on the device.
@pytest.fixture
def page(warm_page: Page) -> Page:
    return warm_page


def expect_error_next_to(page: Page, field: str, words: str) -> None:
    message = page.locator(f"#e-{field}")
    expect(message).to_be_visible()
    expect(message).to_contain_text(words)
    expect(page.locator(f"#q-{field}")).to_contain_text(words)


@pytest.mark.browser
def test_a_birth_date_after_the_calculation_date_is_explained_next_to_the_field(base_url: str, page: Page) -> None:
    open_form(page, base_url)
    type_into(page, "出生日期（必填）", "2025-01-01")
    choose(page, "家庭类别（必填）", "独生子女死亡家庭")
    type_into(page, "计算日期", "2024-06-01")
    summary = compute_expecting_errors(page)
    expect(summary).to_be_focused()
    expect_error_next_to(page, "birth_date", "不能晚于计算日期（2024年6月1日）")
    field = page.get_by_label("出生日期（必填）", exact=True)
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_attribute("aria-describedby", "e-birth_date h-birth_date")
    summary.get_by_role("link", name="出生日期：不能晚于计算日期（2024年6月1日）").click()
    expect(field).to_be_focused()
    expect(page.locator("#calc-results")).to_be_hidden()


@pytest.mark.browser
def test_an_impossible_date_and_a_missing_family_type_are_both_shown_then_fixed(base_url: str, page: Page) -> None:
    open_form(page, base_url)
    type_into(page, "出生日期（必填）", "1960-02-30")
    type_into(page, "计算日期", "2024-06-01")
    summary = compute_expecting_errors(page)
    expect(summary.locator("li")).to_have_count(2)
    expect_error_next_to(page, "birth_date", "这个日期不存在")
    expect_error_next_to(page, "family_type", "这一项必须填写")
    expect(page.get_by_role("group", name="家庭类别（必填）")).to_have_attribute(
        "aria-describedby", "e-family_type h-family_type")
    type_into(page, "出生日期（必填）", "1960-02-29")
    choose(page, "家庭类别（必填）", "独生子女死亡家庭")
    results = compute(page)
    expect(summary).to_be_hidden()
    expect(page.locator("#e-birth_date")).to_be_hidden()
    expect(page.get_by_label("出生日期（必填）", exact=True)).not_to_have_attribute("aria-invalid", "true")
    expect(results).to_contain_text("户口都在松江区的，全家每月 870\u00a0元")


@pytest.mark.browser
def test_a_child_event_without_its_details_asks_for_them(base_url: str, page: Page) -> None:
    open_form(page, base_url)
    type_into(page, "出生日期（必填）", "1960-01-01")
    choose(page, "家庭类别（必填）", "独生子女死亡家庭")
    choose(page, "独生子女发生的情况", "有，请填写下面几项")
    type_into(page, "计算日期", "2024-06-01")
    compute_expecting_errors(page)
    expect_error_next_to(page, "child_event-kind", "这一项必须填写")
    expect(page.get_by_label("子女当时的年龄（周岁）（必填）")).to_be_hidden()  # asked once the kind is known
    choose(page, "发生了什么（必填）", "意外去世")
    type_into(page, "子女当时的年龄（周岁）（必填）", "二十")
    compute_expecting_errors(page)
    expect_error_next_to(page, "child_event-child_age", "请填写一个整数")


@pytest.mark.browser
def test_a_contradiction_is_explained_next_to_the_field_that_conflicts(base_url: str, page: Page) -> None:
    open_form(page, base_url)
    type_into(page, "出生日期（必填）", "1970-01-01")
    choose(page, "家庭类别（必填）", "独生子女死亡家庭")
    choose(page, "独生子女发生的情况", "有，请填写下面几项")
    choose(page, "发生了什么（必填）", "意外去世")
    type_into(page, "子女当时的年龄（周岁）（必填）", "50")
    type_into(page, "计算日期", "2026-01-01")
    compute_expecting_errors(page)
    expect_error_next_to(page, "child_event-child_age", "父母生孩子时至少应满 16 周岁")
