"""The calculator form, filled as a person would: the results on the page match CPython's calculator."""

from __future__ import annotations

import pytest
from calculator_form_support import (
    ENGINE_LOAD_MS, choose, compute, expect_groups_as_in_python, open_form, open_more_questions,
    python_result, type_into)
from playwright.sync_api import BrowserContext, Page, Route, expect


# These tests check what the page shows with the engine's answers, not how the engine loads: `page` is a
# new tab in the warm context (conftest.py), whose engine starts from the snapshot already on the device.
@pytest.fixture
def page(warm_page: Page) -> Page:
    return warm_page


@pytest.mark.browser
def test_a_bereaved_couple_of_66_and_64_receive_870_each_1740_a_month_and_20880_a_year(base_url: str, page: Page) -> None:
    open_form(page, base_url)
    type_into(page, "出生日期（必填）", "1958年3月1日")
    choose(page, "家庭类别（必填）", "独生子女死亡家庭")
    choose(page, "户口在松江区", "是")
    type_into(page, "配偶出生日期", "1960.5.1")
    choose(page, "配偶户口在松江区", "是")
    choose(page, "持有《上海市计划生育家庭特别扶助证》", "是")
    choose(page, "独居", "否")
    type_into(page, "计算日期", "2024-06-01")
    results = compute(page)
    money = results.locator(".calc-money li")
    expect(money).to_have_text(["您本人（66 周岁）：每月 870\u00a0元", "您 2028年3月1日满 70 周岁。满 70 周岁后，按现行标准每月 920\u00a0元",
                                "您的配偶（64 周岁）：每月 870\u00a0元", "您的配偶 2030年5月1日满 70 周岁。满 70 周岁后，按现行标准每月 920\u00a0元",
                                "全家每月 1740\u00a0元；按本月标准 × 12，为 20880\u00a0元"])
    expect(results).to_contain_text("按计算日期（2024年6月1日），您 66 周岁（生日当天起长一岁）。")
    expect(results).to_contain_text("测算结果仅供参考，以街镇和有关部门审核为准。")
    expect(results).to_contain_text("沪卫规〔2019〕6号，2019年1月1日起的标准")
    expect(results.locator(".calc-currency")).to_contain_text("本站的金额标准核对到 2020年12月1日")
    facts = {"as_of": "2024-06-01", "birth_date": "1958-03-01", "family_type": "child_deceased",
             "partner_birth_date": "1960-05-01", "partner_songjiang_hukou": True, "special_assistance_cert": True,
             "songjiang_hukou": True, "lives_alone": False}  # every 不清楚 is null: the same as left out
    wanted = python_result(facts)
    assert (wanted["household_monthly"], wanted["household_monthly_times_12"]) == (1740, 20880)
    expect_groups_as_in_python(results, wanted)
    link = results.get_by_role("link", name="特别扶助金：每人每月发多少钱").first
    expect(link).to_have_attribute("href", "../notice/#c-2-1-1")
    results.locator("summary").filter(has_text="测算时用到的理解").click()
    expect(results.get_by_role("link", name="年龄按计算当天的周岁算")).to_have_attribute("href", "../assumptions/#age-zhousui")


@pytest.mark.browser
def test_a_55_year_old_parent_of_a_disabled_child_receives_660_and_710_from_60(base_url: str, page: Page) -> None:
    open_form(page, base_url)
    type_into(page, "出生日期（必填）", "1969-01-01")
    choose(page, "家庭类别（必填）", "独生子女伤残家庭")
    choose(page, "户口在松江区", "是")
    type_into(page, "计算日期", "2024年6月1日")
    results = compute(page)
    expect(results.locator(".calc-money li").first).to_have_text("您本人（55 周岁）：每月 660\u00a0元")
    expect(results).to_contain_text("您 2029年1月1日满 60 周岁。满 60 周岁后，按现行标准每月 710\u00a0元")
    expect(results).to_contain_text("全家每月 660\u00a0元；按本月标准 × 12，为 7920\u00a0元")
    expect_groups_as_in_python(results, python_result(
        {"as_of": "2024-06-01", "birth_date": "1969-01-01", "family_type": "child_disabled", "songjiang_hukou": True}))


@pytest.mark.browser
def test_a_parent_without_songjiang_hukou_is_told_the_monthly_assistance_does_not_apply(base_url: str, page: Page) -> None:
    open_form(page, base_url)
    type_into(page, "出生日期（必填）", "1955-08-20")
    choose(page, "家庭类别（必填）", "独生子女死亡家庭")
    choose(page, "户口在松江区", "否")
    type_into(page, "计算日期", "2024-06-01")
    results = compute(page)
    expect(results.locator(".calc-money li").first).to_have_text("您本人（68 周岁）：按您说的情况，暂时没有每月的特别扶助金")
    expect(results).not_to_contain_text("全家每月 0\u00a0元")  # no zero totals: the top says why
    expect(results.locator(".calc-context")).to_contain_text("您户口所在的区有什么帮扶，可以拨打 12345 市民服务热线问一问。")
    wanted = python_result({"as_of": "2024-06-01", "birth_date": "1955-08-20", "family_type": "child_deceased",
                            "songjiang_hukou": False})
    assert wanted["monthly_special_assistance"] == 0
    expect_groups_as_in_python(results, wanted)


