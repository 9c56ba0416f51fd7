"""The examples of the issue "Results that never say more than they know", one test each.

Every sentence true of the facts given; an unanswered question stays unanswered; contradictions are
refused; amounts say where they come from and how current they are; hostile input gets Chinese.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from calculator import FactsError, evaluate
from calculator.worker import evaluate_json, evaluate_many_json


def measure(result: dict[str, Any], clause: str) -> dict[str, Any]:
    return next(item for item in result["measures"] if item["clause"] == clause)


def all_reasons(result: dict[str, Any]) -> str:
    return "\n".join(reason for item in result["measures"] for reason in item["reasons"])


def errors_of(facts: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(FactsError) as raised:
        evaluate(facts)
    return {error["field"]: error["message"] for error in raised.value.errors}


STARTING_FORM = {"birth_date": "1960-01-01", "family_type": "child_deceased", "honor_cert": True, "as_of": "2026-01-01"}


def test_the_form_s_starting_state_never_reads_none_yuan() -> None:
    result = evaluate(STARTING_FORM)
    for clause in ("2.1.2", "2.1.3"):
        item = measure(result, clause)
        assert item["status"] == "needs_assessment"
        assert not any("None" in reason or "元" in reason for reason in item["reasons"])


@pytest.mark.parametrize("changes", [{"family_type": "none"}, {"songjiang_hukou": False}, {"songjiang_hukou": None}],
                         ids=["family-of-neither-type", "not-songjiang-hukou", "hukou-not-answered"])
def test_only_a_parent_meeting_every_condition_is_called_a_recipient(changes: dict[str, Any]) -> None:
    result = evaluate({"birth_date": "1970-01-01", "family_type": "child_deceased", "as_of": "2026-01-01", **changes})
    assert result["age"] == 56
    assert "特别扶助对象" not in "".join(measure(result, "2.1.1")["reasons"])
    assert "属于计划生育特别扶助对象" not in all_reasons(result)


def test_a_recipient_is_told_so_with_the_amount_and_its_source() -> None:
    result = evaluate({"birth_date": "1970-01-01", "family_type": "child_deceased", "as_of": "2026-01-01",
                       "songjiang_hukou": True})
    reasons = "".join(measure(result, "2.1.1")["reasons"])
    assert any("是特别扶助对象（" in sentence for sentence in result["about"])
    assert "按规定每人每月 820 元（以审核为准）。标准：沪卫规〔2019〕6号，2019年1月1日起。" in reasons


def test_an_unanswered_hukou_is_not_paid_but_said_conditionally() -> None:
    result = evaluate({**STARTING_FORM, "songjiang_hukou": None})
    item = measure(result, "2.1.1")
    assert (result["monthly_special_assistance"], result["possible_monthly"]) == (0, 870)
    assert item["status"] == "needs_assessment" and item["possible_amount"] == 870 and "amount" not in item
    assert item["to_settle"] == ["要看户口是否在松江区。"]
    assert "您还没有说户口是否在松江区，多数帮扶要看这一点。" in result["about"]
    assert any(reason.startswith("户口在松江区的，按规定每人每月 870 元") for reason in item["reasons"])


def test_a_left_out_honour_certificate_is_asked_about_not_answered_for_the_resident() -> None:
    facts = {"birth_date": "1960-01-01", "family_type": "child_deceased", "as_of": "2026-01-01", "songjiang_hukou": True,
             "child_event": {"kind": "accidental_death", "child_age": 20}}
    item = measure(evaluate(facts), "2.1.3")
    assert item["status"] == "needs_assessment" and item["possible_amount"] == 5000
    assert not any("您填写的是" in reason or "您选的是" in reason for reason in item["reasons"])
    assert "这项补助要凭光荣证办理，要看有没有光荣证。" in item["reasons"]
    assert any(reason.startswith("条件都符合的，按规定一次性补助 5000 元") for reason in item["reasons"])
    assert evaluate(facts)["one_time_subsidies"] == []


@pytest.mark.parametrize(("facts", "field", "words"), [
    ({"family_type": "child_disabled", "child_event": {"kind": "accidental_death", "child_age": 20}},
     "child_event.kind", "独生子女死亡家庭"),
    ({"family_type": "child_deceased", "child_event": {"kind": "accidental_disability", "child_age": 20}},
     "child_event.kind", "因病去世"),
    ({"family_type": "child_deceased", "child_event": {"kind": "none"}}, "child_event.kind", "意外去世"),
    ({"family_type": "none", "child_event": {"kind": "illness_death", "child_age": 20}}, "child_event.kind", "独生子女死亡家庭"),
    ({"wants_another_child": True, "child_event": {"kind": "accidental_death", "child_age": 10, "pledge_no_more_children": True}},
     "wants_another_child", "不再生育"),
    ({"wants_to_adopt": True, "child_event": {"kind": "accidental_death", "child_age": 10, "pledge_no_more_children": True}},
     "wants_to_adopt", "不再生育"),
    ({"birth_date": "1970-01-01", "child_event": {"kind": "accidental_death", "child_age": 50}}, "child_event.child_age", "16 周岁"),
    ({"birth_date": "2015-01-01"}, "birth_date", "不像是独生子女死亡家庭的父母"),
    ({"partner_birth_date": "2015-01-01"}, "partner_birth_date", "配偶出生日期"),
    ({"child_event": {"kind": "accidental_death", "child_age": 20, "date": "2026-02-01"}}, "child_event.date", "不能晚于"),
    ({"child_event": {"kind": "accidental_death", "child_age": 20, "date": "1950-01-01"}}, "child_event.date", "出生日期"),
    ({"child_event": {"kind": "accidental_death", "child_age": 40, "date": "2000-01-01"}}, "child_event.child_age", "发生日期"),
    ({"family_type": "none", "child_event": {"kind": "none", "child_age": 3}}, "child_event.child_age", "不用填"),
], ids=["disabled-family-child-died", "deceased-family-child-disabled", "deceased-family-nothing-happened",
        "neither-family-child-died", "pledge-and-another-child", "pledge-and-adoption", "parent-56-child-50",
        "parent-who-is-a-child", "partner-who-is-a-child", "event-after-as-of", "event-before-parent-born",
        "child-too-old-on-the-event-date", "age-given-when-nothing-happened"])
def test_contradictions_are_refused_on_the_field_that_conflicts(facts: dict[str, Any], field: str, words: str) -> None:
    base = {"birth_date": "1960-01-01", "family_type": "child_deceased", "as_of": "2026-01-01", "songjiang_hukou": True}
    errors = errors_of({**base, **facts})
    assert field in errors, errors
    assert words in errors[field]


def test_nothing_happened_is_distinct_from_not_answered() -> None:
    base = {"birth_date": "1960-01-01", "family_type": "child_disabled", "as_of": "2026-01-01", "songjiang_hukou": True,
            "honor_cert": True}
    said_none = evaluate({**base, "child_event": {"kind": "none"}})
    unanswered = evaluate(base)
    for clause in ("2.1.2", "2.1.3", "2.1.4"):
        assert measure(said_none, clause)["status"] == "not_eligible"
        assert measure(unanswered, clause)["status"] == "needs_assessment"


def test_the_event_date_decides_the_one_time_standard() -> None:
    base = {"birth_date": "1960-01-01", "family_type": "child_deceased", "as_of": "2026-01-01", "songjiang_hukou": True,
            "honor_cert": True}
    dated = evaluate({**base, "child_event": {"kind": "accidental_death", "child_age": 30, "date": "2022-05-01"}})
    assert dated["one_time_subsidies"] == [{"clause": "2.1.3", "amount": 5000, "per": "family",
                                           "source": "沪松卫规〔2020〕2号（依据沪松卫规〔2020〕1号）", "since": "2020-12-01"}]
    early = evaluate({**base, "child_event": {"kind": "accidental_death", "child_age": 30, "date": "2019-05-01"}})
    assert measure(early, "2.1.3")["status"] == "needs_assessment" and early["one_time_subsidies"] == []
    assert any("2019年5月1日" in reason and "区卫生健康委" in reason for reason in measure(early, "2.1.3")["reasons"])


def test_a_result_after_the_review_date_says_the_standard_may_have_been_raised() -> None:
    result = evaluate({"birth_date": "1964-06-01", "family_type": "child_deceased", "as_of": "2026-01-01",
                       "songjiang_hukou": True})
    assert result["amounts_notice"]["reviewed"] == "2020-12-01"
    assert "2020年12月1日" in result["amounts_notice"]["text"] and "动态增长机制" in result["amounts_notice"]["text"]
    reasons = "".join(measure(result, "2.1.1")["reasons"])
    assert "您 2034年6月1日满 70 周岁。满 70 周岁后，按现行标准每月 920 元（以审核为准）。" in reasons
    on_review_day = evaluate({"birth_date": "1964-06-01", "family_type": "child_deceased", "as_of": "2020-12-01"})
    assert on_review_day["amounts_notice"] is None


def test_the_age_is_said_against_the_calculation_date_when_it_is_not_today() -> None:
    result = evaluate({"birth_date": "1960-01-01", "family_type": "child_deceased", "as_of": "2026-01-01"})
    about = "".join(result["about"])
    assert "按计算日期（2026年1月1日），您 66 周岁（生日当天起长一岁）。" in about and "您现在" not in about
    assert "周岁" not in all_reasons(result).replace("49周岁", "").replace("60周岁", "")


def test_the_age_is_said_as_now_about_today() -> None:
    about = "".join(evaluate({"birth_date": "1960-01-01", "family_type": "child_deceased"})["about"])
    assert "您现在" in about and "按计算日期" not in about


def test_dates_before_the_notice_are_refused_for_every_measure_alike() -> None:
    errors = errors_of({"birth_date": "1960-01-01", "family_type": "child_deceased", "as_of": "2020-11-30"})
    assert "2020年12月1日" in errors["as_of"]


# -- Readings the review found doubtful -------------------------------------------------------------

def test_a_household_qualifies_for_minimum_living_allowance_through_a_songjiang_partner_recipient() -> None:
    base = {"birth_date": "1980-01-01", "family_type": "child_deceased", "as_of": "2026-01-01", "songjiang_hukou": False,
            "partner_birth_date": "1960-01-01", "low_income": True, "special_assistance_cert": True}
    assert measure(evaluate({**base, "partner_songjiang_hukou": True}), "2.2.3")["status"] == "needs_assessment"
    partner_says = evaluate({**base, "partner_songjiang_hukou": True})
    assert "您的配偶户口在松江区。" in partner_says["about"]  # said once, at the top
    assert "您的配偶已满 49 周岁。" in measure(partner_says, "2.2.3")["reasons"]
    assert measure(evaluate({**base, "partner_songjiang_hukou": False}), "2.2.3")["status"] == "not_eligible"
    unknown = measure(evaluate(base), "2.2.3")
    assert unknown["status"] == "needs_assessment" and any("要看配偶的户口" in r for r in unknown["reasons"])


@pytest.mark.parametrize("cert", [None, False])
def test_parents_under_49_are_not_told_to_apply_for_the_certificate(cert: bool | None) -> None:
    facts = {"birth_date": "1985-01-01", "family_type": "child_deceased", "as_of": "2026-01-01", "songjiang_hukou": True,
             "partner_birth_date": "1986-01-01", "special_assistance_cert": cert}
    result = evaluate(facts)
    assert "先到办事大厅申请" not in all_reasons(result)
    assert measure(result, "2.3.3")["status"] == "not_eligible"
    assert any("都还不满49周岁" in reason for reason in measure(result, "2.3.3")["reasons"])


def test_a_parent_of_49_without_the_certificate_is_told_to_apply_for_it() -> None:
    facts = {"birth_date": "1970-01-01", "family_type": "child_deceased", "as_of": "2026-01-01", "songjiang_hukou": True,
             "special_assistance_cert": False}
    item = measure(evaluate(facts), "2.3.3")
    assert item["status"] == "needs_assessment" and "还没有扶助证的，请先到办事大厅申请。" in item["reasons"]


# -- Hostile input -----------------------------------------------------------------------------------

@pytest.mark.parametrize("function", [evaluate_json, evaluate_many_json], ids=["evaluate_json", "evaluate_many_json"])
def test_deep_nesting_is_a_chinese_facts_error_not_a_recursion_error(function: Any) -> None:
    answer = json.loads(function("[" * 100_000))
    assert answer["errors"][0]["field"] == "facts" and "嵌套" in answer["errors"][0]["message"]


def test_nesting_inside_strings_does_not_count() -> None:
    facts = {"birth_date": "1960-01-01", "family_type": "none", "as_of": "2026-01-01", "[" * 50: 1}
    answer = json.loads(evaluate_json(json.dumps(facts)))
    assert answer["errors"][0]["message"].startswith("无法识别“[[[[")


def test_a_repeated_key_is_refused() -> None:
    answer = json.loads(evaluate_json('{"birth_date":"1960-01-01","family_type":"none","family_type":"child_deceased"}'))
    assert answer == {"errors": [{"field": "facts", "message": "“family_type”这一项出现了不止一次，请只保留一个"}]}


def test_a_huge_unknown_key_is_echoed_only_as_a_short_prefix() -> None:
    answer = evaluate_json(json.dumps({"birth_date": "1960-01-01", "family_type": "none", "x" * 100_000: True}))
    assert len(answer) < 1_000 and "x" * 20 + "…" in answer


def test_many_unknown_keys_are_listed_up_to_five() -> None:
    facts = {"birth_date": "1960-01-01", "family_type": "none", **{f"k{n}": 1 for n in range(1000)}}
    errors = json.loads(evaluate_json(json.dumps(facts)))["errors"]
    assert len(errors) == 6 and "还有 995 项" in errors[-1]["message"]


def test_full_width_digits_a_byte_order_mark_and_chinese_dates_are_accepted() -> None:
    text = "\ufeff" + json.dumps({"birth_date": "１９６０年１月１日", "family_type": "none", "as_of": "２０２６－０１－０１"},
                                 ensure_ascii=False)
    assert json.loads(evaluate_json(text))["ok"]["age"] == 66
