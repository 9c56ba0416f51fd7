"""Clauses 2.4.1–2.4.10 (社会关怀): legal cases as data, each named by a full sentence."""

from __future__ import annotations

from typing import Any

import pytest

from calculator import evaluate

BASE: dict[str, Any] = {"as_of": "2024-06-01", "birth_date": "1960-01-01", "family_type": "child_deceased",
                        "songjiang_hukou": True, "special_assistance_cert": True}


def facts(**changes: Any) -> dict[str, Any]:
    return {**BASE, **changes}


def death_at(age: int) -> dict[str, Any]:
    return {"kind": "accidental_death", "child_age": age}


CASES = [
    ("A special-difficulty family can join the care activities", facts(), "2.4.1", "eligible"),
    ("A family of neither type is not covered by the care activities", facts(family_type="none"), "2.4.1", "not_eligible"),
    ("A family with housing difficulty is assessed for rent subsidy or public housing",
     facts(housing_difficulty=True), "2.4.2", "needs_assessment"),
    ("A family without housing difficulty is not covered by 2.4.2", facts(housing_difficulty=False), "2.4.2", "not_eligible"),
    ("A bereaved family inheriting an adult child's home gets the green channel",
     facts(property_inheritance=True, child_event=death_at(30)), "2.4.3", "eligible"),
    ("A child who died at 17 was not an adult, so 2.4.3 does not apply",
     facts(property_inheritance=True, child_event=death_at(17)), "2.4.3", "not_eligible"),
    ("A child who died at 18 was an adult, so 2.4.3 applies",
     facts(property_inheritance=True, child_event=death_at(18)), "2.4.3", "eligible"),
    ("Without the certificate the green channel needs the certificate first",
     facts(property_inheritance=True, special_assistance_cert=False), "2.4.3", "needs_assessment"),
    ("A child_disabled family is not covered by the inheritance green channel",
     facts(family_type="child_disabled", property_inheritance=True), "2.4.3", "not_eligible"),
    ("A bereaved family wishing to adopt is checked by civil affairs and put first in line",
     facts(wants_to_adopt=True), "2.4.4", "needs_assessment"),
    ("A bereaved family not wishing to adopt is not covered by 2.4.4", facts(wants_to_adopt=False), "2.4.4", "not_eligible"),
    ("A child_disabled family is not covered by the adoption priority",
     facts(family_type="child_disabled", wants_to_adopt=True), "2.4.4", "not_eligible"),
    ("A disabled only child is assessed for training, rehabilitation and devices",
     facts(family_type="child_disabled"), "2.4.5", "needs_assessment"),
    ("A bereaved family is not covered by 2.4.5", facts(), "2.4.5", "not_eligible"),
    ("A child hurt in an accident is covered by 2.4.5 whatever the family label",
     facts(family_type="none", child_event={"kind": "accidental_disability", "child_age": 20}), "2.4.5", "needs_assessment"),
    ("A family of neither type without a disabled child is not covered by 2.4.5",
     facts(family_type="none", child_event={"kind": "none"}), "2.4.5", "not_eligible"),
    ("2.4.5 is about the child: the parent's own 户籍 does not decide it",
     facts(family_type="child_disabled", songjiang_hukou=False), "2.4.5", "needs_assessment"),
    ("A child who died of an illness at 17 was not an adult, so 2.4.3 does not apply",
     facts(property_inheritance=True, child_event={"kind": "illness_death", "child_age": 17}), "2.4.3", "not_eligible"),
    ("A 本区户籍 parent of 60 may entrust after-death arrangements",
     facts(birth_date="1964-06-01"), "2.4.6", "eligible"),
    ("A parent of 59 whose 本区户籍 partner is 60 may entrust after-death arrangements",
     facts(birth_date="1964-06-02", partner_birth_date="1964-01-01", partner_songjiang_hukou=True), "2.4.6", "eligible"),
    ("A parent of 59 whose partner of 60 has not said about 户籍 is asked",
     facts(birth_date="1964-06-02", partner_birth_date="1964-01-01"), "2.4.6", "needs_assessment"),
    ("A parent of 59 whose partner of 60 lacks 本区户籍 is asked about critical illness",
     facts(birth_date="1964-06-02", partner_birth_date="1964-01-01", partner_songjiang_hukou=False), "2.4.6", "needs_assessment"),
    ("A parent of 59 with a critically ill family member may entrust after-death arrangements",
     facts(birth_date="1964-06-02", critical_illness=True), "2.4.6", "eligible"),
    ("A parent of 59 with no elderly or critically ill member still has the funeral fee reduction of 2.4.6",
     facts(birth_date="1964-06-02", partner_birth_date="1966-01-01", critical_illness=False), "2.4.6", "eligible"),
    ("A family without 本区户籍 has neither part of 2.4.6",
     facts(birth_date="1964-06-02", songjiang_hukou=False, partner_songjiang_hukou=False), "2.4.6", "not_eligible"),
    ("A parent of 59 who has not said about critical illness is asked",
     facts(birth_date="1964-06-02"), "2.4.6", "needs_assessment"),
    ("A family of neither type is not covered by 2.4.6", facts(family_type="none"), "2.4.6", "not_eligible"),
    ("A special-difficulty family has a named contact person", facts(), "2.4.7", "eligible"),
    ("A family without 本区户籍 is not in the district's contact scheme", facts(songjiang_hukou=False, partner_songjiang_hukou=False), "2.4.7",
     "not_eligible"),
    ("A member who lacks legal capacity is brought into adult guardianship",
     facts(lacks_capacity=True), "2.4.8", "needs_assessment"),
    ("A family where nobody lacks legal capacity is not covered by 2.4.8", facts(lacks_capacity=False), "2.4.8", "not_eligible"),
    ("A special-difficulty family is served through the information system", facts(), "2.4.9", "eligible"),
    ("A family of neither type is not in the information system's special list",
     facts(family_type="none"), "2.4.9", "not_eligible"),
    ("A member without work is recommended for jobs first", facts(unemployed=True), "2.4.10", "eligible"),
    ("A family where everyone who wants work has it is not covered by 2.4.10", facts(unemployed=False), "2.4.10", "not_eligible"),
    ("A family that has not said about work is asked", facts(), "2.4.10", "needs_assessment"),
]


