"""Every performance figure in one run (`make bench`): prints, never fails on speed.

1. the floor: a minimal page that only boots bare Pyodide as npm ships it (gzip only; cold runs);
2. the calculator page cold (fresh context): time to `policyCalculator.ready`, bytes;
3. the same on a repeat visit, and whether it computes offline afterwards;
4. 1-3 again through an emulated phone link (10 Mbit/s down, 5 up, 40 ms RTT: bench/throttle.py);
5. evaluate latency in the browser over 1,000 calls (median, 95th percentile);
6. evaluateMany over 10,000 fact sets in the browser, and the same in CPython;
7. the CLI roster over 10,000 and 100,000 CSV rows, a 10,000-row .xlsx and a 20,000-row register .xlsx: time, CPU, memory;
8. a full site build, and the bytes each kind of page transfers;
9. the roster page: a 10,000-row .xlsx (and the same as CSV), a 20,000-row register .xlsx, pick to download link;
10. Lighthouse performance scores of the audited pages (bench/lighthouse_bench.py, its own process).
Browser figures are taken through both the development server and nginx (deploy/nginx.conf).

    .venv/bin/python bench/run_all.py [--runs N] [--quick]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests" / "browser"), str(REPO / "bench")]

import browser_bench as bb  # noqa: E402
import roster_browser_bench  # noqa: E402
from throttle import ThrottledRelay  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

PAGES = ["", "notice/", "family-types/", "amounts/", "assumptions/", "staff/", "calculator/", "roster/"]


def timed_build(site_dir: Path) -> float:
    import build_site

    started = time.perf_counter()
    build_site.build(site_dir)
    return time.perf_counter() - started


def servers(site_dir: Path, run_dir: Path) -> dict[str, tuple[str, object]]:
    from sitegen.serve import nginx
    from sitegen.serve.dev import make_server

    dev = make_server(site_dir, port=0)
    threading.Thread(target=dev.serve_forever, daemon=True).start()
    port = nginx.free_port()
    process = nginx.start(port, site_dir, run_dir)
    return {"development server": (f"http://127.0.0.1:{dev.server_address[1]}/", dev.shutdown),
            "nginx": (f"http://127.0.0.1:{port}/", process.terminate)}


def loading_figures(browser, name: str, base: str, runs: int) -> None:  # noqa: ANN001
    """Items 1-4 for one server: on loopback, then through the emulated phone link."""
    print(f"\n== Loading, served by {name} ==")
    phone = ThrottledRelay(urlsplit(base).port)
    try:
        for label, url in (("loopback", base), ("phone 10/5 Mbit/s, 40 ms RTT", f"http://127.0.0.1:{phone.port}/")):
            floor, cold = [], []
            for _ in range(runs):  # alternated, so a busy moment of the machine weighs on both alike
                floor += bb.cold_visits(browser, url + bb.FLOOR_PATH, bb.FLOOR_READY, 1)
                cold += bb.cold_visits(browser, url + "calculator/", bb.CALCULATOR_READY, 1)
            repeat, offline_ok = bb.repeat_visits(browser, url + "calculator/", runs)
            floor_ms, cold_ms = statistics.median(v.ms for v in floor), statistics.median(v.ms for v in cold)
            repeat_ms = statistics.median(v.ms for v in repeat)
            print(f"[{label}]")
            print(f"  floor, cold        ms: {bb.spread([v.ms for v in floor])}   "
                  f"bytes {statistics.median(v.bytes for v in floor):,.0f}")
            print(f"  calculator cold    ms: {bb.spread([v.ms for v in cold])}   = {cold_ms / floor_ms:.2f} x floor   "
                  f"bytes {statistics.median(v.bytes for v in cold):,.0f} in {cold[0].requests} requests")
            print(f"  calculator repeat  ms: {bb.spread([v.ms for v in repeat])}   = {repeat_ms / cold_ms:.2f} x cold   "
                  f"bytes {statistics.median(v.bytes for v in repeat):,.0f}; computes offline after one visit: "
                  f"{'yes' if offline_ok else 'NO'}")
    finally:
        phone.stop()


def compute_figures(browser, base: str, calls: int, many: int) -> None:  # noqa: ANN001
    times, many_ms = bb.compute_times(browser, base + "calculator/", calls, many)
    ordered = sorted(times)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    print(f"\n5. evaluate in the browser, {calls} calls  ms: min {ordered[0]:.2f}  median "
          f"{statistics.median(ordered):.2f}  p95 {p95:.2f}  max {ordered[-1]:.2f}")
    print(f"6. evaluateMany, {many:,} fact sets: browser {many_ms / 1000:.2f} s; "
          f"CPython {bb.cpython_many_ms(many) / 1000:.2f} s")


def page_weights(browser, base: str) -> None:  # noqa: ANN001
    print("\n8. bytes transferred by each kind of page (cold, through nginx, gzip accepted):")
    for path, weight in bb.page_bytes(browser, base, PAGES).items():
        print(f"   /{path:<16} {weight.bytes:>12,} bytes  {weight.requests:>3} requests  "
              f"Pyodide: {'yes' if weight.loads_pyodide else 'no'}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="cold and repeat runs per figure")
    parser.add_argument("--quick", action="store_true", help="fewer calls and rows, for a smoke run")
    args = parser.parse_args(argv)
    calls, many, rows = (100, 1000, 10_000) if args.quick else (1000, 10_000, 100_000)
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        site_dir, run_dir = Path(folder) / "site", Path(folder) / "nginx"
        print(f"8. full site build: {timed_build(site_dir):.1f} s")
        Path(folder).chmod(0o755)  # nginx workers must reach the site
        bb.install_floor_page(site_dir)
        running = servers(site_dir, run_dir)
        try:
            with sync_playwright() as playwright:
                browser = bb.launch(playwright)
                for name, (base, _) in running.items():
                    loading_figures(browser, name, base, args.runs)
                compute_figures(browser, running["nginx"][0], calls, many)
                page_weights(browser, running["nginx"][0])
                print("\n9. the roster page in the browser (nginx):", flush=True)
                roster_browser_bench.roster_figures(browser, running["nginx"][0], rows // 10)
                roster_browser_bench.register_figure(browser, running["nginx"][0], rows // 5)
                browser.close()
        finally:
            for _, stop in running.values():
                stop()
    print("\n7. CLI roster:", flush=True)
    # Its own process: Linux keeps a child's peak RSS across exec, so a roster started from this
    # (large) process would report this process's memory instead of its own.
    subprocess.run([sys.executable, str(REPO / "bench" / "roster_bench.py"), str(rows // 10), str(rows), f"x{rows // 10}",
                    f"r{rows // 5}"],
                   check=True)
    subprocess.run([sys.executable, str(REPO / "bench" / "lighthouse_bench.py"), "--runs", "1" if args.quick else "3"],
                   check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
