"""Write gzip and brotli copies beside every site file worth compressing, for servers that serve them as they are.

nginx's gzip_static and brotli_static (deploy/nginx.conf) and the development server then send
`file.br` to browsers that accept brotli and `file.gz` to those that accept only gzip, so nothing
is compressed per request. Copies are deterministic (gzip mtime 0) and written only when they
save at least a tenth of the bytes.

Brotli at its highest quality takes about 100 s for the 9.6 MB wasm here, and the rest of the site
about 9 s more (gzip's level 9 included), so every copy is kept in the build cache (``sitegen.paths.BUILD_CACHE``) under the hash
of its content, format and level: only the first build of a given runtime pays, and a build after a
change of wording compresses just the pages that changed (the tests build the site three times).
"""

from __future__ import annotations

import gzip
import hashlib
import zlib
from collections.abc import Callable
from pathlib import Path

import brotli

from sitegen.paths import BUILD_CACHE, store

CACHE_DIR = BUILD_CACHE / "brotli"
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".txt", ".map", ".zip", ".whl"}
MIN_BYTES = 1024
MAX_RATIO = 0.9
BROTLI_QUALITY = 11


def precompress(site_dir: Path, cache_dir: Path = CACHE_DIR) -> dict[str, int]:
    """Write ``.gz`` and ``.br`` copies; return byte totals of the originals and the copies written."""
    totals = {"original": 0, "gzip": 0, "brotli": 0}
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE:
            continue
        data = path.read_bytes()
        if len(data) < MIN_BYTES:
            continue
        totals["original"] += len(data)
        totals["gzip"] += _write_if_smaller(path, ".gz", data, gzip_bytes(data, cache_dir))
        totals["brotli"] += _write_if_smaller(path, ".br", data, brotli_bytes(data, cache_dir))
    return totals


def _write_if_smaller(path: Path, suffix: str, data: bytes, packed: bytes) -> int:
    if len(packed) > len(data) * MAX_RATIO:
        return 0
    path.with_name(path.name + suffix).write_bytes(packed)
    return len(packed)


def brotli_bytes(data: bytes, cache_dir: Path = CACHE_DIR) -> bytes:
    """``data`` compressed by brotli at BROTLI_QUALITY, from the cache when it was compressed before."""
    return _cached(data, f"q{BROTLI_QUALITY}.br", lambda: brotli.compress(data, quality=BROTLI_QUALITY),
                   brotli.decompress, cache_dir)


def gzip_bytes(data: bytes, cache_dir: Path = CACHE_DIR) -> bytes:
    """``data`` gzipped at level 9 with mtime 0 (deterministic), from the cache when gzipped before."""
    return _cached(data, "9.gz", lambda: gzip.compress(data, compresslevel=9, mtime=0), gzip.decompress, cache_dir)


def _cached(data: bytes, kind: str, pack: Callable[[], bytes], unpack: Callable[[bytes], bytes],
            cache_dir: Path) -> bytes:
    cached = cache_dir / f"{hashlib.sha256(data).hexdigest()}.{kind}"
    if cached.is_file():
        packed = cached.read_bytes()
        try:
            if unpack(packed) == data:
                return packed
        except (OSError, EOFError, zlib.error, brotli.error):  # a damaged entry is simply made again
            pass
    packed = pack()
    store(cached, packed)
    return packed
