"""The five households of issue 24, as a person fills them in on a phone: taps on answers, typed dates."""

from __future__ import annotations

from typing import Any

from calculator_form_support import choose, type_into
from playwright.sync_api import Page

# Each: (taps as {question: answer}, typed as {label: text}); dates typed as people write them.
HOUSEHOLDS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "couple": ({"家庭类别（必填）": "独生子女死亡家庭", "户口在松江区": "是", "配偶户口在松江区": "是",
                "持有《上海市计划生育家庭特别扶助证》": "是", "持有《独生子女父母光荣证》": "是"},
               {"出生日期（必填）": "1958 3 1", "配偶出生日期": "1960年5月1号"}),
    "unsure": ({"家庭类别（必填）": "独生子女死亡家庭", "户口在松江区": "不清楚",
                "持有《上海市计划生育家庭特别扶助证》": "不清楚", "持有《独生子女父母光荣证》": "不清楚"},
               {"出生日期（必填）": "19650101"}),
    "minhang": ({"家庭类别（必填）": "独生子女死亡家庭", "户口在松江区": "否"},
                {"出生日期（必填）": "1954.3.1"}),
    "no-cert": ({"家庭类别（必填）": "独生子女死亡家庭", "户口在松江区": "是", "配偶户口在松江区": "是",
                 "持有《上海市计划生育家庭特别扶助证》": "否"},
                {"出生日期（必填）": "1958-03-01", "配偶出生日期": "1960-05-01"}),
    "mother": ({"家庭类别（必填）": "独生子女伤残家庭", "户口在松江区": "是", "持有《上海市计划生育家庭特别扶助证》": "是"},
               {"出生日期（必填）": "1972-01-10"}),
}
AS_OF = "2024-06-01"


def fill(page: Page, household: tuple[dict[str, str], dict[str, str]], as_of: str | None = AS_OF) -> None:
    taps, typed = household
    for question, answer in taps.items():  # the family type first: it shows the partner's questions
        choose(page, question, answer)
    for label, text in typed.items():
        type_into(page, label, text)
    if as_of:
        type_into(page, "计算日期", as_of)


def facts_of(name: str) -> dict[str, Any]:
    """The same household as calculator facts (what Python is given)."""
    return dict(FACTS[name])


FACTS: dict[str, dict[str, Any]] = {
    "couple": {"birth_date": "1958-03-01", "family_type": "child_deceased", "songjiang_hukou": True,
               "partner_birth_date": "1960-05-01", "partner_songjiang_hukou": True,
               "special_assistance_cert": True, "honor_cert": True, "as_of": AS_OF},
    "unsure": {"birth_date": "1965-01-01", "family_type": "child_deceased", "songjiang_hukou": None,
               "partner_songjiang_hukou": None, "special_assistance_cert": None, "honor_cert": None, "as_of": AS_OF},
    "minhang": {"birth_date": "1954-03-01", "family_type": "child_deceased", "songjiang_hukou": False, "as_of": AS_OF},
    "no-cert": {"birth_date": "1958-03-01", "family_type": "child_deceased", "songjiang_hukou": True,
                "partner_birth_date": "1960-05-01", "partner_songjiang_hukou": True,
                "special_assistance_cert": False, "as_of": AS_OF},
    "mother": {"birth_date": "1972-01-10", "family_type": "child_disabled", "songjiang_hukou": True,
               "special_assistance_cert": True, "as_of": AS_OF},
}