@pytest.mark.browser
def test_an_accident_before_16_with_the_pledge_brings_the_one_time_subsidy_of_2_1_2(base_url: str, page: Page) -> None:
    open_form(page, base_url)
    type_into(page, "出生日期（必填）", "1969-01-01")
    choose(page, "家庭类别（必填）", "独生子女伤残家庭")
    choose(page, "户口在松江区", "是")
    choose(page, "持有《独生子女父母光荣证》", "是")
    choose(page, "独生子女发生的情况", "有，请填写下面几项")
    choose(page, "发生了什么（必填）", "意外伤残")
    type_into(page, "子女当时的年龄（周岁）（必填）", "12")
    choose(page, "夫妻承诺不再生育和收养子女", "是")
    type_into(page, "计算日期", "2024-06-01")
    results = compute(page)
    wanted = python_result({"as_of": "2024-06-01", "birth_date": "1969-01-01", "family_type": "child_disabled",
                            "songjiang_hukou": True, "honor_cert": True, "child_event": {"kind": "accidental_disability", "child_age": 12,
                                                                "pledge_no_more_children": True}})
    assert [item["clause"] for item in wanted["one_time_subsidies"]] == ["2.1.2"]
    amount = wanted["one_time_subsidies"][0]["amount"]
    expect(results.locator(".calc-one-time li")).to_contain_text(f"孩子未满16周岁时意外伤残或去世：一次性补助：一次性 {amount}\u00a0元（每户一次")
    expect_groups_as_in_python(results, wanted)


@pytest.mark.browser
def test_a_family_of_none_of_these_types_is_asked_the_partner_s_hukou_which_decides_2_1_4(base_url: str,
                                                                                          page: Page) -> None:
    open_form(page, base_url)
    type_into(page, "出生日期（必填）", "1968-03-01")
    choose(page, "家庭类别（必填）", "以上都不是")
    choose(page, "户口在松江区", "否")
    choose(page, "配偶户口在松江区", "是")
    choose(page, "持有《独生子女父母光荣证》", "是")
    choose(page, "独生子女发生的情况", "有，请填写下面几项")
    choose(page, "发生了什么（必填）", "患大病重病")
    type_into(page, "子女当时的年龄（周岁）（必填）", "20")
    choose(page, "子女当时是否已婚", "否")
    type_into(page, "计算日期", "2024-06-01")
    results = compute(page)
    wanted = python_result({"as_of": "2024-06-01", "birth_date": "1968-03-01", "family_type": "none",
                            "songjiang_hukou": False, "partner_songjiang_hukou": True, "honor_cert": True,
                            "child_event": {"kind": "serious_illness", "child_age": 20, "child_married": False}})
    assert [item["clause"] for item in wanted["one_time_subsidies"]] == ["2.1.4"]  # the partner's 户口 counts
    expect(results.locator(".calc-one-time li")).to_contain_text("一次性 3000\u00a0元")
    expect_groups_as_in_python(results, wanted)


@pytest.mark.browser
def test_questions_appear_only_when_they_matter(base_url: str, page: Page) -> None:
    open_form(page, base_url)
    partner = page.get_by_label("配偶出生日期", exact=True)
    inheritance = page.get_by_role("group", name="需要办理子女房产的继承或过户")
    expect(partner).to_be_hidden()
    choose(page, "家庭类别（必填）", "以上都不是")
    expect(partner).to_be_hidden()  # the partner's amount is for special families only ...
    # ... but a family's one-time subsidies (2.1.2–2.1.4) count either spouse's 户口, whatever the type.
    expect(page.get_by_role("group", name="配偶户口在松江区", exact=True)).to_be_visible()
    choose(page, "家庭类别（必填）", "独生子女伤残家庭")
    expect(partner).to_be_visible()
    expect(inheritance).to_be_hidden()
    choose(page, "家庭类别（必填）", "独生子女死亡家庭")
    open_more_questions(page)  # asked after 开始测算, folded (issue 24)
    expect(inheritance).to_be_visible()
    expect(page.get_by_label("子女当时的年龄（周岁）（必填）")).to_be_hidden()
    choose(page, "独生子女发生的情况", "有，请填写下面几项")
    expect(page.get_by_role("group", name="发生了什么（必填）")).to_be_visible()
    expect(page.get_by_label("子女当时的年龄（周岁）（必填）")).to_be_hidden()  # asked once the kind is known
    choose(page, "发生了什么（必填）", "意外去世")
    expect(page.get_by_label("子女当时的年龄（周岁）（必填）")).to_be_visible()
    expect(page.get_by_label("发生日期", exact=True)).to_be_visible()
    choose(page, "独生子女发生的情况", "没有发生这些情况")
    expect(page.get_by_role("group", name="发生了什么（必填）")).to_be_hidden()


