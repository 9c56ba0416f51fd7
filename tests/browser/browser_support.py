"""What the browser tests share besides fixtures: Chromium settings, request log, page list."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Request

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@dataclass
class RequestLog:
    """Every URL the page asked for, so tests can check that none left the site."""

    urls: list[str] = field(default_factory=list)

    def record(self, request: Request) -> None:
        self.urls.append(request.url)

    def foreign(self, base_url: str) -> list[str]:
        own = urlsplit(base_url).netloc
        return [url for url in self.urls
                if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != own]


def site_pages(built_site: Path) -> list[str]:
    """The URL path of every HTML page of the built site (404 page included)."""
    paths = []
    for html in sorted(built_site.rglob("*.html")):
        relative = html.relative_to(built_site).as_posix()
        paths.append(relative.removesuffix("index.html"))
    return paths
