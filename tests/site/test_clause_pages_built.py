"""The built site: every clause page and the notice carry the notice's exact words; titles, share cards,
clauses.json's page links, the notice's published anchors and the link check, as a visitor's browser gets them."""

from __future__ import annotations

import html.parser
import json
import re
from pathlib import Path
from typing import Any

import pytest

from sitegen.pages import clause_pages, links
from sitegen.pages.source import load_source

ROOT = Path(__file__).resolve().parent.parent.parent
# The notice as published, from the shared folder beside the repository (CI lays a copy there too).
SOURCE_TEXT = ROOT.parent / "shared" / "source" / "songjiang-notice-2020-2.txt"
SITE_NAME = "松江区计划生育特殊困难家庭扶助政策"
# Every anchor /notice/ has published, in order: links in guidance documents point at them. Never move one.
PUBLISHED_ANCHORS = (
    "c-1 t-c-1 p-2 s-2-1 c-2-1-1 t-c-2-1-1 c-2-1-2 t-c-2-1-2 c-2-1-3 t-c-2-1-3 c-2-1-4 t-c-2-1-4 s-2-2 c-2-2-1 "
    "t-c-2-2-1 c-2-2-2 t-c-2-2-2 c-2-2-3 t-c-2-2-3 c-2-2-4 t-c-2-2-4 c-2-2-5 t-c-2-2-5 s-2-3 c-2-3-1 t-c-2-3-1 "
    "c-2-3-2 t-c-2-3-2 c-2-3-3 t-c-2-3-3 s-2-4 c-2-4-1 t-c-2-4-1 c-2-4-2 t-c-2-4-2 c-2-4-3 t-c-2-4-3 c-2-4-4 "
    "t-c-2-4-4 c-2-4-5 t-c-2-4-5 c-2-4-6 t-c-2-4-6 c-2-4-7 t-c-2-4-7 c-2-4-8 t-c-2-4-8 c-2-4-9 t-c-2-4-9 "
    "c-2-4-10 t-c-2-4-10 p-3 c-3-1 t-c-3-1 c-3-2 t-c-3-2 c-3-3 t-c-3-3"
).split()

CLAUSES = load_source()["clauses"]
CLAUSE_IDS = [clause["id"] for clause in CLAUSES]


