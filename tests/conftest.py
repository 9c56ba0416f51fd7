"""Fixtures shared by the site and browser tests: one strict build of the whole site per run."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once by build_site.py exactly as `make site` builds it (strict).

    `make test` (tools/run_tests.py) builds it once before its two pytest processes start and names
    it in SONGJIANG_BUILT_SITE; a plain `pytest` run builds its own."""
    import build_site

    prebuilt = os.environ.get("SONGJIANG_BUILT_SITE")
    if prebuilt:
        site_dir = Path(prebuilt)
        if not (site_dir / "index.html").is_file():
            raise RuntimeError(f"SONGJIANG_BUILT_SITE names no built site: {site_dir}")
        return site_dir
    site_dir = tmp_path_factory.mktemp("site")
    build_site.build(site_dir)
    return site_dir


# A public address for the builds that need one (QR codes, share cards with og:url, chat snippets).
PUBLIC_ADDRESS = "https://wsjkw.example.gov.cn/"


@pytest.fixture(scope="session")
def public_address() -> str:
    return PUBLIC_ADDRESS


@pytest.fixture(scope="session")
def built_site_with_address(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built as `make site SITE_URL=…` builds it: clause pages carry QR codes, each decoded."""
    import build_site

    site_dir = tmp_path_factory.mktemp("site-with-address")
    build_site.build(site_dir, site_url=PUBLIC_ADDRESS)
    return site_dir


@pytest.fixture(scope="session")
def nginx_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """nginx with deploy/nginx.conf serving the test build on a free loopback port."""
    from sitegen.serve import nginx

    # nginx's workers drop root for an unprivileged user, who must be able to reach the build
    # inside pytest's private (0700) temporary folders: open just those that are closed.
    for folder in [built_site, *built_site.parents]:
        if folder.stat().st_mode & 0o005 != 0o005:
            folder.chmod(folder.stat().st_mode | 0o055)
    port = nginx.free_port()
    process = nginx.start(port, built_site, tmp_path_factory.mktemp("nginx-run"))
    yield f"http://127.0.0.1:{port}/"
    process.terminate()
    process.wait(timeout=30)
