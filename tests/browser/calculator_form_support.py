"""Filling the calculator form as a person would: click the answers' labels, type in the fields."""

from __future__ import annotations

import json
import re
from typing import Any

from playwright.sync_api import BrowserContext, Locator, Page, expect

from calculator import FactsError, evaluate

# Loading the engine is a wait on state, not a timing check: a slow, busy machine gets plenty of time.
ENGINE_LOAD_MS = 120_000
STATUS_WORDS = {"eligible": "可以享受", "needs_assessment": "可能还可以享受", "not_eligible": "暂不符合"}


def open_form(page: Page, base_url: str, fragment: str = "") -> None:
    page.goto(base_url + "calculator/" + fragment)
    expect(page.get_by_role("button", name="开始测算")).to_be_visible()


def question(page: Page, name: str) -> Locator:
    """A radio question (a fieldset), by its legend as a person reads it."""
    return page.get_by_role("group", name=name, exact=True)


def open_folded(field: Locator) -> None:
    """Open the folds a field sits in (更多选项, 再回答几个问题), as a person would."""
    folded = field.locator("xpath=ancestor::details[not(@open)]")
    while folded.count():
        folded.first.locator("xpath=./summary").click()  # the outermost first (document order)
        folded = field.locator("xpath=ancestor::details[not(@open)]")


def open_more_questions(page: Page) -> None:
    """Open "再回答几个问题" (the child's and the 其他情况 questions, folded after 开始测算), as a person would."""
    more = page.locator("#calc-more-questions:not([open]) > summary")
    if more.count():
        more.click()


def choose(page: Page, question_name: str, answer: str) -> None:
    """Click the answer's label in the question, as a person taps it."""
    target = question(page, question_name)
    if not target.count():  # a folded question is not in the accessibility tree
        open_more_questions(page)
    open_folded(target)
    target.locator("label").filter(has_text=answer).first.click()


def type_into(page: Page, label: str, text: str) -> None:
    field = page.get_by_label(label, exact=True)
    if not field.count():
        open_more_questions(page)
    open_folded(field)  # 计算日期 sits under 更多选项
    field.fill("")
    field.type(text)


def compute(page: Page) -> Locator:
    """Press 开始测算 and wait for the results heading; return the results area."""
    page.get_by_role("button", name="开始测算").click()
    heading = page.get_by_role("heading", name="测算结果")
    expect(heading).to_be_visible(timeout=ENGINE_LOAD_MS)
    expect(heading).to_be_focused()
    return page.locator("#calc-results")


def compute_expecting_errors(page: Page) -> Locator:
    page.get_by_role("button", name="开始测算").click()
    summary = page.locator("#calc-error-summary")
    expect(summary).to_be_visible(timeout=ENGINE_LOAD_MS)
    return summary


def python_result(facts: dict[str, Any]) -> dict[str, Any]:
    try:
        return json.loads(json.dumps(evaluate(facts)))
    except FactsError as error:
        raise AssertionError(error.errors) from error


LATER = "再回答几个问题，看看还有哪些帮扶"


def group_word(result: dict[str, Any], measure: dict[str, Any]) -> str:
    """The heading a measure is listed under (issue 24): a service of the administration and what is for
    another situation under 其他帮扶, what waits for a 其他情况 answer under 再回答几个问题."""
    steps = result["next_steps"]
    if measure.get("aside") or (measure["clause"] in steps["services"] and measure["status"] != "not_eligible"):
        return "其他帮扶"
    if measure["clause"] in steps["later"]:
        return LATER
    return STATUS_WORDS[measure["status"]]


def group_counts(result: dict[str, Any]) -> dict[str, int]:
    """How many measures each heading should announce, e.g. {"可以享受": 6, ...}; an empty group is not shown."""
    counts: dict[str, int] = {}
    for measure in result["measures"]:
        word = group_word(result, measure)
        counts[word] = counts.get(word, 0) + 1
    return counts


def expect_groups_as_in_python(results: Locator, result: dict[str, Any]) -> None:
    for word, count in group_counts(result).items():
        expect(results.get_by_role("heading", name=f"{word}（{count} 项）", exact=True)).to_be_visible()
    for word in (*STATUS_WORDS.values(), "其他帮扶", LATER):
        if word not in group_counts(result):
            expect(results.get_by_role("heading", name=re.compile("^" + word + "（"))).to_have_count(0)


def copy_share_link(page: Page, context: BrowserContext, base_url: str) -> str:
    """Click “复制带有这些回答的链接” (clipboard allowed) and return the link the page copied."""
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    share = page.locator("#calc-share")
    share.get_by_role("button", name="复制带有这些回答的链接").click()
    expect(share.get_by_role("status")).to_contain_text("已复制链接")
    return page.evaluate("navigator.clipboard.readText()")
