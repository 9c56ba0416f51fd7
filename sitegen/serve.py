"""A small static server for the built site, with the content types Pyodide needs.

Python's defaults do not all match what browsers require: a `.wasm` file not served
as application/wasm, or an `.mjs` module not served as JavaScript, makes loading hang.
"""

from __future__ import annotations

import functools
import http.server
import re
from pathlib import Path

CONTENT_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".css": "text/css",
    ".html": "text/html; charset=utf-8",
}


VERSIONED_ENGINE = re.compile(r"^/engine/[0-9a-f]{8,}/")


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site folder; pages revalidate, so a rebuilt page is always what is seen."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}

    def end_headers(self) -> None:
        # As deploy/nginx.conf: the content-hashed engine folder never changes, the rest revalidates.
        immutable = VERSIONED_ENGINE.match(self.path)
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if immutable else "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature fixed by the base class
        if self.server.verbose:  # type: ignore[attr-defined]
            super().log_message(format, *args)


def make_server(site_dir: Path, host: str = "127.0.0.1", port: int = 8000,
                verbose: bool = False) -> http.server.ThreadingHTTPServer:
    """A server for ``site_dir`` bound to host:port (port 0 picks a free one)."""
    handler = functools.partial(SiteRequestHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.verbose = verbose  # type: ignore[attr-defined]
    return server
