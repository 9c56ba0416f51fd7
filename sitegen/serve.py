"""A small static server for the built site, with the content types Pyodide needs.

Python's defaults do not all match what browsers require: a `.wasm` file not served
as application/wasm, or an `.mjs` module not served as JavaScript, makes loading hang.
Like deploy/nginx.conf (gzip_static), it answers with the build's `.gz` copy of a file when the
browser accepts gzip: uncompressed, the 13 MB engine is also too large for the browser's HTTP
cache in a private window, so the service worker would download it a second time.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import sys
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

    def send_head(self):  # noqa: ANN201 - returns the open file, as the base class does
        path = self.translate_path(self.path)
        compressed = path + ".gz"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not os.path.isfile(compressed) \
                or not os.path.isfile(path):
            return super().send_head()
        file = open(compressed, "rb")  # noqa: SIM115 - the base class's caller closes it
        stat = os.fstat(file.fileno())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("Last-Modified", self.date_time_string(stat.st_mtime))
        self.end_headers()
        return file

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature fixed by the base class
        if self.server.verbose:  # type: ignore[attr-defined]
            super().log_message(format, *args)


class SiteServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that stops a download (a closed tab, a cancelled request) is not a server error.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def make_server(site_dir: Path, host: str = "127.0.0.1", port: int = 8000,
                verbose: bool = False) -> http.server.ThreadingHTTPServer:
    """A server for ``site_dir`` bound to host:port (port 0 picks a free one)."""
    handler = functools.partial(SiteRequestHandler, directory=str(site_dir))
    server = SiteServer((host, port), handler)
    server.verbose = verbose  # type: ignore[attr-defined]
    return server
