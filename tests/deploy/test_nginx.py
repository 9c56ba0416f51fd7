"""The production nginx set-up sends the right headers, types, compression and caching — over real HTTP."""

from __future__ import annotations

import gzip
import http.client
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest

from sitegen.pages import csp
from sitegen.serve import nginx

HASHED_ASSET = "assets/javascripts/bundle.*.min.js"


def get(base_url: str, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """One GET, no redirects followed and nothing decoded: what the server really sent."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request("GET", "/" + path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {name.lower(): value for name, value in response.getheaders()}, body


def hashed_asset(built_site: Path) -> str:
    return next(built_site.glob(HASHED_ASSET)).relative_to(built_site).as_posix()


def test_config_has_exactly_two_values_to_fill_in() -> None:
    template = nginx.CONFIG_TEMPLATE.read_text(encoding="utf-8")
    rendered = nginx.render_config(8080, Path("/srv/site"))
    assert "__PORT__" in template and "__SITE_DIR__" in template
    assert "__" not in rendered.replace("__md", "")
    assert "listen       127.0.0.1:8080;" in rendered and "root         /srv/site;" in rendered


@pytest.mark.parametrize("path", ["", "notice/", "clauses.json", "no-such-page/"])
def test_security_headers_on_every_response(nginx_url: str, path: str) -> None:
    _, headers, _ = get(nginx_url, path)
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "camera=()" in headers["permissions-policy"] and "geolocation=()" in headers["permissions-policy"]
    assert headers["server"] == "nginx"  # no version


def test_header_policy_is_the_pages_own_policy_plus_frame_ancestors(nginx_url: str) -> None:
    for page in ("notice/", "calculator/", "roster/"):
        assert get(nginx_url, page)[1]["content-security-policy"] == csp.policy() + "; frame-ancestors 'none'"


def test_only_the_engine_folder_may_compile_webassembly(nginx_url: str, built_site: Path) -> None:
    folder = next(path for path in (built_site / "engine").iterdir() if path.is_dir())
    wasm_policy = csp.policy(wasm=True) + "; frame-ancestors 'none'"
    assert get(nginx_url, f"engine/{folder.name}/engine-worker.mjs")[1]["content-security-policy"] == wasm_policy
    for path in ("", "calculator/", "roster/", "assets/site.js"):
        assert "wasm-unsafe-eval" not in get(nginx_url, path)[1]["content-security-policy"], path


def test_no_policy_allows_inline_styles(nginx_url: str, built_site: Path) -> None:
    folder = next(path for path in (built_site / "engine").iterdir() if path.is_dir())
    for path in ("", "calculator/", f"engine/{folder.name}/engine-worker.mjs"):
        assert "'unsafe-inline'" not in get(nginx_url, path)[1]["content-security-policy"], path


@pytest.mark.parametrize("host", ["evil.example:18181", "evil.example"])
def test_redirects_never_echo_the_host_header(nginx_url: str, host: str) -> None:
    status, headers, _ = get(nginx_url, "calculator", {"Host": host})
    assert status == 301
    assert headers["location"] == "/calculator/"


def test_the_tls_front_finds_a_commented_hsts_line() -> None:
    lines = nginx.CONFIG_TEMPLATE.read_text(encoding="utf-8").splitlines()
    hsts = [line.strip() for line in lines if "Strict-Transport-Security" in line]
    assert hsts and all(line.startswith("#") for line in hsts)


@pytest.mark.parametrize(
    ("suffix", "content_type"),
    [(".wasm", "application/wasm"), (".mjs", "text/javascript"), (".json", "application/json"),
     (".whl", "application/zip"), (".zip", "application/zip"), (".html", "text/html; charset=utf-8")],
)
def test_content_types(nginx_url: str, built_site: Path, suffix: str, content_type: str) -> None:
    example = next(path for path in sorted(built_site.rglob("*" + suffix)))
    status, headers, _ = get(nginx_url, example.relative_to(built_site).as_posix())
    assert status == 200
    assert headers["content-type"].split(";")[0] == content_type.split(";")[0]
    if "charset" in content_type:
        assert headers["content-type"] == content_type


@pytest.mark.parametrize("path", ["notice/index.html", "engine/policy-calculator.js", "clauses.json"])
def test_precompressed_copy_is_served_when_gzip_is_accepted(nginx_url: str, built_site: Path, path: str) -> None:
    status, headers, body = get(nginx_url, path, {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["content-encoding"] == "gzip"
    assert "accept-encoding" in headers["vary"].lower()
    assert gzip.decompress(body) == (built_site / path).read_bytes()
    plain_status, plain_headers, plain_body = get(nginx_url, path)
    assert "content-encoding" not in plain_headers and plain_body == (built_site / path).read_bytes()


@pytest.mark.parametrize("path", ["notice/index.html", "engine/policy-calculator.js", "clauses.json"])
def test_brotli_copy_is_served_when_brotli_is_accepted(nginx_url: str, built_site: Path, path: str) -> None:
    status, headers, body = get(nginx_url, path, {"Accept-Encoding": "gzip, deflate, br"})
    assert status == 200
    assert headers["content-encoding"] == "br"
    assert "accept-encoding" in headers["vary"].lower()
    assert brotli.decompress(body) == (built_site / path).read_bytes()


def test_the_wasm_goes_out_as_brotli_smaller_than_gzip(nginx_url: str, built_site: Path) -> None:
    folder = next(path for path in (built_site / "engine").iterdir() if path.is_dir())
    wasm = f"engine/{folder.name}/pyodide.asm.wasm"
    _, br_headers, br_body = get(nginx_url, wasm, {"Accept-Encoding": "br, gzip"})
    _, gz_headers, gz_body = get(nginx_url, wasm, {"Accept-Encoding": "gzip"})
    assert (br_headers["content-encoding"], gz_headers["content-encoding"]) == ("br", "gzip")
    assert br_headers["content-type"] == "application/wasm"
    assert len(br_body) < len(gz_body)
    assert brotli.decompress(br_body) == (built_site / wasm).read_bytes()


def test_compressed_copies_are_not_served_by_name(nginx_url: str) -> None:
    for path in ("clauses.json.br", "clauses.json.gz"):
        assert get(nginx_url, path)[0] == 404


def test_every_text_and_wasm_asset_worth_compressing_has_a_br_copy(built_site: Path) -> None:
    for suffix in (".html", ".css", ".js", ".mjs", ".wasm", ".json"):
        for path in built_site.rglob("*" + suffix):
            if path.stat().st_size >= 4096:
                assert path.with_name(path.name + ".br").is_file(), path


def test_every_text_and_wasm_asset_worth_compressing_has_a_gz_copy(built_site: Path) -> None:
    for suffix in (".html", ".css", ".js", ".mjs", ".wasm", ".json"):
        for path in built_site.rglob("*" + suffix):
            if path.stat().st_size >= 4096:
                assert path.with_name(path.name + ".gz").is_file(), path


def test_hashed_assets_are_immutable_and_pages_revalidate(nginx_url: str, built_site: Path) -> None:
    assert get(nginx_url, hashed_asset(built_site))[1]["cache-control"] == "public, max-age=31536000, immutable"
    for path in ("notice/", "clauses.json", ""):
        assert get(nginx_url, path)[1]["cache-control"] == "no-cache"


def test_revalidation_answers_304(nginx_url: str) -> None:
    _, headers, _ = get(nginx_url, "notice/")
    status, _, body = get(nginx_url, "notice/", {"If-None-Match": headers["etag"]})
    assert status == 304 and body == b""
    status, _, _ = get(nginx_url, "notice/", {"If-Modified-Since": headers["last-modified"]})
    assert status == 304


def test_a_304_repeats_the_caching_headers_and_leaves_the_stored_security_headers_alone(nginx_url: str) -> None:
    _, headers, _ = get(nginx_url, "calculator/")
    assert {"content-security-policy", "x-content-type-options", "referrer-policy", "permissions-policy",
            "cross-origin-opener-policy"} <= set(headers)
    status, again, _ = get(nginx_url, "calculator/", {"If-None-Match": headers["etag"]})
    assert status == 304
    assert again["cache-control"] == "no-cache" and again["etag"] == headers["etag"]
    assert not {"content-security-policy", "permissions-policy", "referrer-policy"} & set(again)


def test_missing_page_gets_the_sites_404_page(nginx_url: str) -> None:
    status, _, body = get(nginx_url, "no-such-page/")
    assert status == 404
    assert "找不到这个页面" in body.decode("utf-8")


def test_no_directory_listing(nginx_url: str, built_site: Path) -> None:
    for folder in ("assets/", "assets/javascripts/", "engine/"):
        status, _, body = get(nginx_url, folder)
        assert status in (403, 404)
        assert b"Index of" not in body


def test_the_content_hashed_engine_folder_is_immutable_and_the_service_worker_revalidates(
    nginx_url: str, built_site: Path
) -> None:
    folder = next(path for path in (built_site / "engine").iterdir() if path.is_dir())
    headers = get(nginx_url, f"engine/{folder.name}/pyodide.asm.wasm")[1]
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    assert "wasm-unsafe-eval" in headers["content-security-policy"]
    assert get(nginx_url, "sw.js")[1]["cache-control"] == "no-cache"
    assert get(nginx_url, "engine/policy-calculator.js")[1]["cache-control"] == "no-cache"


def header_lines(base_url: str, path: str, headers: dict[str, str] | None = None) -> tuple[int, list[str]]:
    """One GET: the status and every header name as sent, repeats kept (lower case)."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request("GET", "/" + path, headers=headers or {})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, [name.lower() for name, _ in response.getheaders()]


def test_each_header_is_sent_once_on_every_status_and_only_found_hashed_files_are_immutable(
    nginx_url: str, built_site: Path
) -> None:
    folder = next(path for path in (built_site / "engine").iterdir() if path.is_dir())
    wasm = f"engine/{folder.name}/pyodide.asm.wasm"
    cases = [(200, wasm, {"Range": "bytes=999999999-"}),  # no 416 (it repeated every header): the whole file
             (200, wasm, {"Range": "bytes=0-9", "Accept-Encoding": "br"}), (403, f"engine/{folder.name}/", {}),
             (403, "assets/", {}), (404, "no-such-page/", {}), (404, f"engine/{folder.name}/missing.wasm", {})]
    for wanted, path, headers in cases:
        status, names = header_lines(nginx_url, path, headers)
        assert status == wanted, (path, status)
        repeated = sorted({name for name in names if names.count(name) > 1})
        assert repeated == [], (status, repeated)
        cache = get(nginx_url, path, headers)[1]["cache-control"]
        assert ("immutable" in cache) == (status == 200), (path, status, cache)