@pytest.mark.parametrize(("given", "clause", "status"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_social_care_measures(given: dict[str, Any], clause: str, status: str) -> None:
    result = evaluate(given)
    assert next(m for m in result["measures"] if m["clause"] == clause)["status"] == status


def test_a_special_family_not_covered_by_2_4_6_is_still_told_about_funeral_fee_reductions() -> None:
    result = evaluate(facts(birth_date="1964-06-02", partner_birth_date="1966-01-01", critical_illness=False))
    item = next(m for m in result["measures"] if m["clause"] == "2.4.6")
    assert item["status"] == "eligible"
    assert item["reasons"][0] == "家人去世时，可以申请减免必要的殓殡服务费，由区民政局办理。"
    assert "委托殡仪单位安排身后事，您家暂不符合。" in item["reasons"]


def test_when_2_4_6_fails_only_on_the_certificate_the_reason_names_the_certificate() -> None:
    result = evaluate(facts(birth_date="1980-01-01", partner_birth_date="1981-01-01", critical_illness=True,
                            partner_songjiang_hukou=True, special_assistance_cert=None))
    item = next(m for m in result["measures"] if m["clause"] == "2.4.6")
    assert item["status"] == "eligible"
    not_yet = item["reasons"][item["reasons"].index("委托殡仪单位安排身后事，您家暂不符合。") + 1:]
    assert len(not_yet) == 1 and "扶助证" in not_yet[0] and "老人" not in not_yet[0]
