"""Filling the calculator form as a person would: click the answers' labels, type in the fields."""

from __future__ import annotations

import json
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


def choose(page: Page, question_name: str, answer: str) -> None:
    """Click the answer's label in the question, as a person taps it."""
    question(page, question_name).locator("label").filter(has_text=answer).first.click()


def type_into(page: Page, label: str, text: str) -> None:
    field = page.get_by_label(label, exact=True)
    folded = field.locator("xpath=ancestor::details[not(@open)]")
    if folded.count():  # 计算日期 sits under 更多选项: open it, as a person would
        folded.locator("summary").first.click()
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


def group_counts(result: dict[str, Any]) -> dict[str, int]:
    """How many measures each status heading should announce, e.g. {"可以享受": 6, ...}."""
    counts = dict.fromkeys(STATUS_WORDS.values(), 0)
    for measure in result["measures"]:
        # Not for this family's situation, or said no to: "其他帮扶", a group only when it has any.
        word = "其他帮扶" if measure.get("aside") else STATUS_WORDS[measure["status"]]
        counts[word] = counts.get(word, 0) + 1
    return counts


def expect_groups_as_in_python(results: Locator, result: dict[str, Any]) -> None:
    for word, count in group_counts(result).items():
        expect(results.get_by_role("heading", name=f"{word}（{count} 项）", exact=True)).to_be_visible()


def copy_share_link(page: Page, context: BrowserContext, base_url: str) -> str:
    """Click “复制带有这些回答的链接” (clipboard allowed) and return the link the page copied."""
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    share = page.locator("#calc-share")
    share.get_by_role("button", name="复制带有这些回答的链接").click()
    expect(share.get_by_role("status")).to_contain_text("已复制链接")
    return page.evaluate("navigator.clipboard.readText()")
