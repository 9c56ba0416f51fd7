"""The built site's link check catches missing pages, missing anchors and links off the site."""

from __future__ import annotations

from pathlib import Path

from sitegen.pages.links import broken_links


def write(site: Path, path: str, html: str) -> None:
    target = site / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"<html><body>{html}</body></html>", encoding="utf-8")


def test_sound_links_pass(tmp_path: Path) -> None:
    write(tmp_path, "index.html", '<a href="notice/#c-1">x</a><a href="#top">y</a><p id="top"></p>')
    write(tmp_path, "notice/index.html", '<h2 id="c-1"></h2><a href="../">home</a><a href="/notice/#c-1">self</a>')
    assert broken_links(tmp_path) == []


def test_missing_anchor_missing_page_and_other_sites_are_reported(tmp_path: Path) -> None:
    write(tmp_path, "index.html",
          '<a href="notice/#c-9">a</a><a href="nowhere/">b</a><a href="https://example.org/">c</a>')
    write(tmp_path, "notice/index.html", '<h2 id="c-1"></h2>')
    assert broken_links(tmp_path) == [
        "index.html: notice/#c-9 — no such anchor",
        "index.html: nowhere/ — no such file",
        "index.html: https://example.org/ — points to another site",
    ]


def test_a_link_to_the_sites_own_public_address_is_checked_as_a_local_link(tmp_path: Path) -> None:
    write(tmp_path, "index.html", '<link rel="canonical" href="https://wsjkw.example.gov.cn/">'
                                  '<a href="https://wsjkw.example.gov.cn/notice/#c-1">a</a>'
                                  '<a href="https://wsjkw.example.gov.cn/nowhere/">b</a>')
    write(tmp_path, "notice/index.html", '<h2 id="c-1"></h2>')
    assert broken_links(tmp_path, own_url="https://wsjkw.example.gov.cn/") == [
        "index.html: https://wsjkw.example.gov.cn/nowhere/ — no such file"]
    assert len(broken_links(tmp_path)) == 3  # without the address, each is another site
