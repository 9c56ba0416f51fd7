"""Engine benchmark: cold open → ready, bytes transferred, and evaluate latency, in Debian Chromium.

Prints figures; never fails on speed. Each cold run uses a fresh browser context (empty cache).

    .venv/bin/python bench/engine_bench.py [SITE_DIR]     (default: build the site into a temp folder)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests" / "browser")]

from browser_support import CHROMIUM, CHROMIUM_ARGS, DESKTOP  # noqa: E402
from fact_sets import random_facts  # noqa: E402
from playwright.sync_api import Browser, Request, sync_playwright  # noqa: E402

from sitegen.serve import make_server  # noqa: E402

COLD_RUNS = 3
CALLS = 200
# Time each call in the page itself, one after another, so only the engine's work is measured.
TIME_CALLS = """async (list) => {
  const times = [];
  for (const facts of list) {
    const started = performance.now();
    await window.policyCalculator.evaluate(facts);
    times.push(performance.now() - started);
  }
  return times;
}"""


def cold_run(browser: Browser, url: str) -> tuple[float, int, int]:
    """Open the page in a fresh context; return (ms from navigation to ready, bytes, requests)."""
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    finished: list[Request] = []
    context.on("requestfinished", lambda request: finished.append(request))
    page = context.new_page()
    page.goto(url)
    ready_ms = page.evaluate("window.policyCalculator.ready.then(() => performance.now())")
    page.wait_for_load_state("networkidle")
    total = sum(sum(request.sizes()[key] for key in ("responseBodySize", "responseHeadersSize")) for request in finished)
    context.close()
    return ready_ms, total, len(finished)


def latencies(browser: Browser, url: str) -> list[float]:
    """Milliseconds per evaluate call, over CALLS varied households, once the engine is ready."""
    import random

    rng = random.Random(2020)
    households = [random_facts(rng) for _ in range(CALLS)]
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(url)
    page.evaluate("window.policyCalculator.ready")
    times = page.evaluate(TIME_CALLS, households)
    many_ms = page.evaluate("async (list) => { const t = performance.now(); await window.policyCalculator.evaluateMany(list);"
                            " return performance.now() - t; }", households)
    context.close()
    return [*times, many_ms]


def report(site_dir: Path) -> None:
    server = make_server(site_dir, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/calculator/"
    engine = sorted((site_dir / "engine").iterdir())
    print("shipped in site/engine/:")
    for path in engine:
        print(f"  {path.name:<52} {path.stat().st_size:>10,} bytes")
    print(f"  {'total':<52} {sum(path.stat().st_size for path in engine):>10,} bytes")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for run in range(1, COLD_RUNS + 1):
            ready_ms, total, count = cold_run(browser, url)
            print(f"cold run {run}: ready {ready_ms:7.0f} ms after navigation; {count} requests, {total:,} bytes transferred")
        *times, many_ms = latencies(browser, url)
        print(f"evaluate, {CALLS} sequential calls: median {statistics.median(times):.2f} ms, "
              f"min {min(times):.2f} ms, max {max(times):.2f} ms")
        print(f"evaluateMany of the same {CALLS}: {many_ms:.0f} ms in one call ({many_ms / CALLS:.2f} ms each)")
        browser.close()
    server.shutdown()


def main(argv: list[str]) -> None:
    if argv:
        report(Path(argv[0]))
        return
    import build_site

    with tempfile.TemporaryDirectory() as folder:
        build_site.build(Path(folder))
        report(Path(folder))


if __name__ == "__main__":
    main(sys.argv[1:])
