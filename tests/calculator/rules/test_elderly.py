"""Clauses 2.2.1–2.2.5 (养老关怀): legal cases as data, each named by a full sentence."""

from __future__ import annotations

from typing import Any

import pytest

from calculator import evaluate

BASE: dict[str, Any] = {"as_of": "2024-06-01", "birth_date": "1960-01-01", "family_type": "child_deceased",
                        "songjiang_hukou": True, "special_assistance_cert": True}
DAY_BEFORE_60 = "1964-06-02"
DAY_OF_60 = "1964-06-01"


def facts(**changes: Any) -> dict[str, Any]:
    return {**BASE, **changes}


# (name, facts, clause, expected status)
CASES = [
    ("A recipient who needs care is assessed by civil affairs for the five priorities from the 60th birthday",
     facts(birth_date=DAY_OF_60, needs_care=True), "2.2.1", "needs_assessment"),
    ("A recipient who needs care is not yet covered by 2.2.1 the day before the 60th birthday",
     facts(birth_date=DAY_BEFORE_60, needs_care=True), "2.2.1", "not_eligible"),
    ("A recipient aged 60 who does not need care is not covered by 2.2.1",
     facts(needs_care=False), "2.2.1", "not_eligible"),
    ("A recipient aged 60 who has not said whether care is needed is asked about it",
     facts(), "2.2.1", "needs_assessment"),
    ("A parent in a child_disabled family who needs care is covered by 2.2.1 like a bereaved one",
     facts(family_type="child_disabled", needs_care=True), "2.2.1", "needs_assessment"),
    ("A parent without 本区户籍 is not covered by 2.2.1",
     facts(songjiang_hukou=False, needs_care=True), "2.2.1", "not_eligible"),
    ("A parent in a family of neither type is not covered by 2.2.1",
     facts(family_type="none", needs_care=True), "2.2.1", "not_eligible"),
    ("A poor elderly recipient who finds self-care hard is assessed for the care subsidy",
     facts(self_care_difficulty=True, low_income=True), "2.2.2", "needs_assessment"),
    ("An elderly recipient who is not poor gets no care subsidy",
     facts(self_care_difficulty=True, low_income=False), "2.2.2", "not_eligible"),
    ("An elderly recipient without self-care difficulty gets no care subsidy",
     facts(self_care_difficulty=False, low_income=True), "2.2.2", "not_eligible"),
    ("A 59-year-old recipient is not yet an elderly person for the care subsidy",
     facts(birth_date=DAY_BEFORE_60, self_care_difficulty=True, low_income=True), "2.2.2", "not_eligible"),
    ("A poor recipient family applying for 低保 is assessed by civil affairs",
     facts(low_income=True), "2.2.3", "needs_assessment"),
    ("A recipient family that is not poor is not covered by 2.2.3",
     facts(low_income=False), "2.2.3", "not_eligible"),
    ("A poor family is a recipient family when only the partner has reached 49",
     facts(birth_date="1980-01-01", partner_birth_date="1970-01-01", low_income=True), "2.2.3", "needs_assessment"),
    ("A poor family where nobody has reached 49 is not yet a recipient family",
     facts(birth_date="1980-01-01", partner_birth_date="1981-01-01", low_income=True), "2.2.3", "not_eligible"),
    ("A recipient gets the yearly care insurance bought for them",
     facts(birth_date="1975-06-01"), "2.2.4", "eligible"),
    ("A bereaved parent the day before the 49th birthday is not yet insured as a recipient",
     facts(birth_date="1975-06-02", surgery_complication=False), "2.2.4", "not_eligible"),
    ("A person with a family-planning surgery complication is insured whatever the family type",
     facts(family_type="none", surgery_complication=True), "2.2.4", "eligible"),
    ("A non-recipient who has not said whether they have a complication is asked about it",
     facts(family_type="none"), "2.2.4", "needs_assessment"),
    ("A recipient without 本区户籍 is not insured under 2.2.4",
     facts(songjiang_hukou=False), "2.2.4", "not_eligible"),
    ("A bereaved recipient gets a free health check every year",
     facts(birth_date="1975-06-01"), "2.2.5", "eligible"),
    ("A child_disabled recipient is not covered by the free health check",
     facts(family_type="child_disabled"), "2.2.5", "not_eligible"),
    ("A bereaved parent the day before the 49th birthday is not yet covered by the health check",
     facts(birth_date="1975-06-02"), "2.2.5", "not_eligible"),
    ("A bereaved recipient without 本区户籍 is not covered by the health check",
     facts(songjiang_hukou=False), "2.2.5", "not_eligible"),
]


@pytest.mark.parametrize(("given", "clause", "status"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_elderly_care_measures(given: dict[str, Any], clause: str, status: str) -> None:
    result = evaluate(given)
    assert next(m for m in result["measures"] if m["clause"] == clause)["status"] == status


def test_without_the_certificate_the_five_priorities_say_to_apply_for_it_first() -> None:
    result = evaluate(facts(needs_care=True, special_assistance_cert=False))
    item = next(m for m in result["measures"] if m["clause"] == "2.2.1")
    assert item["status"] == "needs_assessment"
    assert "还没有扶助证的，请先到办事大厅申请。" in item["reasons"]
    assert "您还没有扶助证（《上海市计划生育家庭特别扶助证》）。" in result["about"]


def test_an_elderly_person_living_alone_is_told_about_the_community_care_service() -> None:
    result = evaluate(facts(needs_care=True, lives_alone=True))
    item = next(m for m in result["measures"] if m["clause"] == "2.2.1")
    assert any("您一个人住，还可以优先得到社区的关爱服务。" in reason for reason in item["reasons"])
