"""The answer first (issue 24): one money line and one to three steps made from the result, no 请说明."""

from __future__ import annotations

import json

import pytest

from calculator import evaluate

AS_OF = "2024-06-01"
COUPLE = {"birth_date": "1958-03-01", "family_type": "child_deceased", "songjiang_hukou": True,
          "partner_birth_date": "1960-05-01", "partner_songjiang_hukou": True, "special_assistance_cert": True,
          "as_of": AS_OF}
UNSURE = {"birth_date": "1965-01-01", "family_type": "child_deceased", "songjiang_hukou": None,
          "special_assistance_cert": None, "honor_cert": None, "as_of": AS_OF}
MINHANG = {"birth_date": "1954-03-01", "family_type": "child_deceased", "songjiang_hukou": False, "as_of": AS_OF}
NO_CERT = {**COUPLE, "special_assistance_cert": False}
MOTHER = {"birth_date": "1972-01-10", "family_type": "child_disabled", "songjiang_hukou": True,
          "special_assistance_cert": True, "as_of": AS_OF}
HOUSEHOLDS = {"couple": COUPLE, "unsure": UNSURE, "minhang": MINHANG, "no_cert": NO_CERT, "mother": MOTHER,
              "other family": {"birth_date": "1960-01-01", "family_type": "none", "as_of": AS_OF},
              "young": {"birth_date": "1990-01-01", "family_type": "child_deceased", "songjiang_hukou": True,
                        "as_of": AS_OF}}


@pytest.mark.parametrize("name", list(HOUSEHOLDS))
def test_every_result_has_one_money_line_and_one_to_three_steps_and_no_dead_end(name: str) -> None:
    result = evaluate(HOUSEHOLDS[name])
    steps = result["next_steps"]
    assert steps["money"] and 1 <= len(steps["steps"]) <= 3
    assert "请说明" not in json.dumps(result, ensure_ascii=False)
    assert any("12345" in step or "办事大厅" in step or "服务中心" in step for step in steps["steps"])


def test_the_money_line_is_the_household_total_with_a_partner() -> None:
    assert evaluate(COUPLE)["next_steps"]["money"].startswith("您家每月特别扶助金 1740 元")
    assert evaluate(MOTHER)["next_steps"]["money"].startswith("您每月特别扶助金 660 元")
    assert evaluate(UNSURE)["next_steps"]["money"].startswith("户口在松江区的，您每月特别扶助金 820 元")


def test_without_money_the_line_says_so_with_the_one_reason() -> None:
    assert evaluate(MINHANG)["next_steps"]["money"] == "暂时没有每月的特别扶助金：您的户口不在松江区。"


def test_the_unsure_woman_is_told_to_bring_her_hukou_book_first() -> None:
    first = evaluate(UNSURE)["next_steps"]["steps"][0]
    assert "户口本" in first and "问清" in first and "扶助证" in first


def test_a_couple_without_the_certificate_is_told_to_apply_for_it_first() -> None:
    steps = evaluate(NO_CERT)["next_steps"]["steps"]
    assert steps[0].startswith("先申请扶助证")
    assert "扶助证" not in steps[1]  # the money is applied for with what they have


def test_a_resident_of_another_district_is_sent_to_her_own_district_and_12345() -> None:
    steps = evaluate(MINHANG)["next_steps"]["steps"]
    assert "户口所在区" in steps[0] and "12345" in steps[1]


def test_measures_of_another_family_type_or_age_group_are_set_aside() -> None:
    measures = {m["clause"]: m for m in evaluate(MOTHER)["measures"]}
    for clause in ("2.2.1", "2.2.2", "2.2.5", "2.4.4"):  # 60+, bereaved families' 体检 and adoption
        assert measures[clause]["status"] == "not_eligible" and measures[clause].get("aside") is True


def test_open_questions_the_steps_settle_are_said_once_and_other_questions_come_later() -> None:
    steps = evaluate(UNSURE)["next_steps"]
    assert "要看户口是否在松江区。" in steps["said_once"]
    assert "2.3.2" in steps["later"] and "2.1.1" not in steps["later"]
    assert steps["services"] == ["2.4.9"]
    assert evaluate(COUPLE)["next_steps"]["said_once"] == []


def test_a_family_of_none_of_these_types_with_a_one_time_subsidy_is_told_how_to_apply_for_it() -> None:
    facts = {"birth_date": "1968-03-01", "family_type": "none", "songjiang_hukou": False, "partner_songjiang_hukou": True,
             "honor_cert": True, "child_event": {"kind": "serious_illness", "child_age": 20, "child_married": False},
             "as_of": AS_OF}
    result = evaluate(facts)
    assert [item["clause"] for item in result["one_time_subsidies"]] == ["2.1.4"]
    steps = result["next_steps"]["steps"]
    assert steps[0].startswith("申请一次性补助：通知要求凭光荣证办理。") and "办事大厅" in steps[0], steps
    assert not any("通知的帮扶是给" in step for step in steps)  # it is for them: 3000 元 is theirs
    assert "12345" in steps[-1]
