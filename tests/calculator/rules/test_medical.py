"""Clauses 2.3.1–2.3.3 (医疗关怀): legal cases as data, each named by a full sentence."""

from __future__ import annotations

from typing import Any

import pytest

from calculator import evaluate

BASE: dict[str, Any] = {"as_of": "2024-06-01", "birth_date": "1960-01-01", "family_type": "child_deceased",
                        "songjiang_hukou": True, "special_assistance_cert": True}


def facts(**changes: Any) -> dict[str, Any]:
    return {**BASE, **changes}


CASES = [
    ("A low-income recipient is assessed for medical aid", facts(low_income=True), "2.3.1", "needs_assessment"),
    ("A recipient who is not low-income gets no medical aid", facts(low_income=False), "2.3.1", "not_eligible"),
    ("A low-income bereaved parent under 49 is not yet a recipient for medical aid",
     facts(birth_date="1980-01-01", low_income=True), "2.3.1", "not_eligible"),
    ("A low-income recipient without 本区户籍 gets no medical aid",
     facts(songjiang_hukou=False, low_income=True), "2.3.1", "not_eligible"),
    ("A bereaved family that wants another child is helped after a medical assessment",
     facts(birth_date="1985-01-01", wants_another_child=True), "2.3.2", "needs_assessment"),
    ("A family that does not want another child is not covered by 2.3.2",
     facts(wants_another_child=False), "2.3.2", "not_eligible"),
    ("A family of neither type is not covered by 2.3.2",
     facts(family_type="none", wants_another_child=True), "2.3.2", "not_eligible"),
    ("A special-difficulty family with the certificate gets family-doctor priority",
     facts(family_type="child_disabled"), "2.3.3", "eligible"),
    ("A special-difficulty family without the certificate applies for it first",
     facts(special_assistance_cert=False), "2.3.3", "needs_assessment"),
    ("A family without 本区户籍 is not covered by 2.3.3 (the notice covers 本区户籍 families)",
     facts(songjiang_hukou=False, partner_songjiang_hukou=False), "2.3.3", "not_eligible"),
]


@pytest.mark.parametrize(("given", "clause", "status"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_medical_care_measures(given: dict[str, Any], clause: str, status: str) -> None:
    result = evaluate(given)
    assert next(m for m in result["measures"] if m["clause"] == clause)["status"] == status
