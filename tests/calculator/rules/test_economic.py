"""Clauses 2.1.1–2.1.4 (经济扶助): legal cases as data, each named by a full sentence."""

from __future__ import annotations

from typing import Any

import pytest

from calculator import evaluate

BASE: dict[str, Any] = {"as_of": "2024-06-01", "birth_date": "1960-01-01", "family_type": "child_deceased",
                        "songjiang_hukou": True, "special_assistance_cert": True, "honor_cert": True}


def facts(**changes: Any) -> dict[str, Any]:
    return {**BASE, **changes}


def event(kind: str = "accidental_death", child_age: int = 20, **more: Any) -> dict[str, Any]:
    return {"kind": kind, "child_age": child_age, **more}


# (name, facts, expected monthly amount, expected 2.1.1 status)
MONTHLY_CASES = [
    ("A child_deceased parent the day before their 49th birthday receives nothing yet",
     facts(birth_date="1975-06-02"), 0, "not_eligible"),
    ("A child_deceased parent receives 820 yuan from the day of their 49th birthday",
     facts(birth_date="1975-06-01"), 820, "eligible"),
    ("A child_deceased parent the day before their 60th birthday still receives 820 yuan",
     facts(birth_date="1964-06-02"), 820, "eligible"),
    ("A 60-year-old parent in a child_deceased family receives 870 yuan from the 60th birthday",
     facts(birth_date="1964-06-01"), 870, "eligible"),
    ("A child_deceased parent the day before their 70th birthday still receives 870 yuan",
     facts(birth_date="1954-06-02"), 870, "eligible"),
    ("A child_deceased parent receives 920 yuan from the day of their 70th birthday",
     facts(birth_date="1954-06-01"), 920, "eligible"),
    ("A child_disabled parent the day before their 49th birthday receives nothing yet",
     facts(family_type="child_disabled", birth_date="1975-06-02"), 0, "not_eligible"),
    ("A child_disabled parent receives 660 yuan from the day of their 49th birthday",
     facts(family_type="child_disabled", birth_date="1975-06-01"), 660, "eligible"),
    ("A child_disabled parent the day before their 60th birthday still receives 660 yuan",
     facts(family_type="child_disabled", birth_date="1964-06-02"), 660, "eligible"),
    ("A child_disabled parent receives 710 yuan from the day of their 60th birthday",
     facts(family_type="child_disabled", birth_date="1964-06-01"), 710, "eligible"),
    ("A child_disabled parent the day before their 70th birthday still receives 710 yuan",
     facts(family_type="child_disabled", birth_date="1954-06-02"), 710, "eligible"),
    ("A child_disabled parent receives 760 yuan from the day of their 70th birthday",
     facts(family_type="child_disabled", birth_date="1954-06-01"), 760, "eligible"),
    ("A parent born on 29 February is still 48 on 28 February of a common year",
     facts(as_of="2021-02-28", birth_date="1972-02-29"), 0, "not_eligible"),
    ("A parent born on 29 February reaches 49 on 1 March of a common year and receives 820 yuan",
     facts(as_of="2021-03-01", birth_date="1972-02-29"), 820, "eligible"),
    ("A parent born on 29 February reaches 60 on 29 February of a leap year",
     facts(as_of="2024-02-29", birth_date="1964-02-29"), 870, "eligible"),
    ("A parent born on 29 February is still 69 on 28 February 2030 and receives 870 yuan",
     facts(as_of="2030-02-28", birth_date="1960-02-29"), 870, "eligible"),
    ("A parent born on 29 February reaches 70 on 1 March 2030 and receives 920 yuan",
     facts(as_of="2030-03-01", birth_date="1960-02-29"), 920, "eligible"),
    ("A parent without 本区户籍 receives nothing under 2.1.1",
     facts(songjiang_hukou=False), 0, "not_eligible"),
    ("A parent in a family of neither type receives nothing under 2.1.1",
     facts(family_type="none"), 0, "not_eligible"),
    ("A parent without the special assistance certificate is still shown the amount",
     facts(special_assistance_cert=False), 870, "eligible"),
    ("On the notice's own date, 1 December 2020, the 2019 standard applies",
     facts(as_of="2020-12-01", birth_date="1950-12-01"), 920, "eligible"),
    ("A parent who did not say whether they are 本区户籍 has no established amount",
     facts(songjiang_hukou=None), 0, "needs_assessment"),
]


