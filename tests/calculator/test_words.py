"""An editor's reading of every reason sentence (../shared/WORDS.md), over a wide spread of facts.

Every family type, 户口 yes/no/unknown, both certificates yes/no/unknown, each child event, with and
without a partner (whose 户口 cycles too), three ages, and every optional answer cycling through
yes/no/unanswered: an explicit product, so a failure names facts that can be pasted into a test.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from words_check import problems, result_problems, sentences

from calculator import FactsError, describe_facts, evaluate
from calculator.facts.consistency import KINDS_BY_FAMILY
from calculator.vocabulary import load_words

ANSWERS = (True, False, None)
OPTIONAL = [item["key"] for item in describe_facts() if item["type"] == "bool"
            and item["key"] not in ("songjiang_hukou", "special_assistance_cert", "honor_cert", "partner_songjiang_hukou")]


def _set(facts: dict[str, Any], key: str, answer: bool | None) -> None:
    if answer is not None:
        facts[key] = answer


def _event(kind: str, n: int) -> dict[str, Any]:
    if kind == "none":
        return {"kind": "none"}
    event: dict[str, Any] = {"kind": kind, "child_age": (10, 16, 17, 25)[n % 4]}
    _set(event, "child_married", ANSWERS[(n // 3) % 3])
    _set(event, "pledge_no_more_children", ANSWERS[(n // 9) % 3])
    if n % 2:
        event["date"] = ("2024-05-01", "2019-05-01")[(n // 2) % 2]
    return event


def spread() -> Iterator[dict[str, Any]]:
    """About 2,000 consistent fact sets covering every answer of every question."""
    n = 0
    for family in ("child_deceased", "child_disabled", "none"):
        kinds = [None, *sorted(KINDS_BY_FAMILY[family])]
        for hukou, cert, honor, kind, partner, birth in itertools.product(
                ANSWERS, ANSWERS, ANSWERS, kinds, (None, "1962-03-01", "1985-01-01"), ("1958-06-01", "1977-06-01", "1950-02-10")):
            n += 1
            facts: dict[str, Any] = {"as_of": "2026-06-01", "birth_date": birth, "family_type": family}
            if n % 7 == 0:
                facts.pop("as_of")  # today: the age is said as 您现在
            _set(facts, "songjiang_hukou", hukou)
            _set(facts, "special_assistance_cert", cert)
            _set(facts, "honor_cert", honor)
            if partner:
                facts["partner_birth_date"] = partner
                _set(facts, "partner_songjiang_hukou", ANSWERS[n % 3])
            for index, key in enumerate(OPTIONAL):
                _set(facts, key, ANSWERS[(n + index) % 3])
            if kind is not None:
                facts["child_event"] = _event(kind, n)
                if facts["child_event"].get("pledge_no_more_children"):
                    facts.pop("wants_another_child", None)
                    facts.pop("wants_to_adopt", None)
            yield facts


def results() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    found = []
    for facts in spread():
        try:
            found.append((facts, evaluate(facts)))
        except FactsError:
            continue  # contradictory by construction (e.g. a parent too young for the child): refused, not read
    return found


RESULTS = results()


def test_the_spread_covers_every_family_type_answer_and_status() -> None:
    assert len(RESULTS) > 1500
    assert {facts["family_type"] for facts, _ in RESULTS} == {"child_deceased", "child_disabled", "none"}
    assert {(facts.get("child_event") or {}).get("kind") for facts, _ in RESULTS} == {
        None, "none", "accidental_death", "illness_death", "accidental_disability", "serious_illness"}
    assert {measure["status"] for _, result in RESULTS for measure in result["measures"]} == {
        "eligible", "needs_assessment", "not_eligible"}


def test_every_reason_sentence_reads_as_words_md_asks() -> None:
    found = {}
    for facts, result in RESULTS:
        for problem in result_problems(result):
            found.setdefault(problem, facts)
    assert not found, "\n".join(f"{problem}\n    e.g. {facts}" for problem, facts in list(found.items())[:20])


def test_the_checks_catch_what_they_are_for() -> None:
    assert problems("您填写的是没有。")
    assert problems("本条针对孩子死亡的家庭。")
    assert problems("您每人每月可领 870 元。")
    assert problems("计算日期 2026-06-01。")
    assert problems("请看第二（一）3条。")
    assert problems("按规定每月870元。")
    assert problems("这" * 61 + "。")
    assert problems("ok。")
    assert not problems("以下按“独生子女死亡家庭”的政策测算。")
    assert not problems("按规定每人每月 870 元（以审核为准）。")


def test_the_family_type_and_hukou_are_said_once_at_the_top() -> None:
    facts = {"as_of": "2026-06-01", "birth_date": "1959-03-01", "family_type": "child_deceased", "songjiang_hukou": False}
    result = evaluate(facts)
    assert result["about"][0] == "以下按“独生子女死亡家庭”的政策测算。"
    assert "您的户口不在松江区，这里的帮扶大多要求松江户口。" in result["about"]
    assert "您户口所在的区有什么帮扶，可以拨打 12345 市民服务热线问一问。" in result["about"]
    reasons = [reason for measure in result["measures"] for reason in measure["reasons"]]
    assert not any("户口不在" in reason or "独生子女" in reason for reason in reasons)


@pytest.mark.parametrize(("answer", "clause"), [("wants_to_adopt", "2.4.4"), ("wants_another_child", "2.3.2")])
def test_help_a_mother_said_no_to_is_other_help_not_a_rejection(answer: str, clause: str) -> None:
    facts = {"as_of": "2026-06-01", "birth_date": "1959-03-01", "family_type": "child_deceased", "songjiang_hukou": True,
             "special_assistance_cert": True, answer: False}
    measure = next(item for item in evaluate(facts)["measures"] if item["clause"] == clause)
    assert measure["status"] == "not_eligible" and measure["aside"] is True
    assert "其他帮扶" in measure["reasons"][-1] and "暂不符合" not in "".join(measure["reasons"])
    unanswered = next(item for item in evaluate({**facts, answer: None})["measures"] if item["clause"] == clause)
    assert "aside" not in unanswered


def test_a_mother_of_67_reads_a_short_result() -> None:
    facts = {"as_of": "2026-06-01", "birth_date": "1959-03-01", "family_type": "child_deceased", "songjiang_hukou": True,
             "special_assistance_cert": True, "honor_cert": True, "wants_another_child": False, "wants_to_adopt": False,
             "child_event": {"kind": "illness_death", "child_age": 30}}
    result = evaluate(facts)
    lines = [*result["about"], *(reason for measure in result["measures"] for reason in measure["reasons"])]
    assert len(lines) <= 50  # 92 before the rewrite
    assert not result_problems(result)


def test_statuses_and_names_come_from_one_words_file() -> None:
    words = load_words()
    assert words["statuses"] == {"eligible": "可以享受", "needs_assessment": "可能还可以享受", "not_eligible": "暂不符合",
                                 "aside": "其他帮扶"}
    labels = {choice["value"]: choice["label"] for item in describe_facts() if item["key"] == "family_type"
              for choice in item["choices"]}
    assert labels == words["family_types"]
    assert all(not problems(sentence) for entry in words["glossary"] for sentence in sentences(entry["say"]))


def test_a_one_time_subsidy_refused_for_a_missing_certificate_is_not_set_aside() -> None:
    facts = {"as_of": "2026-06-01", "birth_date": "1959-03-01", "family_type": "child_deceased", "songjiang_hukou": True,
             "honor_cert": False, "child_event": {"kind": "accidental_death", "child_age": 25}}
    measures = {item["clause"]: item for item in evaluate(facts)["measures"]}
    assert measures["2.1.3"]["status"] == "not_eligible" and "aside" not in measures["2.1.3"]
    assert measures["2.1.2"]["aside"] is True  # the other age group: another situation, not a refusal


def test_the_birthday_rule_on_the_results_is_the_glossary_s() -> None:
    said = next(entry["say"] for entry in load_words()["glossary"] if entry["term"] == "周岁")
    result = evaluate({"as_of": "2026-06-01", "birth_date": "1960-06-01", "family_type": "child_deceased"})
    assert result["age"] == 66  # a year older on the birthday itself
    assert f"您 66 周岁（{said}）。" in "".join(result["about"])
