"""Lighthouse performance scores (mobile configuration) of the audited pages: printed, never asserted.

    .venv/bin/python bench/lighthouse_bench.py [SITE_DIR] [--runs N]

Target: ≥ 90 on every page but the calculator, whose score is dominated by the engine download
(Pyodide); its score is printed too. `make bench` runs this after bench/run_all.py's figures.
Lighthouse's own throttling is simulated, so the score does not depend on this machine's network;
it does depend on how busy the CPU is, so each page is audited --runs times and the median shown.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tools import lighthouse  # noqa: E402

TARGET = 90
EXEMPT = {"calculator": "engine download"}


def scores(site_dir: Path, runs: int) -> dict[str, list[lighthouse.Audit]]:
    results: dict[str, list[lighthouse.Audit]] = {}
    for _ in range(runs):  # alternated pages, so a busy moment weighs on all of them alike
        for name, audit in lighthouse.audit_site(site_dir).items():
            results.setdefault(name, []).append(audit)
    return results


def report(results: dict[str, list[lighthouse.Audit]], site_dir: Path) -> None:
    print(f"\n10. Lighthouse, mobile configuration (median of {len(next(iter(results.values())))} runs):")
    for name, audits in results.items():
        performance = statistics.median(audit.scores["performance"] for audit in audits)
        shift = max(audit.layout_shift for audit in audits)
        verdict = f"(exempt: {EXEMPT[name]})" if name in EXEMPT else ("ok" if performance >= TARGET else f"BELOW {TARGET}")
        print(f"   /{lighthouse.pages_to_audit(site_dir)[name]:<13} performance "
              f"{performance:>5.1f}  {verdict:<26} worst CLS {shift:.3f}  "
              f"runs: {' '.join(str(audit.scores['performance']) for audit in audits)}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site_dir", nargs="?", type=Path, default=None, help="a built site (default: build one)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    if args.site_dir:
        report(scores(args.site_dir, args.runs), args.site_dir)
        return
    import build_site

    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as folder:
        site_dir = Path(folder) / "site"
        build_site.build(site_dir)
        report(scores(site_dir, args.runs), site_dir)


if __name__ == "__main__":
    main(sys.argv[1:])
