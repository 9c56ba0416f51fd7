"""Check every link of the built site: the target file exists and so does its #anchor."""

from __future__ import annotations

import html.parser
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _PageScanner(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag in ("a", "link", "script", "img") and (values.get("href") or values.get("src")):
            self.links.append(values.get("href") or values.get("src") or "")


def scan(site_dir: Path) -> dict[str, _PageScanner]:
    """Each HTML page's ids and links, keyed by its path relative to the site."""
    pages = {}
    for path in sorted(site_dir.rglob("*.html")):
        scanner = _PageScanner()
        scanner.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site_dir).as_posix()] = scanner
    return pages


def broken_links(site_dir: Path, own_url: str = "") -> list[str]:
    """Every link that leaves the site or points at a missing file or anchor, one line each.

    ``own_url`` is the site's public address when the build was given one: a link to it (MkDocs'
    canonical links, the clause pages' addresses) is checked as the root-relative link it stands for.
    """
    pages = scan(site_dir)
    problems = []
    for page, scanner in pages.items():
        for link in scanner.links:
            local = "/" + link[len(own_url):] if own_url and link.startswith(own_url) else link
            problem = _check(site_dir, pages, page, local)
            if problem:
                problems.append(f"{page}: {link} — {problem}")
    return problems


def _check(site_dir: Path, pages: dict[str, _PageScanner], page: str, link: str) -> str | None:
    parts = urlsplit(link)
    if parts.scheme in ("mailto", "tel", "data", "blob"):
        return None
    if parts.scheme or parts.netloc:
        return "points to another site"
    target = _resolve(page, unquote(parts.path)) if parts.path else page
    if not (site_dir / target).is_file():
        return "no such file"
    if parts.fragment and target in pages and unquote(parts.fragment) not in pages[target].ids:
        return "no such anchor"
    return None


def _resolve(page: str, path: str) -> str:
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(page), path)
    resolved = posixpath.normpath(joined)
    if resolved in (".", ""):
        resolved = ""
    if path.endswith("/") or resolved == "":
        resolved = posixpath.join(resolved, "index.html")
    return resolved
