"""The one zip writer: archives whose entries are stored, not deflated, dated and moded as given.

Deflated entry by entry, an archive compresses no further; stored, the server's brotli copy compresses
across files. Both the trimmed standard-library archives and the shipped wheels are written here.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # every entry of a made archive: it depends on its contents only
FILE_MODE = 0o100644 << 16


def write_stored(target: Path, entries: Iterable[tuple[zipfile.ZipInfo, bytes]]) -> None:
    """A zip at ``target`` holding ``entries`` in the order given, stored, with their names, dates and modes."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as archive:
        for info, data in entries:
            stored = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            stored.external_attr = info.external_attr
            archive.writestr(stored, data)


def write_stored_zip(target: Path, contents: dict[str, bytes]) -> None:
    """An uncompressed zip of ``contents`` in name order, every entry dated and moded alike."""
    write_stored(target, ((_entry(name), contents[name]) for name in sorted(contents)))


def store_entries(archive: Path) -> Path:
    """Rewrite the zip ``archive`` (a wheel) with its entries stored, not deflated, and return it.

    Deflated entry by entry, a wheel compresses no further; stored, the server's brotli copy compresses
    across files: the calculator's wheel goes from 103 KB to 63 KB on the wire, openpyxl's from 251 KB
    to 147 KB. Names, order, dates and modes stay, so the bytes depend on the wheel alone.
    """
    with zipfile.ZipFile(archive) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    partial = archive.with_name(archive.name + ".partial")
    write_stored(partial, entries)
    partial.replace(archive)
    return archive


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.external_attr = FILE_MODE
    return info
