"""Repeat visits restore Python from a memory snapshot the first visit stored on the device.

The snapshot is taken right after the engine starts, before it accepts any request, so it can never
hold what a visitor typed; a snapshot that cannot be restored is replaced, never fatal.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fact_sets import fact_sets
from playwright.sync_api import BrowserContext, Page, Route

from calculator import FactsError, evaluate

TYPED = {"as_of": "2024-06-01", "birth_date": "1931-07-19", "family_type": "child_disabled",
         "partner_birth_date": "1933-11-27"}

# Reads the stored snapshot back (gunzipped) and says which of `needles` its bytes contain.
SNAPSHOT_HOLDS = """async (needles) => {
  const name = (await caches.keys()).find((key) => key.startsWith("songjiang-calculator-"));
  const cache = await caches.open(name);
  const request = (await cache.keys()).find((key) => key.url.endsWith(".snapshot.gz"));
  if (!request) return null;
  const body = (await cache.match(request)).body.pipeThrough(new DecompressionStream("gzip"));
  const text = new TextDecoder("latin1").decode(await new Response(body).arrayBuffer());
  return needles.map((needle) => text.includes(needle));
}"""
DAMAGE_SNAPSHOT = """async () => {
  const name = (await caches.keys()).find((key) => key.startsWith("songjiang-calculator-"));
  const cache = await caches.open(name);
  const request = (await cache.keys()).find((key) => key.url.endsWith(".snapshot.gz"));
  const gzipped = new Blob(["not a snapshot"]).stream().pipeThrough(new CompressionStream("gzip"));
  await cache.put(request, new Response(await new Response(gzipped).arrayBuffer()));
}"""


def python_answer(facts: object) -> object:
    try:
        return json.loads(json.dumps(evaluate(facts)))
    except FactsError as error:
        return {"errors": error.errors}


def visit(context: BrowserContext, url: str) -> tuple[Page, dict]:
    """A new tab on ``url``; what `ready` resolved to, once the visit's offline copy is stored."""
    page = context.new_page()
    page.goto(url)
    ready = page.evaluate("window.policyCalculator.ready")
    page.evaluate("window.policyCalculator.offline")
    return page, ready


def python_roster_notice() -> dict[str, str]:
    from calculator import roster_csv
    return roster_csv("出生日期,家庭类别,本区户籍\r\n1958-03-08,独生子女死亡家庭,是\r\n", "2024-06-01")["summary"]["amounts_notice"]


@pytest.mark.browser
def test_a_repeat_visit_restores_python_and_answers_exactly_as_cpython(base_url: str, context: BrowserContext) -> None:
    _, first = visit(context, base_url + "calculator/")
    assert first["restored"] is False
    page, again = visit(context, base_url + "calculator/")
    assert again["restored"] is True
    cases = fact_sets(80)
    answers = json.loads(page.evaluate("list => window.policyCalculator.evaluateMany(list).then(JSON.stringify)", cases))
    assert answers == [python_answer(facts) for facts in cases]
    roster = page.evaluate("text => window.policyCalculator.roster(text, '2024-06-01')",
                           "出生日期,家庭类别,本区户籍\r\n1958-03-08,独生子女死亡家庭,是\r\n")
    summary = dict(roster["summary"])
    assert summary.pop("report") and summary == {
        "rows": 1, "good": 1, "bad": 0, "people": 1, "households": 1, "total_monthly": 870, "total_one_time": 0,
        "to_check": 0, "duplicates": 0, "header_warning": "", "amounts_notice": python_roster_notice()}


@pytest.mark.browser
def test_the_snapshot_never_holds_what_the_visitor_typed(base_url: str, context: BrowserContext, page: Page) -> None:
    held: list[Route] = []

    def hold_the_first(route: Route) -> None:
        """Hold the worker's wheel download (the answer is asked for before ready); let later requests
        through: the service worker's install copies the wheel too, and a held copy stalls the install
        until Chromium gives up on it after five minutes."""
        if held:
            route.continue_()
        else:
            held.append(route)

    context.route("**/*.whl", hold_the_first)
    with page.expect_request("**/*.whl"):
        page.goto(base_url + "calculator/")
        page.evaluate("facts => { window.early = window.policyCalculator.evaluate(facts); }", TYPED)
    held[0].continue_()
    assert page.evaluate("window.early.then(answer => answer.age)") == 92
    page.evaluate("window.policyCalculator.offline")
    # The warm-up's own sample date is there (so the search works); the visitor's dates are not.
    assert page.evaluate(SNAPSHOT_HOLDS, ["1962-02-28", "1931-07-19", "1933-11-27"]) == [True, False, False]


@pytest.mark.browser
def test_a_snapshot_that_cannot_be_restored_is_replaced(base_url: str, context: BrowserContext) -> None:
    page, _ = visit(context, base_url + "calculator/")
    page.evaluate(DAMAGE_SNAPSHOT)
    page, damaged = visit(context, base_url + "calculator/")
    assert damaged["restored"] is False
    assert page.evaluate("facts => window.policyCalculator.evaluate(facts)", TYPED) == python_answer(TYPED)
    assert page.evaluate(SNAPSHOT_HOLDS, ["1962-02-28"]) == [True]
    _, repaired = visit(context, base_url + "calculator/")
    assert repaired["restored"] is True


# Packs a memory of zero pages, pages with one byte set (at either end) and a short last page, and
# unpacks it again; returns whether the round trip is exact and the packed and memory sizes.
PACK_ROUND_TRIP = """async (moduleUrl) => {
  const { pack, unpack } = await import(moduleUrl);
  const memory = new Uint8Array(4096 * 9 + 100);
  memory[4096] = 1; memory[4096 * 3 - 1] = 255; memory[4096 * 7 + 2048] = 7; memory[4096 * 9 + 99] = 9;
  const packed = pack(memory);
  const back = unpack(packed);
  const same = back.length === memory.length && back.every((byte, index) => byte === memory[index]);
  let refused = false;
  try { unpack(new TextEncoder().encode("not a snapshot")); } catch (error) { refused = true; }
  return { same, packed: packed.length, memory: memory.length, refused,
           magic: String.fromCharCode(...packed.subarray(0, 4)) };
}"""


@pytest.mark.browser
def test_the_snapshot_is_stored_without_its_zero_pages_and_unpacks_exactly(base_url: str, page: Page,
                                                                           built_site: Path) -> None:
    version = next(path.name for path in (built_site / "engine").iterdir() if path.is_dir())
    page.goto(base_url + "calculator/")
    result = page.evaluate(PACK_ROUND_TRIP, f"{base_url}engine/{version}/engine-snapshot.mjs")
    # 10 pages (the last one short), 4 of them with a byte set: header 8 + bitmap 2 + 4 whole pages.
    assert result == {"same": True, "packed": 8 + 2 + 4 * 4096, "memory": 4096 * 9 + 100, "refused": True,
                      "magic": "SPG1"}