def measure(result: dict[str, Any], clause: str) -> dict[str, Any]:
    return next(item for item in result["measures"] if item["clause"] == clause)


@pytest.mark.parametrize(("given", "amount", "status"), [case[1:] for case in MONTHLY_CASES],
                         ids=[case[0] for case in MONTHLY_CASES])
def test_monthly_special_assistance(given: dict[str, Any], amount: int, status: str) -> None:
    result = evaluate(given)
    assert result["monthly_special_assistance"] == amount
    assert measure(result, "2.1.1")["status"] == status
    assert measure(result, "2.1.1").get("amount", 0) == amount


def test_a_parent_under_49_is_told_when_the_assistance_starts() -> None:
    result = evaluate(facts(birth_date="1975-06-02"))
    assert result["next_bracket"] == {"date": "2024-06-02", "age": 49, "monthly_special_assistance": 820}
    assert any("2024年6月2日" in reason for reason in measure(result, "2.1.1")["reasons"])


# (name, facts, {clause: status}, one_time_subsidies)
ONE_TIME_CASES = [
    ("A child who died in an accident at 15, with the pledge, brings 5000 yuan under 2.1.2",
     facts(child_event=event(child_age=15, pledge_no_more_children=True)),
     {"2.1.2": "eligible", "2.1.3": "not_eligible", "2.1.4": "not_eligible"}, [("2.1.2", 5000)]),
    ("A child disabled in an accident at 15, with the pledge, brings 3000 yuan under 2.1.2",
     facts(family_type="child_disabled", child_event=event("accidental_disability", 15, pledge_no_more_children=True)),
     {"2.1.2": "eligible", "2.1.3": "not_eligible"}, [("2.1.2", 3000)]),
    ("A child who died in an accident at exactly 16 falls under 2.1.3, not 2.1.2",
     facts(child_event=event(child_age=16, pledge_no_more_children=True)),
     {"2.1.2": "not_eligible", "2.1.3": "eligible"}, [("2.1.3", 5000)]),
    ("A child disabled in an accident at 16 brings 3000 yuan under 2.1.3",
     facts(family_type="child_disabled", child_event=event("accidental_disability", 16)),
     {"2.1.3": "eligible"}, [("2.1.3", 3000)]),
    ("Parents who did not pledge get nothing under 2.1.2 for a child of 15",
     facts(child_event=event(child_age=15, pledge_no_more_children=False)),
     {"2.1.2": "not_eligible", "2.1.3": "not_eligible"}, []),
    ("Parents who did not say whether they pledged need an assessment under 2.1.2",
     facts(child_event=event(child_age=15)), {"2.1.2": "needs_assessment"}, []),
    ("The pledge is not a condition of 2.1.3",
     facts(child_event=event(child_age=30, pledge_no_more_children=False)), {"2.1.3": "eligible"}, [("2.1.3", 5000)]),
    ("A married child's accidental death still counts under 2.1.3",
     facts(child_event=event(child_age=30, child_married=True)), {"2.1.3": "eligible"}, [("2.1.3", 5000)]),
    ("Without the honour certificate no one-time subsidy is paid for an accident",
     facts(honor_cert=False, child_event=event(child_age=15, pledge_no_more_children=True)),
     {"2.1.2": "not_eligible", "2.1.3": "not_eligible"}, []),
    ("A couple neither of whom is 本区户籍 gets no one-time subsidy",
     facts(songjiang_hukou=False, partner_songjiang_hukou=False, child_event=event(child_age=20)), {"2.1.3": "not_eligible"}, []),
    ("A parent without 本区户籍 whose partner's 户籍 is not answered may still have the one-time subsidy",
     facts(songjiang_hukou=False, child_event=event(child_age=20)), {"2.1.3": "needs_assessment"}, []),
    ("A parent without 本区户籍 whose partner is 本区户籍 gets the family's one-time subsidy",
     facts(songjiang_hukou=False, partner_songjiang_hukou=True, child_event=event(child_age=20)), {"2.1.3": "eligible"},
     [("2.1.3", 5000)]),
    ("An unmarried only child's serious illness brings 3000 yuan under 2.1.4",
     facts(family_type="none", child_event=event("serious_illness", 25, child_married=False)),
     {"2.1.2": "not_eligible", "2.1.3": "not_eligible", "2.1.4": "eligible"}, [("2.1.4", 3000)]),
    ("A married only child's serious illness brings nothing under 2.1.4",
     facts(family_type="child_disabled", child_event=event("serious_illness", 25, child_married=True)),
     {"2.1.4": "not_eligible"}, []),
    ("A serious illness when it is not known whether the child was married needs an assessment",
     facts(family_type="child_disabled", child_event=event("serious_illness", 25)), {"2.1.4": "needs_assessment"}, []),
    ("A serious illness without the honour certificate brings nothing under 2.1.4",
     facts(family_type="none", honor_cert=False, child_event=event("serious_illness", 25, child_married=False)),
     {"2.1.4": "not_eligible"}, []),
    ("A serious illness in a family without 本区户籍 brings nothing under 2.1.4",
     facts(family_type="none", songjiang_hukou=False, partner_songjiang_hukou=False,
           child_event=event("serious_illness", 25, child_married=False)),
     {"2.1.4": "not_eligible"}, []),
    ("A bereaved family that has not described the event is asked to, under 2.1.2, 2.1.3 and 2.1.4 alike",
     facts(child_event=None), {"2.1.2": "needs_assessment", "2.1.3": "needs_assessment", "2.1.4": "needs_assessment"}, []),
    ("A family of neither type that has not described the event is asked to, under all three",
     facts(family_type="none", child_event=None),
     {"2.1.2": "needs_assessment", "2.1.3": "needs_assessment", "2.1.4": "needs_assessment"}, []),
    ("A family that says none of these happened gets no one-time subsidy, under all three",
     facts(family_type="none", child_event={"kind": "none"}),
     {"2.1.2": "not_eligible", "2.1.3": "not_eligible", "2.1.4": "not_eligible"}, []),
    ("A child who died of an illness brings no accident subsidy under 2.1.2 or 2.1.3",
     facts(child_event=event("illness_death", 30)),
     {"2.1.2": "not_eligible", "2.1.3": "not_eligible", "2.1.4": "not_eligible"}, []),
    ("An event dated before the notice has no known one-time amount and needs an assessment",
     facts(child_event=event(child_age=20, date="2020-11-30")), {"2.1.3": "needs_assessment"}, []),
    ("An event dated on the notice's date has the notice's one-time amount",
     facts(child_event=event(child_age=20, date="2020-12-01")), {"2.1.3": "eligible"}, [("2.1.3", 5000)]),
    ("Without the honour certificate answered, the accident subsidy needs an assessment",
     facts(honor_cert=None, child_event=event(child_age=20)), {"2.1.3": "needs_assessment"}, []),
    ("From the notice's date, 1 December 2020, the one-time amount is known",
     facts(as_of="2020-12-01", child_event=event(child_age=20)), {"2.1.3": "eligible"}, [("2.1.3", 5000)]),
]


