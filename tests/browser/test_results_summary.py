"""Results summary first: how much, what to bring, where to go; then what may still apply; the rest folded."""

from __future__ import annotations

import pytest
from browser_support import DESKTOP, PHONE
from calculator_form_support import choose, compute, expect_groups_as_in_python, open_form, python_result, type_into
from playwright.sync_api import Page, expect


# These tests check what the page shows with the engine's answers, not how the engine loads: `page` is a
# new tab in the warm context (conftest.py), whose engine starts from the snapshot already on the device.
@pytest.fixture
def page(warm_page: Page) -> Page:
    return warm_page

NB = "\u00a0"


def answer(page: Page, answers: dict[str, str], typed: dict[str, str]) -> None:
    for question, choice in answers.items():  # the family type first: it shows the partner's questions
        choose(page, question, choice)
    for label, text in typed.items():
        type_into(page, label, text)


HOUSEHOLDS = {
    "bereaved couple of 66 and 64": (
        {"家庭类别（必填）": "独生子女死亡家庭", "户口在松江区": "是", "配偶户口在松江区": "是",
         "持有《上海市计划生育家庭特别扶助证》": "是", "持有《独生子女父母光荣证》": "是"},
        {"出生日期（必填）": "1958-03-01", "配偶出生日期": "1960-05-01", "计算日期": "2024-06-01"},
        {"birth_date": "1958-03-01", "family_type": "child_deceased", "songjiang_hukou": True,
         "partner_birth_date": "1960-05-01", "partner_songjiang_hukou": True, "special_assistance_cert": True,
         "honor_cert": True, "as_of": "2024-06-01"},
        f"您本人（66 周岁）：每月 870{NB}元"),
    "mother of 52 whose disabled son is 28": (
        {"家庭类别（必填）": "独生子女伤残家庭", "户口在松江区": "是", "持有《上海市计划生育家庭特别扶助证》": "是"},
        {"出生日期（必填）": "1972-01-10", "计算日期": "2024-06-01"},
        {"birth_date": "1972-01-10", "family_type": "child_disabled", "songjiang_hukou": True,
         "special_assistance_cert": True, "as_of": "2024-06-01"},
        f"您本人（52 周岁）：每月 660{NB}元"),
    "parent who does not know the 户口 answer": (
        {"家庭类别（必填）": "独生子女死亡家庭", "户口在松江区": "不清楚"},
        {"出生日期（必填）": "1960-01-01", "计算日期": "2024-06-01"},
        {"birth_date": "1960-01-01", "family_type": "child_deceased", "songjiang_hukou": None, "as_of": "2024-06-01"},
        f"您本人（64 周岁）：户口在松江区的，每月 870{NB}元"),
    "man of 70 whose 户口 is in 闵行": (
        {"家庭类别（必填）": "独生子女死亡家庭", "户口在松江区": "否"},
        {"出生日期（必填）": "1954-03-01", "计算日期": "2024-06-01"},
        {"birth_date": "1954-03-01", "family_type": "child_deceased", "songjiang_hukou": False, "as_of": "2024-06-01"},
        "您本人（70 周岁）：按您说的情况，暂时没有每月的特别扶助金"),
}


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
@pytest.mark.parametrize("household", list(HOUSEHOLDS), ids=list(HOUSEHOLDS))
def test_the_summary_comes_first_and_says_how_much_what_to_bring_and_where_to_go(
        base_url: str, page: Page, household: str, viewport: dict[str, int]) -> None:
    answers, typed, facts, first_line = HOUSEHOLDS[household]
    page.set_viewport_size(viewport)
    open_form(page, base_url)
    answer(page, answers, typed)
    results = compute(page)
    wanted = python_result(facts)
    summary = results.locator("#calc-summary")
    expect(results.locator("> *").nth(1)).to_have_id("calc-summary")  # right after the heading
    expect(summary.locator(".calc-money li").first).to_have_text(first_line)
    # A resident whose 户口 is elsewhere is sent to their own district first (issue 24), not given a list.
    if facts.get("songjiang_hukou") is not False and any(m["status"] != "not_eligible" for m in wanted["measures"]):
        expect(summary).to_contain_text("要带的材料")
    expect(summary.locator("a[href^='../where/']").first).to_be_visible()
    expect(summary).to_contain_text("12345")
    # The first phone screen, from the results heading, reaches the money line and 下一步.
    top = page.evaluate("() => document.querySelector('.calc-steps').getBoundingClientRect().bottom")
    assert top <= viewport["height"]
    expect_groups_as_in_python(results, wanted)
    expect(results.locator("details.calc-folded").first).not_to_have_attribute("open", "")
    # Said once, in the summary: not repeated in every measure.
    expect(summary.locator(".calc-context")).to_have_text("".join(wanted["about"]))
    for sentence in wanted["about"]:
        expect(results.locator(".calc-measure").filter(has_text=sentence)).to_have_count(0)
    said_once = wanted["next_steps"]["said_once"]
    for item in wanted["measures"]:
        own = [line for line in item["to_settle"] if line not in said_once]
        if item["status"] == "needs_assessment" and own and item["clause"] not in wanted["next_steps"]["later"]:
            lead = results.locator(".calc-measure--needs_assessment .calc-measure__lead").filter(has_text=own[0])
            expect(lead.first).to_be_visible()
    for line in said_once:  # said once, by the steps: never again in a card
        expect(results.locator(".calc-measure__lead").filter(has_text=line)).to_have_count(0)


@pytest.mark.browser
def test_documents_are_listed_once_with_what_the_notice_requires_first(base_url: str, page: Page) -> None:
    answers, typed, facts, _ = HOUSEHOLDS["bereaved couple of 66 and 64"]
    open_form(page, base_url)
    answer(page, answers, typed)
    documents = compute(page).locator(".calc-documents li")
    texts = documents.all_inner_texts()
    assert len(texts) == len(set(texts))
    assert texts[0].endswith("（通知要求）") and any(text.endswith("（一般）") for text in texts)
