"""The editor's checks of ../shared/WORDS.md, for the rules' sentences and the built pages' own text.

Used by tests/calculator/test_words.py (every reason over a wide spread of facts) and
tests/pages/test_words_pages.py (the built pages, the notice's verbatim text excluded).
"""

from __future__ import annotations

import re

LONGEST = 60
# A sentence ends at 。！？； or a line break; a reason of several sentences is checked one by one.
SENTENCE_END = re.compile(r"(?<=[。！？；])|\n")
# Quoted words are the notice's or a category's own: “…” and 《…》 may hold 死亡 or 户籍.
QUOTED = re.compile(r"“[^”]*”|《[^》]*》")
CATEGORY_NAMES = ("独生子女死亡家庭", "独生子女伤残或死亡家庭", "独生子女伤残、死亡家庭")
ISO_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b")
ENGLISH = re.compile(r"[A-Za-z]{2,}")
CLAUSE_NUMBER = re.compile(r"第[一二三四]（[一二三四]）\d+条|第\d+条")
MONEY_WITHOUT_SPACE = re.compile(r"\d元")
# Words WORDS.md rules out in the site's own sentences, each with why.
BANNED = {
    "本条": "say 这项帮扶, not 本条",
    "您填写的是": "say what the person told us plainly",
    "可领": "money depends on approval: 按规定…（以审核为准）",
    "能领": "money depends on approval: 按规定…（以审核为准）",
    "从那天起": "a promise the notice does not make: 满 N 周岁后，按现行标准…",
    "从这天起": "a promise the notice does not make: 满 N 周岁后，按现行标准…",
    "会上门": "a promise the notice does not make",
    "会优先推荐": "a promise the notice does not make",
    "特别扶助证": "one name: 扶助证 or 《上海市计划生育家庭特别扶助证》",
    "廉租住房": "one name: 廉租房",
    "殓殮": "one name: 殓殡",
    "痴呆": "a hurtful word: say 认知障碍",
}


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, stripped, without empty ones."""
    return [part.strip() for part in SENTENCE_END.split(text) if part.strip()]


def problems(sentence: str, *, longest: int = LONGEST, english_allowed: frozenset[str] = frozenset()) -> list[str]:
    """What an editor would flag in one sentence of the site's own words ([] when it passes)."""
    found = []
    if len(sentence) > longest:
        found.append(f"{len(sentence)} characters (at most {longest})")
    own = QUOTED.sub("", sentence)
    for name in CATEGORY_NAMES:
        own = own.replace(name, "")
    if "死亡" in own:
        found.append("死亡 outside a quoted category name: a child 去世")
    found += [f"{word}: {why}" for word, why in BANNED.items() if word in own]
    if ISO_DATE.search(sentence):
        found.append("an ISO date: write 2026年12月15日")
    words = {word for word in ENGLISH.findall(own) if word not in english_allowed}
    if words:
        found.append(f"English words {sorted(words)}")
    if CLAUSE_NUMBER.search(own):
        found.append("a clause number: name the help instead")
    if MONEY_WITHOUT_SPACE.search(sentence):
        found.append("money: a space between the number and 元")
    return found


FAMILY_STATEMENT = re.compile(r"以下按“独生子女|您家是独生子女|您选的是“以上都不是”")
HUKOU_STATEMENT = re.compile(r"您的户口(在|不在)松江区|您还没有说户口")


def result_problems(result: dict) -> list[str]:
    """Every problem of one result's own sentences: its ``about`` and every measure's reasons."""
    texts = [*result["about"], *(reason for measure in result["measures"] for reason in measure["reasons"])]
    found = [f"{sentence!r}: {problem}" for text in texts for sentence in sentences(text) for problem in problems(sentence)]
    said = [sentence for text in texts for sentence in sentences(text)]
    for name, pattern in (("family type", FAMILY_STATEMENT), ("户口", HUKOU_STATEMENT)):
        count = sum(1 for sentence in said if pattern.search(sentence))
        if count > 1:
            found.append(f"the {name} is stated {count} times (at most once)")
    return found
