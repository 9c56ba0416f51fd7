"""Clause pages, the 宣传页 and the staff page's chat snippets, in headless Chromium.

Most tests open the build made with a public address (as `make site SITE_URL=…` makes it): that is
the build whose pages carry QR codes and whose snippets use the configured address.
"""

from __future__ import annotations

import json
import re
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from sitegen.pages import clause_pages
from sitegen.serve.dev import make_server
from sitegen.pages.source import load_source

CLAUSE_IDS = [clause["id"] for clause in load_source()["clauses"]]
NOTICE = "《松江区关于进一步加强计划生育特殊困难家庭扶助工作的通知》（沪松卫规〔2020〕2号）"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def address_url(built_site_with_address: Path) -> Iterator[str]:
    """The build with a public address, served on loopback (its links stay relative, so it works here)."""
    server = make_server(built_site_with_address, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("clause_id", CLAUSE_IDS)
def test_printing_a_clause_page_gives_one_a4_leaflet(address_url: str, page: Page, clause_id: str) -> None:
    page.goto(address_url + clause_pages.page_path(clause_id))
    expect(page.locator(".sheet-qr img")).to_be_visible()
    assert pdf_pages(page.pdf(format="A4")) == 1


def test_the_printed_leaflet_has_the_sheet_and_nothing_to_click(address_url: str, page: Page) -> None:
    page.goto(address_url + "clauses/2-4-6/")
    page.emulate_media(media="print")
    expect(page.locator(".sheet-site")).to_have_text("松江区计划生育特殊困难家庭扶助政策")
    for shown in ("h1", ".clause-sheet .clause-text", ".sheet-facts", ".clause-departments", ".clause-citation", ".sheet-qr img"):
        expect(page.locator(shown).first).to_be_visible()
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".display-switches", ".clause-more"):
        expect(page.locator(hidden).first).to_be_hidden()
    assert page.locator("button:visible").count() == 0


def test_each_qr_code_as_the_browser_draws_it_reads_back_as_the_pages_address(
        address_url: str, public_address: str, page: Page, tmp_path: Path) -> None:
    """The SVG itself, rendered by Chromium and decoded by zbarimg (the build checks the PNG twin)."""
    for clause_id in CLAUSE_IDS:
        page.goto(address_url + clause_pages.page_path(clause_id))
        image = tmp_path / f"{clause_id}.png"
        page.locator(".sheet-qr img").screenshot(path=str(image))
        read = subprocess.run(["zbarimg", "--raw", "-q", str(image)], capture_output=True, text=True, timeout=60)
        assert read.stdout.strip() == public_address + clause_pages.page_path(clause_id)


def test_the_copy_link_button_on_a_clause_page_copies_the_pages_address(base_url: str, page: Page) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(base_url + "clauses/2-3-2/?h=体检")
    page.get_by_role("button", name="复制这一条的链接").click()
    assert page.evaluate("navigator.clipboard.readText()") == base_url + "clauses/2-3-2/"


def choose_on_staff_page(page: Page, *labels: str) -> None:
    for label in labels:
        page.locator("#snippet-choices label", has_text=label).locator("input").check()


def test_the_chat_snippet_for_two_clauses_uses_the_configured_address(address_url: str, public_address: str,
                                                                      page: Page) -> None:
    page.goto(address_url + "staff/")
    choose_on_staff_page(page, "二（四）6　", "二（一）1　")
    expect(page.locator("#snippet-text")).to_have_value(
        "二（一）1　特别扶助金：每人每月发多少钱\n"
        "建立特别扶助金动态增长机制。\n"
        f"{public_address}clauses/2-1-1/\n"
        "\n"
        "二（四）6　身后事安排：委托殡仪单位，殓殡服务费减免\n"
        "凡本区独生子女伤残、死亡家庭, 家庭成员至少一方为本区户籍的老年人或医学认定身患危重疾病不能逆转的, 凭《上海市计划生育……\n"
        f"{public_address}clauses/2-4-6/\n"
        "\n"
        f"以上出自{NOTICE}。")
    expect(page.locator("#snippet-address")).to_have_text(f"链接用的是本站的网址：{public_address}")


def test_without_a_configured_address_the_snippet_links_where_the_page_was_opened(base_url: str, page: Page) -> None:
    page.goto(base_url + "staff/")
    choose_on_staff_page(page, "三（二）")
    expect(page.locator("#snippet-text")).to_have_value(re.compile(
        rf"^三（二）　注重宣传，营造氛围\n.+\n{re.escape(base_url)}clauses/3-2/\n\n以上出自{re.escape(NOTICE)}。$"))
    expect(page.locator("#snippet-address")).to_contain_text("生成网站时没有填写网址")


def test_the_leaflet_page_prints_the_chosen_clauses_one_per_page(address_url: str, page: Page) -> None:
    page.goto(address_url + "staff/")
    choose_on_staff_page(page, "二（四）6　", "二（一）1　", "二（二）5　")
    page.get_by_role("link", name="把选中的条款打印成宣传页").click()
    expect(page.locator(".leaflet-sheet:visible")).to_have_count(3)
    expect(page.locator(".leaflet-count")).to_have_text("已选 3 条，打印 3 页。")
    shown = page.locator(".leaflet-sheet:visible .sheet-title").all_inner_texts()
    assert [title.split("　")[0] for title in shown] == ["二（一）1", "二（二）5", "二（四）6"]
    assert pdf_pages(page.pdf(format="A4")) == 3
    page.get_by_role("checkbox", name=re.compile("二（二）5")).uncheck()
    assert pdf_pages(page.pdf(format="A4")) == 2


def test_a_clause_pages_link_to_the_leaflet_page_chooses_that_clause(base_url: str, page: Page) -> None:
    page.goto(base_url + "clauses/2-2-5/")
    page.locator(".clause-more").get_by_role("link", name="打印宣传页").click()
    expect(page.get_by_role("checkbox", name=re.compile("二（二）5"))).to_be_checked()
    expect(page.locator(".leaflet-sheet:visible")).to_have_count(1)


def test_clauses_json_pages_open_in_the_browser(base_url: str, page: Page) -> None:
    records = json.loads(page.request.get(base_url + "clauses.json").text())
    for record in records[:3] + records[-2:]:
        page.goto(base_url + record["page"].lstrip("/"))
        expect(page.locator("h1")).to_have_text(f"{record['label']}　{record['title']}")
