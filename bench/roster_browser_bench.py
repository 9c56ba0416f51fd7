"""The roster page in the browser: a 10,000-row .xlsx (and the same as CSV), and a 20,000-row register .xlsx
as a 街镇 keeps it, from pick to download link.

Prints figures; never fails on speed. The engine is made ready first (its loading is measured by
run_all.py's figures 2-4), so the time is the staff member's wait after clicking 开始核对: reading the
file, loading openpyxl the first time (the .xlsx), checking every row, writing the output file.

    .venv/bin/python bench/roster_browser_bench.py [SITE_DIR] [ROWS]   (a built site; default site/, 10000)
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests" / "browser"), str(REPO / "bench")]

import browser_bench as bb  # noqa: E402
import roster_bench  # noqa: E402
from playwright.sync_api import Browser, expect, sync_playwright  # noqa: E402

TIMEOUT_MS = 300_000


def pick_to_download(browser: Browser, base_url: str, path: Path) -> list[float]:
    """Seconds from clicking 开始核对 to the download link, twice in a fresh context: the first pick of an
    .xlsx also downloads and imports openpyxl, the second finds it loaded."""
    context = browser.new_context()
    page = context.new_page()
    times = []
    try:
        page.goto(base_url + "roster/")
        expect(page.locator("#engine-status")).to_have_attribute("data-state", "ready", timeout=TIMEOUT_MS)
        page.get_by_label("计算日期").fill("2024-06-01")
        for _ in range(2):
            page.get_by_label("名单文件（Excel 或 CSV）").set_input_files(str(path))
            started = time.perf_counter()
            page.get_by_role("button", name="开始核对").click()
            expect(page.locator(".roster-download")).to_be_visible(timeout=TIMEOUT_MS)
            times.append(time.perf_counter() - started)
        return times
    finally:
        context.close()


def roster_figures(browser: Browser, base_url: str, rows: int = 10_000) -> None:
    """Print the page's time for ``rows`` rows as .xlsx and as CSV."""
    with tempfile.TemporaryDirectory(prefix="roster-bench-") as folder:
        xlsx, csv = Path(folder) / f"名单-{rows}.xlsx", Path(folder) / f"名单-{rows}.csv"
        roster_bench.write_xlsx_roster(xlsx, rows)
        roster_bench.write_roster(csv, rows)
        for label, path in ((".xlsx", xlsx), ("CSV", csv)):
            first, second = pick_to_download(browser, base_url, path)
            print(f"   /roster/ {rows:,} rows {label:<5}: pick to download {first:6.2f} s first, {second:6.2f} s again "
                  f"({path.stat().st_size:,} bytes in)", flush=True)


def register_figure(browser: Browser, base_url: str, rows: int = 20_000) -> None:
    """Print the page's time for a 街镇's register of ``rows`` rows (.xlsx: 身份证号, couples by name …)."""
    with tempfile.TemporaryDirectory(prefix="roster-bench-") as folder:
        path = Path(folder) / f"登记表-{rows}.xlsx"
        roster_bench.write_register_xlsx(path, rows)
        first, second = pick_to_download(browser, base_url, path)
        print(f"   /roster/ {rows:,}-row register .xlsx: pick to download {first:6.2f} s first, {second:6.2f} s again "
              f"({path.stat().st_size:,} bytes in)", flush=True)


def main(argv: list[str]) -> None:
    """Serve a built site on loopback and print the roster page's figures."""
    from sitegen.serve.dev import make_server

    site_dir = Path(argv[0]) if argv else REPO / "site"
    rows = int(argv[1]) if len(argv) > 1 else 10_000
    server = make_server(site_dir, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = bb.launch(playwright)
            print("9. the roster page in the browser (development server):")
            roster_figures(browser, f"http://127.0.0.1:{server.server_address[1]}/", rows)
            register_figure(browser, f"http://127.0.0.1:{server.server_address[1]}/", 2 * rows)
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1:])