@pytest.mark.parametrize(("given", "statuses", "subsidies"), [case[1:] for case in ONE_TIME_CASES],
                         ids=[case[0] for case in ONE_TIME_CASES])
def test_one_time_subsidies(given: dict[str, Any], statuses: dict[str, str], subsidies: list[tuple[str, int]]) -> None:
    result = evaluate(given)
    assert {clause: measure(result, clause)["status"] for clause in statuses} == statuses
    assert [(item["clause"], item["amount"]) for item in result["one_time_subsidies"]] == subsidies


def test_a_one_time_subsidy_is_paid_once_per_family_even_with_both_parents() -> None:
    result = evaluate(facts(partner_birth_date="1962-01-01", partner_songjiang_hukou=True, child_event=event(child_age=20)))
    assert result["one_time_subsidies"] == [{"clause": "2.1.3", "amount": 5000, "per": "family",
                                             "source": "沪松卫规〔2020〕2号（依据沪松卫规〔2020〕1号）", "since": "2020-12-01"}]
    assert result["household_monthly"] == 870 + 870
    assert "one-time-per-family" in result["assumptions"]


def test_a_missing_honour_certificate_is_named_in_the_reasons() -> None:
    reasons = measure(evaluate(facts(honor_cert=False, child_event=event())), "2.1.3")["reasons"]
    assert "这项补助要凭光荣证办理，您说没有光荣证。" in reasons
