"""Run Lighthouse (npm, pinned in package.json) with Debian's Chromium against the built site.

    .venv/bin/python tools/lighthouse.py [SITE_DIR] [--only home,notice]   audit pages, print the scores

The test suite (tests/audit/test_lighthouse.py) asserts accessibility, best practices, SEO and
layout shift; `make bench` (bench/lighthouse_bench.py) prints the performance scores. Lighthouse
runs in its default, mobile configuration, against 127.0.0.1 only: Chromium's background
networking is off and so is Lighthouse's error reporting, so nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run --disable-quic "
                "--disable-default-apps --disable-extensions --no-default-browser-check")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The resident and staff pages the audit covers (two of the 26 clause pages, one with the
# longest text). /where/ is added when the build has it.
PAGES = {"home": "", "notice": "notice/", "calculator": "calculator/", "roster": "roster/",
         "clause-2-1-1": "clauses/2-1-1/", "clause-2-4-6": "clauses/2-4-6/"}  # two clause pages (issue 13)
OPTIONAL_PAGES = {"where": "where/"}


@dataclass(frozen=True)
class Audit:
    """The figures one Lighthouse run gives for one page."""

    url: str
    scores: dict[str, int]          # category id → 0-100
    layout_shift: float             # cumulative layout shift
    failing: list[str]              # "audit-id: title" of each failed scored audit
    requested: list[str]            # every URL the page asked for

    def foreign_requests(self) -> list[str]:
        own = urlsplit(self.url).netloc
        return [url for url in self.requested
                if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own]


def pages_to_audit(site_dir: Path) -> dict[str, str]:
    """The fixed pages, plus each optional page that this build contains."""
    present = {name: path for name, path in OPTIONAL_PAGES.items() if (site_dir / path / "index.html").exists()}
    return PAGES | present


def run(url: str, report_path: Path) -> Audit:
    """Audit one URL in Lighthouse's mobile configuration and read the JSON report it writes."""
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report_path}",
               f"--chrome-flags={CHROME_FLAGS}", "--no-enable-error-reporting",
               f"--only-categories={','.join(CATEGORIES)}"]
    environment = os.environ | {"CHROME_PATH": CHROMIUM, "TMPDIR": str(report_path.parent)}
    subprocess.run(command, check=True, env=environment, timeout=300, capture_output=True)
    return read_report(json.loads(report_path.read_text(encoding="utf-8")))


def read_report(report: dict) -> Audit:
    """The figures this project looks at, from a Lighthouse JSON report."""
    audits = report["audits"]
    failing = [f"{key}: {audit['title']}" for key, audit in audits.items()
               if audit.get("scoreDisplayMode") in ("binary", "numeric") and audit.get("score") == 0]
    requests = audits["network-requests"].get("details", {}).get("items", [])
    return Audit(
        url=report["finalDisplayedUrl"],
        scores={key: round(category["score"] * 100) for key, category in report["categories"].items()},
        layout_shift=audits["cumulative-layout-shift"]["numericValue"],
        failing=failing,
        requested=[item["url"] for item in requests],
    )


@contextmanager
def served(site_dir: Path) -> Iterator[str]:
    """The development server (gzip like nginx) on a free loopback port, for the audit's runs."""
    sys.path.insert(0, str(ROOT))
    from sitegen.serve.dev import make_server

    server = make_server(site_dir, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def audit_site(site_dir: Path, only: tuple[str, ...] = ()) -> dict[str, Audit]:
    """Every page of pages_to_audit(site_dir) (or just those named in ``only``), audited once each."""
    pages = {name: path for name, path in pages_to_audit(site_dir).items() if not only or name in only}
    with served(site_dir) as base, tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        return {name: run(base + path, Path(folder) / f"{name}.json") for name, path in pages.items()}


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site_dir", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--only", default="", help="page names, comma-separated: " + ", ".join([*PAGES, *OPTIONAL_PAGES]))
    args = parser.parse_args(argv)
    only = tuple(name for name in args.only.split(",") if name)
    for name, audit in audit_site(args.site_dir, only).items():
        scores = "  ".join(f"{key} {value}" for key, value in audit.scores.items())
        print(f"{name:<11} {scores}  CLS {audit.layout_shift:.3f}  other hosts asked: {len(audit.foreign_requests())}")
        for line in audit.failing:
            print(f"    {line}")


if __name__ == "__main__":
    main(sys.argv[1:])
