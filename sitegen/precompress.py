"""Write a gzip copy beside every site file worth compressing, for servers that serve them as they are.

nginx's gzip_static (deploy/nginx.conf) then sends `file.gz` to browsers that accept gzip, so
nothing is compressed per request. Copies are deterministic (mtime 0) and written only when
they save at least a tenth of the bytes.
"""

from __future__ import annotations

import gzip
from pathlib import Path

COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".txt", ".map", ".zip"}
MIN_BYTES = 1024
MAX_RATIO = 0.9


def precompress(site_dir: Path) -> dict[str, int]:
    """Write ``.gz`` copies; return the byte totals ``{"original": …, "compressed": …}`` of those written."""
    totals = {"original": 0, "compressed": 0}
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE:
            continue
        data = path.read_bytes()
        if len(data) < MIN_BYTES:
            continue
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        if len(packed) <= len(data) * MAX_RATIO:
            path.with_name(path.name + ".gz").write_bytes(packed)
            totals["original"] += len(data)
            totals["compressed"] += len(packed)
    return totals
