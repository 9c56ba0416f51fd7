"""A peer's audit: Lighthouse (npm, pinned in package.json) in its mobile configuration, run with Debian's
Chromium against the built site on 127.0.0.1, on the home, notice, calculator, roster and where pages
and two clause pages (/clauses/2-1-1/, /clauses/2-4-6/).

Accessibility, best practices and SEO must each score 100, and cumulative layout shift stay ≤ 0.1.
The performance score is not asserted here: `make bench` prints it (bench/lighthouse_bench.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from tools import lighthouse  # noqa: E402

# /where/ is the lead's new page: audited as soon as the build contains site/where/index.html.
PAGES = [*lighthouse.PAGES, *lighthouse.OPTIONAL_PAGES]
CATEGORIES = ("accessibility", "best-practices", "seo")
MAX_LAYOUT_SHIFT = 0.1

pytestmark = [pytest.mark.browser, pytest.mark.skipif(
    not lighthouse.LIGHTHOUSE.exists(), reason="Lighthouse is not installed: run `npm ci` (make test does)")]


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with lighthouse.served(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def audits(built_site: Path, site_url: str,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], lighthouse.Audit]]:
    """One Lighthouse run per page, made when a test first asks for that page."""
    folder = tmp_path_factory.mktemp("lighthouse")
    done: dict[str, lighthouse.Audit] = {}

    def audit(name: str) -> lighthouse.Audit:
        paths = lighthouse.pages_to_audit(built_site)
        if name not in paths:
            pytest.skip(f"/{lighthouse.OPTIONAL_PAGES[name]} is not in this build yet (the lead is writing it)")
        if name not in done:
            done[name] = lighthouse.run(site_url + paths[name], folder / f"{name}.json")
        return done[name]

    yield audit
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("category", CATEGORIES)
def test_lighthouse_scores_100(audits: Callable[[str], lighthouse.Audit], name: str, category: str) -> None:
    result = audits(name)
    assert result.scores[category] == 100, result.failing


@pytest.mark.parametrize("name", PAGES)
def test_layout_shift_is_at_most_a_tenth(audits: Callable[[str], lighthouse.Audit], name: str) -> None:
    assert audits(name).layout_shift <= MAX_LAYOUT_SHIFT


@pytest.mark.parametrize("name", PAGES)
def test_the_audit_asks_nothing_of_any_other_host(audits: Callable[[str], lighthouse.Audit], name: str) -> None:
    result = audits(name)
    assert result.requested, "Lighthouse recorded no request at all"
    assert result.foreign_requests() == []


def can_make_network_namespace() -> bool:
    """Whether this process may run a command with a network of its own (root, as CI is, usually may)."""
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "--net", "true"], capture_output=True, timeout=30).returncode == 0


@pytest.mark.skipif(not can_make_network_namespace(),
                    reason="cannot make a network namespace here (needs root and unshare; CI runs as root)")
def test_lighthouse_runs_with_no_network_but_loopback(built_site: Path) -> None:
    """Lighthouse and Chromium need nothing from the internet: run one audit where only 127.0.0.1 exists."""
    command = (f"ip link set lo up && {sys.executable} {ROOT / 'tools' / 'lighthouse.py'} "
               f"{built_site} --only home")
    result = subprocess.run(["unshare", "--net", "sh", "-c", command], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "accessibility 100" in result.stdout and "other hosts asked: 0" in result.stdout, result.stdout
