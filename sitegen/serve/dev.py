"""A small static server for the built site, with the content types Pyodide needs.

Python's defaults do not all match what browsers require: a `.wasm` file not served
as application/wasm, or an `.mjs` module not served as JavaScript, makes loading hang.
Like deploy/nginx.conf (brotli_static, gzip_static), it answers with the build's `.br` copy of a
file when the browser accepts brotli, else its `.gz` copy when it accepts gzip: uncompressed, the 13 MB engine is also too large for the browser's HTTP
cache in a private window, so the service worker would download it a second time.
"""

from __future__ import annotations

import email.utils
import functools
import http.server
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

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
# The build's copies (sitegen/serve/precompress.py), best first.
PRECOMPRESSED = {"br": ".br", "gzip": ".gz"}


def accepted_encodings(header: str) -> set[str]:
    """The content codings an Accept-Encoding header accepts (``q=0`` refuses one)."""
    accepted = set()
    for item in header.split(","):
        name, _, parameters = item.strip().partition(";")
        quality = parameters.strip().removeprefix("q=").strip() if parameters.strip().startswith("q=") else "1"
        try:
            refused = float(quality) == 0
        except ValueError:
            refused = False
        if name.strip() and not refused:
            accepted.add(name.strip().lower())
    return accepted


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
        if os.path.isdir(path) and urlsplit(self.path).path.endswith("/"):
            path = os.path.join(path, "index.html")  # a page's address: its index.html, compressed too
        encoding = self._precompressed_encoding(path)
        if encoding is None:
            return super().send_head()
        file = open(path + PRECOMPRESSED[encoding], "rb")  # noqa: SIM115 - the base class's caller closes it
        stat = os.fstat(file.fileno())
        if self._unchanged_since(stat.st_mtime):
            # As nginx: a page that revalidates (the service worker's precache, a reload) costs a 304.
            file.close()
            self.send_response(304)
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return None
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("Last-Modified", self.date_time_string(stat.st_mtime))
        self.end_headers()
        return file

    def _unchanged_since(self, modified: float) -> bool:
        """Whether the request's If-Modified-Since is no earlier than ``modified`` (whole seconds, as HTTP dates)."""
        header = self.headers.get("If-Modified-Since")
        if not header or self.headers.get("If-None-Match"):
            return False
        try:
            since = email.utils.parsedate_to_datetime(header)
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
        if since.tzinfo is None:
            return False
        return int(modified) <= since.timestamp()

    def _precompressed_encoding(self, path: str) -> str | None:
        """The best encoding the browser accepts and the build wrote a copy for, or None."""
        if not os.path.isfile(path):
            return None
        accepted = accepted_encodings(self.headers.get("Accept-Encoding", ""))
        for encoding, suffix in PRECOMPRESSED.items():
            if encoding in accepted and os.path.isfile(path + suffix):
                return encoding
        return None

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
