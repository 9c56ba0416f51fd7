"""Bounded and loud in the browser: hostile roster files end in a Chinese message and leave the engine
answering; a worker that answers garbage is replaced; a long run shows progress and stops; a stalled
download fails with its retry; a new share link in the address is followed; search works offline."""

from __future__ import annotations

import re

import base64
import json
import sys
from pathlib import Path

import pytest
from browser_support import open_with_worker_hook, search_results
from calculator_form_support import ENGINE_LOAD_MS
from playwright.sync_api import BrowserContext, Page, Route, expect

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "calculator"))
from hostile_support import cell_bomb, long_cell_xlsx, many_rows_xlsx, sparse_csv  # noqa: E402

from calculator.roster import kinds, limits  # noqa: E402

FACTS = {"as_of": "2024-06-01", "birth_date": "1960-05-01", "family_type": "child_deceased", "songjiang_hukou": True}
HOSTILE_MS = 30_000  # each hostile file ends with its message within 30 s of the engine being ready
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def open_roster(page: Page, base_url: str) -> None:
    page.goto(base_url + "roster/")
    expect(page.locator("#engine-status")).to_have_attribute("data-state", "ready", timeout=ENGINE_LOAD_MS)


def pick_and_check(page: Page, files: object) -> None:
    page.get_by_label("名单文件（Excel 或 CSV）").set_input_files(files)  # type: ignore[arg-type]
    page.get_by_label("计算日期").fill("2024-06-01")
    page.get_by_role("button", name="开始核对").click()


def evaluate_answers(page: Page) -> None:
    answer = page.evaluate("facts => window.policyCalculator.evaluate(facts)", FACTS)
    assert answer["monthly_special_assistance"] == 870


def hostile_files(folder: Path) -> list[tuple[Path, str, str]]:
    """Each file, the limit its message names and what it says to do."""
    return [(cell_bomb(folder / "一格十亿字.xlsx", 1100), "200 MB", "拆成几个文件"),
            (long_cell_xlsx(folder / "长格子.xlsx", 2 * 1024 * 1024), "10,000 个字", "删短或清空"),
            (many_rows_xlsx(folder / "太多行.xlsx", limits.MAX_FILE_ROWS), "100,000 行", "拆成几个文件"),
            (sparse_csv(folder / "太大.csv", limits.MAX_FILE_BYTES + 1), "50 MB", "拆成几个文件")]


@pytest.mark.browser
def test_each_hostile_file_ends_in_a_chinese_message_and_the_engine_still_answers(
    base_url: str, page: Page, tmp_path: Path
) -> None:
    open_roster(page, base_url)
    error = page.locator("#roster-file-error")
    for source, limit, what_to_do in hostile_files(tmp_path):
        pick_and_check(page, str(source))
        expect(error).to_contain_text(limit, timeout=HOSTILE_MS)
        expect(error).to_contain_text(what_to_do)
        expect(page.locator("#engine-status")).to_have_attribute("data-state", "ready")
        evaluate_answers(page)


