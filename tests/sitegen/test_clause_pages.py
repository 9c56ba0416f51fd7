"""Clause pages as rendered (before MkDocs): paths, titles, share text, what to bring and where to go, QR or not."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from sitegen.hooks import calculator_context
from sitegen.pages import clause_pages
from sitegen.pages.guidance import load_contacts
from sitegen.pages.render import render_pages
from sitegen.pages.source import EXPECTED_IDS, load_source

SITE = {"site_name": "松江区计划生育特殊困难家庭扶助政策", "site_url": "", "qr_codes": {}}
ADDRESS = "https://wsjkw.example.gov.cn/"
CONTACT = """
[[contacts]]
place = "civil_affairs"
name = "测试区民政局"
address = "测试路2号"
phone = "021-00000001"
source = "测试用的来源"
checked = 2026-11-01
"""


@pytest.fixture(scope="module")
def source() -> dict[str, Any]:
    return load_source()


@pytest.fixture(scope="module")
def context() -> dict[str, Any]:
    return calculator_context() | SITE


@pytest.fixture(scope="module")
def pages(source: dict[str, Any], context: dict[str, Any]) -> dict[str, str]:
    return render_pages(source, context)


def front_matter(page: str) -> dict[str, Any]:
    return yaml.safe_load(page.split("---\n")[1])


def test_every_clause_has_a_page_at_its_id_with_dashes(pages: dict[str, str]) -> None:
    made = sorted(path for path in pages if re.fullmatch(r"clauses/[\d-]+/index\.md", path))
    assert made == sorted(f"clauses/{clause_id.replace('.', '-')}/index.md" for clause_id in EXPECTED_IDS)
    assert len(made) == 26
    assert "clauses/index.md" in pages  # the 宣传页


@pytest.mark.parametrize("clause_id", ["2.4.6", "1", "3.3"])
def test_title_and_heading_are_the_label_and_short_title(pages: dict[str, str], source: dict[str, Any],
                                                         clause_id: str) -> None:
    clause = next(clause for clause in source["clauses"] if clause["id"] == clause_id)
    page = pages[clause_pages.page_path(clause_id) + "index.md"]
    assert front_matter(page)["title"] == f"{clause['label']}　{clause['title']}"
    assert f"\n# {clause['label']}　{clause['title']} {{ #clause-title }}\n" in page


def test_the_share_description_is_the_clauses_first_sentence(pages: dict[str, str]) -> None:
    meta = front_matter(pages["clauses/2-1-1/index.md"])
    assert meta["description"] == "建立特别扶助金动态增长机制。"
    assert front_matter(pages["clauses/2-4-6/index.md"])["description"].startswith("凡本区独生子女伤残、死亡家庭")
    assert front_matter(pages["clauses/2-4-6/index.md"])["description"].endswith("解决身后之忧。")
    assert front_matter(pages["clauses/2-4-6/index.md"])["search"] == {"exclude": True}


def test_clauses_json_gains_the_page_and_keeps_every_other_field(pages: dict[str, str]) -> None:
    records = json.loads(pages["clauses.json"])
    assert [list(record) for record in records] == [
        ["id", "label", "title", "text", "url", "page", "departments", "cites", "keywords", "citation"]] * 26
    assert {record["id"]: record["page"] for record in records}["2.4.6"] == "/clauses/2-4-6/"
    assert {record["id"]: record["url"] for record in records}["2.4.6"] == "/notice/#c-2-4-6"


def test_what_to_bring_and_where_to_go_come_from_the_guidance_file(pages: dict[str, str], context: dict[str, Any]) -> None:
    for clause_id, item in context["guidance"]["measures"].items():
        page = pages[clause_pages.page_path(clause_id) + "index.md"]
        # The notice's own requirements in one line, the usual documents in another (each line short).
        required = "、".join(document["name"] for document in item["documents"] if document["notice"])
        usual = "、".join(document["name"] for document in item["documents"] if not document["notice"])
        if required:
            assert f"要带的材料：</span>{required}（通知要求）。" in page, clause_id
        if usual:
            label = "一般还要带：" if required else "要带的材料（一般）："
            assert f"{label}</span>{usual}。" in page, clause_id
        for place in item["places"]:
            assert f"where/#place-{place['id'].replace('_', '-')}\">{place['plain']}</a>" in page, (clause_id, place)
        if not item["documents"]:
            assert "不需要另外申请，留意居委或街镇的通知。" in page


def test_who_it_is_for_is_the_family_types_and_others_the_notice_names(pages: dict[str, str]) -> None:
    assert "适用的家庭：</span>独生子女死亡家庭。" in pages["clauses/2-2-5/index.md"]
    assert "适用的家庭：</span>独生子女伤残家庭、独生子女死亡家庭。" in pages["clauses/2-4-6/index.md"]
    assert "适用的家庭：</span>独生子女未婚且患大病重病的家庭。" in pages["clauses/2-1-4/index.md"]


@pytest.mark.parametrize("clause_id", ["1", "3.1", "3.2", "3.3"])
def test_a_clause_that_is_not_a_measure_says_there_is_nothing_to_apply_for(pages: dict[str, str], clause_id: str) -> None:
    page = pages[clause_pages.page_path(clause_id) + "index.md"]
    assert "不需要居民去办理" in page and "要带的材料" not in page


def test_an_office_the_deploying_office_listed_appears_with_its_source(source: dict[str, Any], context: dict[str, Any],
                                                                       tmp_path: Path) -> None:
    contacts = tmp_path / "contacts.toml"
    contacts.write_text(CONTACT, encoding="utf-8")
    with_contact = context | {"contacts": load_contacts(context["guidance"]["places"], contacts)}
    pages = render_pages(source, with_contact)
    line = '测试区民政局：地址 测试路2号；电话 <a href="tel:02100000001">021-00000001</a>（来源：测试用的来源，2026年11月1日核对）'
    assert line in pages["clauses/2-4-6/index.md"]  # 区民政局 is where 2.4.6 is done
    assert line not in pages["clauses/2-1-1/index.md"]


def test_without_a_public_address_there_is_simply_no_code(pages: dict[str, str]) -> None:
    assert not any(path.endswith("qr.svg") for path in pages)
    assert "生成网站" not in pages["clauses/2-4-6/index.md"]  # no address: simply no QR code (issue 24)
    assert "<img" not in pages["clauses/2-4-6/index.md"]


def test_with_a_public_address_each_page_carries_its_code_and_address(source: dict[str, Any], context: dict[str, Any]) -> None:
    codes = {clause_id: f"<svg>{clause_id}</svg>\n" for clause_id in EXPECTED_IDS}  # the hook makes real ones
    pages = render_pages(source, context | {"site_url": ADDRESS, "qr_codes": codes})
    assert pages["clauses/2-4-6/qr.svg"] == "<svg>2.4.6</svg>\n"
    page = pages["clauses/2-4-6/index.md"]
    assert '<img src="qr.svg"' in page and f"{ADDRESS}clauses/2-4-6/" in page
    assert '<img src="2-4-6/qr.svg"' in pages["clauses/index.md"]
