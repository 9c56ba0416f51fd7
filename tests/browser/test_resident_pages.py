"""Pages built for residents: the form from the first paint, plain words, home, notice, where, read aloud."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_support import DESKTOP, PHONE
from calculator_form_support import ENGINE_LOAD_MS, choose, compute, open_form, type_into
from playwright.sync_api import BrowserContext, Page, expect

from calculator import standards

RESIDENT_PAGES = ["", "notice/", "calculator/", "where/", "amounts/", "family-types/", "themes/", "departments/"]
DEVELOPER_WORDS = re.compile(r"Pyodide|WebAssembly|Worker|JSON|API|Promise|CSV")
# Sums the page's layout shifts not caused by the visitor's own input (what Lighthouse calls CLS).
LAYOUT_SHIFTS = """
window.layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShift += entry.value;
}).observe({ type: "layout-shift", buffered: true });
"""
# A stand-in for the browser's speech synthesis: one voice on the device, one remote; records what is spoken.
SPEECH_STUB = """
window.spoken = [];
const voices = %s;
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
  getVoices: () => voices,
  speak: (utterance) => window.spoken.push({ text: utterance.text, voice: utterance.voice && utterance.voice.name }),
  cancel: () => {},
  addEventListener: () => {},
}});
"""
BOTH_VOICES = '[{name: "云端", lang: "zh-CN", localService: false}, {name: "本机", lang: "zh-CN", localService: true}]'
REMOTE_ONLY = '[{name: "云端", lang: "zh-CN", localService: false}]'


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_the_form_is_there_from_the_first_paint_and_nothing_moves_when_the_engine_is_ready(
        base_url: str, context: BrowserContext, viewport: dict[str, int]) -> None:
    context.add_init_script(LAYOUT_SHIFTS)
    page = context.new_page()
    page.set_viewport_size(viewport)
    page.goto(base_url + "calculator/", wait_until="commit")
    expect(page.get_by_label("出生日期（必填）", exact=True)).to_be_visible()
    page.set_default_timeout(ENGINE_LOAD_MS)
    assert page.evaluate("() => window.policyCalculator.ready.then(() => window.policyCalculator.state)") == "ready"
    expect(page.get_by_role("button", name="开始测算")).to_be_enabled()
    assert page.evaluate("window.layoutShift") <= 0.02


@pytest.mark.browser
def test_the_calculation_date_sits_under_more_options_with_its_own_example(base_url: str, warm_page: Page) -> None:
    page = warm_page
    open_form(page, base_url)
    field = page.get_by_label("计算日期", exact=True)
    expect(field).to_be_hidden()
    page.locator("summary").filter(has_text="更多选项").click()
    expect(field).to_be_visible()
    expect(page.locator("#h-as_of")).to_contain_text("2026年12月15日")


@pytest.mark.browser
@pytest.mark.parametrize("path", RESIDENT_PAGES)
def test_no_resident_page_speaks_the_developers_words(base_url: str, page: Page, path: str) -> None:
    page.goto(base_url + path)
    text = page.locator("body").inner_text()
    assert not DEVELOPER_WORDS.search(text), DEVELOPER_WORDS.search(text)


@pytest.mark.browser
def test_the_developer_documentation_has_a_page_of_its_own_linked_from_the_staff_page(base_url: str, page: Page) -> None:
    page.goto(base_url + "staff/")
    page.get_by_role("link", name="给开发者").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("给开发者")
    expect(page.locator("main")).to_contain_text("window.policyCalculator")


@pytest.mark.browser
def test_home_leads_with_the_headline_amounts_from_the_parameter_files(base_url: str, page: Page) -> None:
    page.goto(base_url)
    monthly = next(table for table in standards() if table["clause"] == "2.1.1")["values"][-1]
    first_door = page.locator(".home-doors h2").first
    expect(first_door).to_have_text("查一查我家有哪些扶助")
    door = page.locator(".home-doors")
    for family, label in (("child_deceased", "独生子女死亡家庭"), ("child_disabled", "独生子女伤残家庭")):
        amounts = [f"{row['amount']}\u00a0元" for row in monthly[family]]
        line = door.locator("li").filter(has_text=label)
        for amount in amounts:
            expect(line).to_contain_text(amount)
    expect(door).to_contain_text("本站核对到 2020年12月1日")
    expect(door.get_by_role("link", name="开始自助测算")).to_be_visible()


@pytest.mark.browser
@pytest.mark.parametrize(("viewport", "open_"), [(PHONE, False), (DESKTOP, True)], ids=["390px", "1280px"])
def test_the_notice_opens_with_its_title_and_contents_and_folds_staff_tools_on_phones(
        base_url: str, page: Page, viewport: dict[str, int], open_: bool) -> None:
    page.set_viewport_size(viewport)
    page.goto(base_url + "notice/")
    expect(page.locator("article h1").first).to_have_text("松江区关于进一步加强计划生育特殊困难家庭扶助工作的通知")
    contents = page.get_by_role("navigation", name="通知目录")
    expect(contents.get_by_role("link")).to_have_count(3 + 4)
    for link in contents.get_by_role("link").all():
        target = link.get_attribute("href")
        expect(page.locator(target)).to_have_count(1)
    tools = page.locator("#c-2-4-6 ~ .clause-meta details.clause-staff").first
    expect(tools).to_have_js_property("open", open_)
    expect(page.locator("#c-2-4-6 ~ .clause-meta .clause-departments").first).to_be_visible()


@pytest.mark.browser
def test_where_names_office_types_what_to_bring_and_12345_and_no_made_up_contact(base_url: str, page: Page) -> None:
    page.goto(base_url + "where/")
    main = page.locator("main")
    expect(main).to_contain_text("12345 市民服务热线")
    expect(page.locator("#place-street-centre")).to_have_text("街道（镇）的办事大厅")
    measure = page.locator("#m-2-4-6 + ul")
    expect(measure).to_contain_text("负责部门（通知写明）：区民政局")
    expect(measure).to_contain_text("《上海市计划生育家庭特别扶助证》（通知要求）")
    assert not re.search(r"\d{3,4}-\d{7,8}|\d{8}", main.inner_text().replace("12345", ""))


@pytest.mark.browser
def test_read_aloud_speaks_a_clause_with_a_voice_on_the_device_only(base_url: str, context: BrowserContext) -> None:
    context.add_init_script(SPEECH_STUB % BOTH_VOICES)
    page = context.new_page()
    page.goto(base_url + "notice/")
    button = page.locator("#t-c-2-4-6 + .read-aloud-line .read-aloud, #t-c-2-4-6 ~ .read-aloud-line .read-aloud").first
    expect(button).to_be_visible()
    button.click()
    spoken = page.evaluate("window.spoken")
    assert len(spoken) == 1 and spoken[0]["voice"] == "本机"
    assert "凡本区独生子女伤残、死亡家庭" in spoken[0]["text"] and spoken[0]["text"].endswith("（区民政局负责）")


@pytest.mark.browser
def test_without_a_voice_on_the_device_there_is_no_read_aloud_button(base_url: str, context: BrowserContext) -> None:
    context.add_init_script(SPEECH_STUB % REMOTE_ONLY)
    page = context.new_page()
    page.goto(base_url + "notice/")
    expect(page.locator(".read-aloud").first).to_be_attached()
    expect(page.locator(".read-aloud:visible")).to_have_count(0)


@pytest.mark.browser
def test_read_aloud_speaks_the_results_summary(base_url: str, warm_page: Page) -> None:
    page = warm_page  # the engine already on the device: this is about what is read, not how it loads
    page.add_init_script(SPEECH_STUB % BOTH_VOICES)
    open_form(page, base_url)
    type_into(page, "出生日期（必填）", "1958-03-01")
    choose(page, "家庭类别（必填）", "独生子女死亡家庭")
    choose(page, "户口在松江区", "是")
    type_into(page, "计算日期", "2024-06-01")
    results = compute(page)
    results.get_by_role("button", name="朗读").click()
    spoken = page.evaluate("window.spoken")
    assert spoken[0]["voice"] == "本机" and "每月 870" in spoken[0]["text"] and "朗读" not in spoken[0]["text"]
