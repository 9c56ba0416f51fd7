"""The development server (`make serve`): content types, caching headers and the build's .br and .gz copies."""

from __future__ import annotations

import gzip
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest

from sitegen.serve.dev import make_server

WASM = bytes(range(256)) * 64


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[str]:
    engine = tmp_path / "engine" / "0123456789ab"
    engine.mkdir(parents=True)
    (engine / "pyodide.asm.wasm").write_bytes(WASM)
    (engine / "pyodide.asm.wasm.gz").write_bytes(gzip.compress(WASM, mtime=0))
    (engine / "pyodide.asm.wasm.br").write_bytes(brotli.compress(WASM))
    (tmp_path / "index.html").write_text("<!doctype html><title>首页</title>", encoding="utf-8")
    server = make_server(tmp_path, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def get(url: str, **headers: str) -> tuple[dict[str, str], bytes]:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
        return dict(response.headers), response.read()


def test_a_browser_accepting_brotli_gets_the_br_copy_with_the_file_s_own_type(served: str) -> None:
    headers, body = get(served + "engine/0123456789ab/pyodide.asm.wasm", **{"Accept-Encoding": "gzip, deflate, br"})
    assert headers["Content-Encoding"] == "br"
    assert headers["Content-Type"] == "application/wasm"
    assert headers["Vary"] == "Accept-Encoding"
    assert int(headers["Content-Length"]) == len(body) < len(WASM)
    assert brotli.decompress(body) == WASM


@pytest.mark.parametrize("accepted", ["gzip", "gzip, br;q=0", "deflate, gzip;q=0.5"])
def test_a_browser_accepting_gzip_but_not_brotli_gets_the_gz_copy(served: str, accepted: str) -> None:
    headers, body = get(served + "engine/0123456789ab/pyodide.asm.wasm", **{"Accept-Encoding": accepted})
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Content-Type"] == "application/wasm"
    assert headers["Vary"] == "Accept-Encoding"
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert int(headers["Content-Length"]) == len(body) < len(WASM)
    assert gzip.decompress(body) == WASM


def test_without_gzip_the_file_is_sent_as_it_is(served: str) -> None:
    headers, body = get(served + "engine/0123456789ab/pyodide.asm.wasm")
    assert "Content-Encoding" not in headers
    assert body == WASM


def test_pages_without_a_gz_copy_are_served_plain_and_revalidate(served: str) -> None:
    headers, body = get(served, **{"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in headers
    assert headers["Cache-Control"] == "no-cache"
    assert "首页" in body.decode("utf-8")


def test_a_page_s_address_gets_its_index_html_s_br_copy(served: str, tmp_path: Path) -> None:
    page = tmp_path / "calculator"
    page.mkdir()
    (page / "index.html").write_text("<!doctype html><title>自助测算</title>", encoding="utf-8")
    (page / "index.html.br").write_bytes(brotli.compress((page / "index.html").read_bytes()))
    headers, body = get(served + "calculator/", **{"Accept-Encoding": "gzip, br"})
    assert headers["Content-Encoding"] == "br"
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "自助测算" in brotli.decompress(body).decode("utf-8")


def test_a_compressed_copy_that_has_not_changed_is_answered_with_304(served: str) -> None:
    url = served + "engine/0123456789ab/pyodide.asm.wasm"
    headers, _ = get(url, **{"Accept-Encoding": "br"})
    with pytest.raises(urllib.error.HTTPError) as answer:
        get(url, **{"Accept-Encoding": "br", "If-Modified-Since": headers["Last-Modified"]})
    assert answer.value.code == 304
    again, body = get(url, **{"Accept-Encoding": "br", "If-Modified-Since": "Thu, 01 Jan 1998 00:00:00 GMT"})
    assert brotli.decompress(body) == WASM
