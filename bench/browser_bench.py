"""Browser measurements for bench/run_all.py: Pyodide floor, calculator cold/repeat, phone network,
evaluate latency, evaluateMany, and bytes per page. Figures only; nothing here fails on speed.

A "visit" opens a page in a browser context and waits for `window.policyCalculator.ready` (or, for
the floor page, for Pyodide to boot); its time is the page's own clock at that moment, so it counts
from navigation start. Bytes are the encoded (on the wire) response bodies plus headers.
"""

from __future__ import annotations

import gzip
import random
import shutil
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from browser_support import CHROMIUM, CHROMIUM_ARGS, DESKTOP
from fact_sets import random_facts
from playwright.sync_api import Browser, BrowserContext, Request

# Under /engine/, the one folder whose production policy allows WebAssembly (in the page, here).
FLOOR_PATH = "engine/floor/"
FLOOR_HTML = """<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>floor</title>
<script type="module" src="floor.mjs"></script></head><body>Pyodide floor</body></html>"""
FLOOR_MODULE = """import { loadPyodide } from "./pyodide.mjs";
window.floorReady = loadPyodide({ indexURL: new URL("./", import.meta.url).href })
  .then(() => performance.now());
"""
# The floor is bare Pyodide exactly as npm ships it, with gzip copies only (what it was measured with).
FLOOR_RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


@dataclass
class Visit:
    ms: float
    bytes: int
    requests: int


def install_floor_page(site_dir: Path) -> None:
    """A minimal page that only boots Pyodide as npm ships it (untrimmed, gzip copies, no brotli)."""
    from sitegen.engine.ship import PYODIDE_DIR

    folder = site_dir / FLOOR_PATH
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(FLOOR_HTML, encoding="utf-8")
    (folder / "floor.mjs").write_text(FLOOR_MODULE, encoding="utf-8")
    for name in FLOOR_RUNTIME:
        data = (PYODIDE_DIR / name).read_bytes()
        (folder / name).write_bytes(data)
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        if len(packed) <= len(data) * 0.9:  # as sitegen/serve/precompress.py decides for .gz copies
            (folder / (name + ".gz")).write_bytes(packed)


def remove_floor_page(site_dir: Path) -> None:
    shutil.rmtree(site_dir / FLOOR_PATH, ignore_errors=True)


def new_context(browser: Browser) -> tuple[BrowserContext, list[Request]]:
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN", service_workers="allow")
    finished: list[Request] = []
    context.on("requestfinished", lambda request: finished.append(request))
    return context, finished


def visit(context: BrowserContext, finished: list[Request], url: str, ready_js: str) -> Visit:
    """Open ``url`` in a new tab of ``context``; return time to ready and what crossed the wire."""
    before = len(finished)
    page = context.new_page()
    page.goto(url)
    ms = page.evaluate(ready_js)
    page.wait_for_load_state("networkidle")
    requests = finished[before:]
    total = 0
    for request in requests:
        sizes = request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    page.close()
    return Visit(ms, total, len(requests))


CALCULATOR_READY = "window.policyCalculator.ready.then(() => performance.now())"
# A first visit is over once its offline copy (service worker and memory snapshot) is stored.
CALCULATOR_KEPT = "window.policyCalculator.offline.then(() => performance.now())"
FLOOR_READY = "window.floorReady"


def cold_visits(browser: Browser, url: str, ready_js: str, runs: int) -> list[Visit]:
    """``runs`` visits, each in a fresh context (empty HTTP cache, no service worker)."""
    visits = []
    for _ in range(runs):
        context, finished = new_context(browser)
        visits.append(visit(context, finished, url, ready_js))
        context.close()
    return visits


def repeat_visits(browser: Browser, url: str, runs: int) -> tuple[list[Visit], bool]:
    """``runs`` repeat visits, each in a context that visited once before; also whether the
    calculator then computes with the network cut off."""
    visits, offline_ok = [], True
    for _ in range(runs):
        context, finished = new_context(browser)
        visit(context, finished, url, CALCULATOR_KEPT)
        visits.append(visit(context, finished, url, CALCULATOR_READY))
        offline_ok = offline_ok and computes_offline(context, url)
        context.close()
    return visits, offline_ok


def computes_offline(context: BrowserContext, url: str) -> bool:
    context.set_offline(True)
    page = context.new_page()
    try:
        page.goto(url)
        answer = page.evaluate("window.policyCalculator.evaluate({as_of: '2024-06-01', birth_date: '1960-05-01',"
                               " family_type: 'child_deceased', songjiang_hukou: true})")
        return answer.get("monthly_special_assistance") == 870
    except Exception:  # noqa: BLE001 - any failure offline is the answer "no"
        return False
    finally:
        page.close()
        context.set_offline(False)


TIME_CALLS = """async (list) => {
  const times = [];
  for (const facts of list) {
    const started = performance.now();
    await window.policyCalculator.evaluate(facts);
    times.push(performance.now() - started);
  }
  return times;
}"""
TIME_MANY = """async (list) => {
  const started = performance.now();
  await window.policyCalculator.evaluateMany(list);
  return performance.now() - started;
}"""


def households(count: int, seed: int = 2020) -> list[dict]:
    rng = random.Random(seed)
    return [random_facts(rng) for _ in range(count)]


def compute_times(browser: Browser, url: str, calls: int, many: int) -> tuple[list[float], float]:
    """Per-call evaluate latency (ms) over ``calls`` households, and one evaluateMany of ``many`` (ms)."""
    context, _ = new_context(browser)
    page = context.new_page()
    page.goto(url)
    page.evaluate(CALCULATOR_READY)
    times = page.evaluate(TIME_CALLS, households(calls))
    many_ms = page.evaluate(TIME_MANY, households(many, seed=7))
    context.close()
    return times, many_ms


def cpython_many_ms(count: int) -> float:
    from calculator.worker import evaluate_json

    import json

    texts = [json.dumps(facts) for facts in households(count, seed=7)]
    started = time.perf_counter()
    for text in texts:
        evaluate_json(text)
    return (time.perf_counter() - started) * 1000


@dataclass
class PageWeight:
    bytes: int
    requests: int
    loads_pyodide: bool


def page_bytes(browser: Browser, base_url: str, paths: list[str]) -> dict[str, PageWeight]:
    """Cold bytes and requests for each page, and whether it loaded Pyodide."""
    result = {}
    for path in paths:
        context, finished = new_context(browser)
        page = context.new_page()
        page.goto(base_url + path, wait_until="networkidle")
        if path in ("calculator/", "roster/"):
            page.evaluate(CALCULATOR_READY)
            page.wait_for_load_state("networkidle")
        total = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in finished)
        pyodide = any("/engine/" in request.url for request in finished)
        result[path] = PageWeight(total, len(finished), pyodide)
        context.close()
    return result


def launch(playwright) -> Browser:  # noqa: ANN001 - playwright's sync API object
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def spread(values: list[float]) -> str:
    """min / median / max, as the issue asks for every figure."""
    return f"min {min(values):8.0f}  median {statistics.median(values):8.0f}  max {max(values):8.0f}"
