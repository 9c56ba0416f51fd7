"""What to bring and where to go: the guidance file covers every measure; contacts need a source and a date."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.hooks import calculator_context
from calculator.rules import RULES
from sitegen.pages.guidance import GUIDANCE_FILE, GuidanceError, load_contacts, load_guidance
from sitegen.pages.render import render_pages
from sitegen.pages.source import load_source

MEASURES = [rule.clause for rule in RULES]
ENTRY = """
[[contacts]]
place = "street_centre"
name = "测试街道社区事务受理服务中心"
address = "测试路1号"
phone = "021-00000000"
source = "测试用的来源"
checked = 2026-11-01
"""


def test_every_measure_has_documents_and_places_that_exist() -> None:
    guidance = load_guidance(MEASURES)
    assert list(guidance["measures"]) == MEASURES
    for item in guidance["measures"].values():
        assert item["places"], item
        assert all(place["name"] and place["plain"] for place in item["places"])


def test_a_document_the_notice_names_is_marked_only_where_the_clause_names_it() -> None:
    source = {clause["id"]: clause["text"] for clause in load_source()["clauses"]}
    for clause, item in load_guidance(MEASURES)["measures"].items():
        for document in item["documents"]:
            if document["notice"]:
                assert document["name"].strip("《》") in source[clause], (clause, document)


def test_a_missing_measure_or_an_unknown_id_is_refused(tmp_path: Path) -> None:
    with pytest.raises(GuidanceError, match=r"missing \['2.4.11'\]"):
        load_guidance([*MEASURES, "2.4.11"])
    broken = tmp_path / "guidance.toml"
    broken.write_text(GUIDANCE_FILE.read_text(encoding="utf-8").replace('{ id = "hukou_book" }', '{ id = "passport" }', 1),
                      encoding="utf-8")
    with pytest.raises(GuidanceError, match="passport"):
        load_guidance(MEASURES, broken)


@pytest.mark.parametrize("missing", ["source", "checked"])
def test_a_contact_without_its_source_or_checked_date_is_refused(tmp_path: Path, missing: str) -> None:
    contacts = tmp_path / "contacts.toml"
    contacts.write_text("\n".join(line for line in ENTRY.splitlines() if not line.startswith(missing)), encoding="utf-8")
    with pytest.raises(GuidanceError, match=missing):
        load_contacts(load_guidance(MEASURES)["places"], contacts)


def test_the_shipped_contacts_file_is_empty_and_the_where_page_then_names_office_types_and_12345() -> None:
    context = calculator_context()
    assert context["contacts"] == []
    page = render_pages(load_source(), context)["where.md"]
    assert '<a href="tel:12345">12345 市民服务热线</a>' in page and "本站还没有这里的具体地址和电话" in page


def test_a_contact_the_office_filled_in_is_shown_with_its_source_and_date(tmp_path: Path) -> None:
    contacts = tmp_path / "contacts.toml"
    contacts.write_text(ENTRY, encoding="utf-8")
    context = calculator_context()
    context["contacts"] = load_contacts(context["guidance"]["places"], contacts)
    page = render_pages(load_source(), context)["where.md"]
    assert '**测试街道社区事务受理服务中心**：地址 测试路1号；电话 <a href="tel:02100000000">021-00000000</a>（来源：测试用的来源，2026年11月1日核对）' in page