@pytest.mark.browser
@pytest.mark.parametrize(("name", "content", "message"), [
    ("名单.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "Workbook".encode("utf-16-le") + bytes(8), kinds.XLS),
    ("名单.csv", b"%PDF-1.7\n1 0 obj\n", kinds.PDF),
])
def test_a_file_that_is_not_a_table_is_named_on_the_page(base_url: str, page: Page, name: str, content: bytes,
                                                         message: str) -> None:
    open_roster(page, base_url)
    kind = XLSX if name.endswith(".xlsx") else "text/csv"
    pick_and_check(page, {"name": name, "mimeType": kind, "buffer": content})
    expect(page.locator("#roster-file-error")).to_have_text(message, timeout=HOSTILE_MS)
    evaluate_answers(page)


# Test-only code put in front of the worker module: a request whose facts are "garbage" is answered
# with bytes that are not JSON, one whose facts are "memory" with the error Python's MemoryError gives;
# from then on this worker answers only so (as the engine did).
BREAK_HOOK = """
self.addEventListener("message", (event) => {
  if (event.data.payload === '"garbage"' && entry) {
    entry = { call: () => ({ toJs: () => new TextEncoder().encode("Unexpected token"), destroy() {} }) };
  }
  if (event.data.payload === '"memory"' && entry) {
    entry = { call: () => { throw new Error("PythonError: MemoryError"); } };
  }
});
"""


@pytest.mark.browser
@pytest.mark.parametrize("breakage", ["garbage", "memory"])
def test_a_worker_that_answers_wrongly_is_replaced_before_the_next_call(base_url: str, page: Page,
                                                                        breakage: str) -> None:
    open_with_worker_hook(page, base_url, BREAK_HOOK)
    failed = page.evaluate(f"window.policyCalculator.evaluate('{breakage}').then(() => 'answered', e => e.code)")
    assert failed == "engine"
    evaluate_answers(page)  # a fresh worker, not the broken one (whose every answer is now wrong)
    expect(page.locator("#engine-status")).to_have_attribute("data-state", "ready")


@pytest.mark.browser
def test_a_large_roster_shows_progress_and_stops(base_url: str, page: Page) -> None:
    open_roster(page, base_url)
    rows = "出生日期,家庭类别\n" + "1960-05-01,独生子女死亡家庭\n" * 100_000
    pick_and_check(page, {"name": "大名单.csv", "mimeType": "text/csv", "buffer": rows.encode("utf-8")})
    # The first progress line (every 1,000 rows) shows the button; which count it shows by then varies.
    expect(page.locator("#roster-status")).to_contain_text(re.compile(r"已读 [\d,]+ 行，共 100,001 行"), timeout=HOSTILE_MS)
    page.get_by_role("button", name="停止").click()
    expect(page.locator("#roster-status")).to_have_text(kinds_stopped(), timeout=HOSTILE_MS)
    expect(page.get_by_role("button", name="停止")).to_be_hidden()
    expect(page.locator("#engine-status")).to_have_attribute("data-state", "ready", timeout=ENGINE_LOAD_MS)
    evaluate_answers(page)


def kinds_stopped() -> str:
    return "已停止核对。可以重新选择文件，再点“开始核对”。"


@pytest.mark.browser
def test_a_download_that_stalls_fails_with_its_retry(base_url: str, page: Page) -> None:
    held: list[Route] = []
    page.context.route("**/python_stdlib.zip", lambda route: held.append(route))  # never answered
    page.goto(base_url + "calculator/")
    status = page.locator("#engine-status")
    expect(status).to_have_attribute("data-state", "failed", timeout=ENGINE_LOAD_MS)
    expect(status).to_contain_text("20 秒没有收到数据")
    expect(status.get_by_role("button", name="重新加载")).to_be_visible()
    assert held  # the request was made, and left hanging


def share_link(base_url: str, facts: dict) -> str:
    encoded = base64.urlsafe_b64encode(json.dumps(facts).encode()).decode().rstrip("=")
    return f"{base_url}calculator/#a={encoded}"


@pytest.mark.browser
def test_a_new_share_link_in_the_address_fills_and_computes_its_answers(base_url: str, page: Page) -> None:
    first = {"as_of": "2024-06-01", "birth_date": "1958-03-01", "family_type": "child_deceased", "lives_alone": True}
    second = {"as_of": "2024-06-01", "birth_date": "1980-05-01", "family_type": "none"}
    page.goto(share_link(base_url, first))
    results = page.locator("#calc-results")
    expect(page.get_by_role("heading", name="测算结果")).to_be_visible(timeout=ENGINE_LOAD_MS)
    before = results.inner_text()
    page.evaluate("url => { location.href = url; }", share_link(base_url, second))
    expect(page.get_by_label("出生日期（必填）", exact=True)).to_have_value("1980-05-01")
    expect(page.get_by_role("radio", name="以上都不是", exact=False)).to_be_checked()
    expect(results).not_to_have_text(before)
    expect(results).to_contain_text("暂不符合")


@pytest.mark.browser
def test_search_works_offline_after_one_visit(base_url: str, context: BrowserContext, page: Page) -> None:
    page.goto(base_url + "calculator/")
    page.evaluate("window.policyCalculator.offline")
    context.set_offline(True)
    offline = context.new_page()
    errors: list[str] = []
    offline.on("pageerror", lambda error: errors.append(str(error)))
    offline.goto(base_url + "calculator/")
    assert search_results(offline, "独生子女")
    assert not errors
    context.set_offline(False)
