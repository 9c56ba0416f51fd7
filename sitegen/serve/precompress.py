"""Write gzip and brotli copies beside every site file worth compressing, for servers that serve them as they are.

nginx's gzip_static and brotli_static (deploy/nginx.conf) and the development server then send
`file.br` to browsers that accept brotli and `file.gz` to those that accept only gzip, so nothing
is compressed per request. Copies are deterministic (gzip mtime 0) and written only when they
save at least a tenth of the bytes.

Brotli at its highest quality takes about 100 s for the 9.6 MB wasm here, so large files'
brotli copies are kept in ``.cache/brotli/`` under the hash of their content and quality: only
the first build of a given runtime pays.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path

import brotli

from sitegen.paths import ROOT

CACHE_DIR = ROOT / ".cache" / "brotli"
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".txt", ".map", ".zip", ".whl"}
MIN_BYTES = 1024
MAX_RATIO = 0.9
BROTLI_QUALITY = 11
CACHE_FROM_BYTES = 256 * 1024  # smaller files compress in well under a second: not worth a cache entry


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
        totals["gzip"] += _write_if_smaller(path, ".gz", data, gzip.compress(data, compresslevel=9, mtime=0))
        totals["brotli"] += _write_if_smaller(path, ".br", data, brotli_bytes(data, cache_dir))
    return totals


def _write_if_smaller(path: Path, suffix: str, data: bytes, packed: bytes) -> int:
    if len(packed) > len(data) * MAX_RATIO:
        return 0
    path.with_name(path.name + suffix).write_bytes(packed)
    return len(packed)


def brotli_bytes(data: bytes, cache_dir: Path = CACHE_DIR) -> bytes:
    """``data`` compressed at BROTLI_QUALITY; large inputs are read from or written to the cache."""
    if len(data) < CACHE_FROM_BYTES:
        return brotli.compress(data, quality=BROTLI_QUALITY)
    cached = cache_dir / f"{hashlib.sha256(data).hexdigest()}.q{BROTLI_QUALITY}.br"
    if cached.is_file():
        packed = cached.read_bytes()
        if brotli.decompress(packed) == data:  # a damaged entry is simply made again
            return packed
    packed = brotli.compress(data, quality=BROTLI_QUALITY)
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = cached.with_name(f"{cached.name}.{os.getpid()}.partial")
    partial.write_bytes(packed)
    partial.replace(cached)  # atomic: two builds at once never read half an entry
    return packed
