"""Write the service worker (site/sw.js) that keeps the calculator usable offline after one visit.

Its precache list is read from the built pages themselves — the calculator and roster pages and
every same-origin script and stylesheet they load — plus every file of the content-hashed engine
folder, so nothing the calculator needs offline can be forgotten when a page changes.
"""

from __future__ import annotations

import html.parser
import json
import posixpath
from pathlib import Path
from urllib.parse import urlsplit

from sitegen.paths import ROOT

TEMPLATE = ROOT / "web" / "sw.js"
OFFLINE_PAGES = ("calculator/", "roster/")
SHARED_DATA = ("clauses.json",)


class _Loads(html.parser.HTMLParser):
    """Collects the scripts and stylesheets a page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src"):
            self.urls.append(values["src"] or "")
        if tag == "link" and values.get("rel") in ("stylesheet", "icon") and values.get("href"):
            self.urls.append(values["href"] or "")


def page_assets(site_dir: Path, page: str) -> list[str]:
    """Site-root-relative paths of the page itself and the same-origin files it loads."""
    scanner = _Loads()
    scanner.feed((site_dir / page / "index.html").read_text(encoding="utf-8"))
    paths = [page]
    for url in scanner.urls:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            continue
        joined = posixpath.normpath(posixpath.join(page, parts.path)) if not parts.path.startswith("/") \
            else parts.path.lstrip("/")
        paths.append(joined)
    return paths


def search_files(site_dir: Path) -> list[str]:
    """What the site search fetches on those pages: its index, Material's search worker and the lunr
    scripts the worker imports for the index's languages (stemmer support, lunr.<lang>, lunr.multi)."""
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return []
    languages = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", [])
    lunr = ["min/lunr.stemmer.support.min.js", *(f"min/lunr.{lang}.min.js" for lang in languages if lang != "en"),
            *(["min/lunr.multi.min.js"] if len(languages) > 1 else []), *(["tinyseg.js"] if "ja" in languages else []),
            *(["wordcut.js"] if "th" in languages else [])]
    workers = site_dir / "assets" / "javascripts" / "workers"
    return ["search/search_index.json", *(path.relative_to(site_dir).as_posix() for path in workers.glob("search.*.min.js")),
            *(f"assets/javascripts/lunr/{name}" for name in lunr if (site_dir / "assets/javascripts/lunr" / name).is_file())]


def precache_list(site_dir: Path, engine_dir: Path) -> list[str]:
    """Everything the calculator needs offline, as paths relative to the site root, sorted."""
    paths = set(SHARED_DATA) | set(search_files(site_dir))
    for page in OFFLINE_PAGES:
        if (site_dir / page / "index.html").is_file():
            paths.update(page_assets(site_dir, page))
    paths.update(path.relative_to(site_dir).as_posix() for path in engine_dir.iterdir()
                 if path.is_file() and not path.name.endswith((".gz", ".br")))
    return sorted(paths)


def write_service_worker(site_dir: Path, engine_dir: Path, version: str) -> Path:
    """Fill in the template and write it to the site root (its scope is the whole site)."""
    text = TEMPLATE.read_text(encoding="utf-8")
    text = text.replace('"__VERSION__"', json.dumps(version))
    text = text.replace("__PRECACHE__", json.dumps(precache_list(site_dir, engine_dir), indent=2))
    target = site_dir / "sw.js"
    target.write_text(text, encoding="utf-8")
    return target
