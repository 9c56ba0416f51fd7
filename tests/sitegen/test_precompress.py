"""The build's .gz and .br copies: right, written only when they save, and taken from the cache."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import brotli
import pytest

from sitegen.serve import precompress

PAGE = ("<p>独生子女死亡家庭的特别扶助金</p>\n" * 200).encode("utf-8")


def site_with(folder: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def test_copies_decompress_to_the_file_and_only_worthwhile_ones_are_written(tmp_path: Path) -> None:
    site = site_with(tmp_path / "site", {"index.html": PAGE, "tiny.js": b"x" * 100, "random.js": random.Random(1).randbytes(4096),
                                         "photo.png": PAGE})
    precompress.precompress(site, tmp_path / "cache")
    assert gzip.decompress((site / "index.html.gz").read_bytes()) == PAGE
    assert brotli.decompress((site / "index.html.br").read_bytes()) == PAGE
    written = sorted(path.name for path in site.iterdir())
    assert written == ["index.html", "index.html.br", "index.html.gz", "photo.png", "random.js", "tiny.js"]


def test_a_second_build_takes_its_copies_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    first = site_with(tmp_path / "first", {"index.html": PAGE})
    precompress.precompress(first, cache)

    def never(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("compressed again although the cache holds this content")

    monkeypatch.setattr(precompress.brotli, "compress", never)
    monkeypatch.setattr(precompress.gzip, "compress", never)
    second = site_with(tmp_path / "second", {"other/page.html": PAGE})
    precompress.precompress(second, cache)
    for suffix in (".gz", ".br"):
        assert (second / f"other/page.html{suffix}").read_bytes() == (first / f"index.html{suffix}").read_bytes()


def test_a_damaged_cache_entry_is_made_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    precompress.precompress(site_with(tmp_path / "first", {"index.html": PAGE}), cache)
    for entry in cache.iterdir():
        entry.write_bytes(b"not a compressed copy")
    second = site_with(tmp_path / "second", {"index.html": PAGE})
    precompress.precompress(second, cache)
    assert gzip.decompress((second / "index.html.gz").read_bytes()) == PAGE
    assert brotli.decompress((second / "index.html.br").read_bytes()) == PAGE