@pytest.mark.browser
def test_the_form_works_by_keyboard_alone(base_url: str, page: Page) -> None:
    open_form(page, base_url)
    page.get_by_label("出生日期（必填）", exact=True).focus()
    page.keyboard.type("1958-03-01")
    page.keyboard.press("Tab")  # into the family-type radios
    page.keyboard.press("Space")
    expect(page.get_by_role("radio", name="独生子女死亡家庭")).to_be_checked()
    type_into(page, "计算日期", "2024-06-01")
    page.keyboard.press("Enter")  # submits the form from the text field
    expect(page.get_by_role("heading", name="测算结果")).to_be_focused(timeout=ENGINE_LOAD_MS)
    expect(page.locator("#calc-results")).to_contain_text("户口都在松江区的，全家每月 870\u00a0元")


@pytest.mark.browser
def test_an_answer_asked_for_before_the_engine_is_ready_is_computed_once_it_is(base_url: str,
                                                                             context: BrowserContext) -> None:
    page = context.new_page()  # a first visit: the engine loads from the server, held back below
    held: list[Route] = []
    context.route("**/*.whl", lambda route: held.append(route))
    with page.expect_request("**/*.whl"):
        open_form(page, base_url)
    type_into(page, "出生日期（必填）", "1958-03-01")
    choose(page, "家庭类别（必填）", "独生子女死亡家庭")
    type_into(page, "计算日期", "2024-06-01")
    page.get_by_role("button", name="开始测算").click()
    expect(page.locator("#calc-status")).to_contain_text("计算工具还在准备")
    held[0].continue_()
    expect(page.get_by_role("heading", name="测算结果")).to_be_visible(timeout=ENGINE_LOAD_MS)
    expect(page.locator("#calc-results")).to_contain_text("户口都在松江区的，全家每月 870\u00a0元")


@pytest.mark.browser
def test_hukou_and_the_certificates_start_unanswered_and_an_unknown_hukou_is_never_read_as_no(
        base_url: str, page: Page) -> None:
    open_form(page, base_url)
    for name in ("户口在松江区", "持有《上海市计划生育家庭特别扶助证》", "持有《独生子女父母光荣证》", "独生子女发生的情况"):
        for answer in page.get_by_role("group", name=name, exact=True).get_by_role("radio").all():
            expect(answer).not_to_be_checked()
    type_into(page, "出生日期（必填）", "1958-03-01")
    choose(page, "家庭类别（必填）", "独生子女死亡家庭")
    choose(page, "户口在松江区", "不清楚")
    type_into(page, "计算日期", "2024-06-01")
    results = compute(page)
    expect(results.locator(".calc-money li").first).to_have_text("您本人（66 周岁）：户口在松江区的，每月 870\u00a0元")
    expect(results).not_to_contain_text("暂时没有每月的特别扶助金")
    expect(results.locator(".calc-context")).to_contain_text("您还没有说户口是否在松江区，多数帮扶要看这一点。")
    expect_groups_as_in_python(results, python_result(
        {"as_of": "2024-06-01", "birth_date": "1958-03-01", "family_type": "child_deceased", "songjiang_hukou": None}))


@pytest.mark.browser
def test_a_child_who_died_of_an_illness_and_nothing_happened_can_both_be_said(base_url: str, page: Page) -> None:
    open_form(page, base_url)
    type_into(page, "出生日期（必填）", "1958-03-01")
    choose(page, "家庭类别（必填）", "以上都不是")
    choose(page, "独生子女发生的情况", "没有发生这些情况")
    type_into(page, "计算日期", "2024-06-01")
    results = compute(page)
    wanted = python_result({"as_of": "2024-06-01", "birth_date": "1958-03-01", "family_type": "none",
                            "child_event": {"kind": "none"}})
    assert {m["clause"]: m["status"] for m in wanted["measures"] if m["clause"] in ("2.1.2", "2.1.3", "2.1.4")} == \
        dict.fromkeys(("2.1.2", "2.1.3", "2.1.4"), "not_eligible")
    expect_groups_as_in_python(results, wanted)
    choose(page, "家庭类别（必填）", "独生子女死亡家庭")
    choose(page, "独生子女发生的情况", "有，请填写下面几项")
    choose(page, "发生了什么（必填）", "因病去世")
    type_into(page, "子女当时的年龄（周岁）（必填）", "30")
    results = compute(page)
    expect_groups_as_in_python(results, python_result(
        {"as_of": "2024-06-01", "birth_date": "1958-03-01", "family_type": "child_deceased",
         "child_event": {"kind": "illness_death", "child_age": 30}}))