class _Page(html.parser.HTMLParser):
    """The text of every element that has an id, the <title>, and the <meta> tags of one built page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: dict[str, str] = {}
        self.ids: list[str] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self._open: list[tuple[str, str | None]] = []  # (tag, id) of the elements we are inside
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and (values.get("property") or values.get("name")):
            self.meta[values.get("property") or values.get("name") or ""] = values.get("content") or ""
        if tag in ("meta", "link", "img", "input", "br", "hr"):
            return
        if values.get("id"):
            self.ids.append(values["id"] or "")
            self.texts[values["id"] or ""] = ""
        self._open.append((tag, values.get("id")))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        for tag, element_id in self._open:
            if element_id:
                self.texts[element_id] += data
        if self._open and self._open[-1][0] == "title":
            self.title += data


def built_page(site: Path, path: str) -> _Page:
    return _Page((site / path / "index.html").read_text(encoding="utf-8"))


def clause_page(site: Path, clause_id: str) -> _Page:
    return built_page(site, clause_pages.page_path(clause_id))


@pytest.fixture(scope="module")
def notice(built_site: Path) -> _Page:
    return built_page(built_site, "notice/")


# ---- Fidelity: the notice's own words, on /notice/ and on each clause's page --------------------

def test_the_policy_source_holds_the_published_notice_word_for_word() -> None:
    if not SOURCE_TEXT.exists():
        pytest.skip(f"{SOURCE_TEXT} is not beside the repository")
    # The published text breaks lines (and one word) at page ends: joined, it holds each clause as transcribed.
    published = SOURCE_TEXT.read_text(encoding="utf-8").replace("\n", "")
    assert [clause["id"] for clause in CLAUSES if clause["text"] not in published] == []


@pytest.mark.parametrize("clause", CLAUSES, ids=CLAUSE_IDS)
def test_the_notice_page_shows_each_clause_verbatim(notice: _Page, clause: dict[str, Any]) -> None:
    shown = notice.texts["t-" + clause["id"].replace(".", "-").join(("c-", ""))]
    prefix = clause.get("printed_number", "")
    assert shown == (f"{prefix} {clause['text']}" if prefix else clause["text"])


@pytest.mark.parametrize("clause", CLAUSES, ids=CLAUSE_IDS)
def test_each_clause_page_shows_its_clause_verbatim_with_its_title(built_site: Path, clause: dict[str, Any]) -> None:
    page = clause_page(built_site, clause["id"])
    heading = f"{clause['label']}　{clause['title']}"
    assert page.texts["t-c-" + clause["id"].replace(".", "-")] == clause["text"]
    assert page.title == f"{heading} - {SITE_NAME}"
    assert page.texts["clause-title"] == heading


def test_the_notice_keeps_every_published_anchor(notice: _Page) -> None:
    assert [i for i in notice.ids if re.match(r"(c|s|p|t-c)-", i)] == PUBLISHED_ANCHORS


# ---- clauses.json, share cards, links --------------------------------------------------------

def test_every_page_in_clauses_json_is_a_built_page_showing_that_clause(built_site: Path) -> None:
    records = json.loads((built_site / "clauses.json").read_text(encoding="utf-8"))
    assert len(records) == 26
    for record in records:
        target = built_site / record["page"].lstrip("/") / "index.html"
        assert target.is_file(), record["page"]
        assert _Page(target.read_text(encoding="utf-8")).texts["t-c-" + record["id"].replace(".", "-")] == record["text"]


@pytest.mark.parametrize("clause", CLAUSES, ids=CLAUSE_IDS)
def test_each_clause_page_has_its_own_share_card(built_site_with_address: Path, public_address: str,
                                                 clause: dict[str, Any]) -> None:
    meta = clause_page(built_site_with_address, clause["id"]).meta
    first_sentence = clause_pages.first_sentence(clause["text"])
    assert meta["og:title"] == f"{clause['label']}　{clause['title']}"
    assert meta["description"] == meta["og:description"] == first_sentence
    assert meta["og:url"] == public_address + clause_pages.page_path(clause["id"])
    assert meta["og:site_name"] == SITE_NAME
    assert not any(name.startswith(("og:image", "twitter:image")) for name in meta)


def test_a_build_without_an_address_has_a_card_without_url_and_no_codes(built_site: Path) -> None:
    page = clause_page(built_site, "2.4.6")
    assert page.meta["og:title"] == "二（四）6　身后事安排：委托殡仪单位，殓殡服务费减免" and "og:url" not in page.meta
    assert not list(built_site.glob("clauses/*/qr.svg"))
    assert "生成网站" not in (built_site / "clauses/2-4-6/index.html").read_text(encoding="utf-8")  # simply no QR code


def test_a_build_with_an_address_ships_a_code_per_clause_page(built_site_with_address: Path, public_address: str) -> None:
    for clause_id in CLAUSE_IDS:
        folder = built_site_with_address / clause_pages.page_path(clause_id)
        code = (folder / "qr.svg").read_text(encoding="utf-8")
        assert f"<title>二维码：{public_address}{clause_pages.page_path(clause_id)}</title>" in code
        assert '<img src="qr.svg"' in (folder / "index.html").read_text(encoding="utf-8")


def test_the_link_check_covers_every_clause_page_and_finds_nothing_broken(built_site: Path,
                                                                          built_site_with_address: Path,
                                                                          public_address: str) -> None:
    scanned = links.scan(built_site)
    assert {f"{clause_pages.page_path(clause_id)}index.html" for clause_id in CLAUSE_IDS} <= scanned.keys()
    assert "clauses/index.html" in scanned
    assert all(scanned[f"{clause_pages.page_path(i)}index.html"].links for i in CLAUSE_IDS)
    assert links.broken_links(built_site) == []
    assert links.broken_links(built_site_with_address, own_url=public_address) == []


def test_search_lands_on_the_notice_not_on_the_clause_pages(built_site: Path) -> None:
    """The clause pages repeat the notice's text: only /notice/ is indexed, so results are not doubled."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert not [location for location in locations if re.match(r"clauses/[0-9]", location)]
    assert "notice/#c-2-4-6" in locations
    assert not [location for location in locations if location.startswith("clauses/")]  # the 宣传页 is staff's (issue 24)
