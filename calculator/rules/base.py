"""What every rule is made of: the facts in context, conditions, an outcome, and the registry.

A rule is a function from :class:`Context` to :class:`Outcome`, registered with the clause it
implements (``@rule("2.2.5", "assumption-id", …)``). Most rules list their conditions and let
:func:`judge` turn them into a status and plain-Chinese reasons.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..facts.parse import Facts
from .standards import Standards
from ..vocabulary import SPECIAL_FAMILY_TYPES, fill

ELIGIBLE = "eligible"
NEEDS_ASSESSMENT = "needs_assessment"
NOT_ELIGIBLE = "not_eligible"

RECIPIENT_AGE = 49
ELDERLY_AGE = 60
ADULT_AGE = 18

# Said once, at the top of a result (calculator.result.about), not in every measure's reasons: a condition
# with shared=True gives no reason sentence of its own, only its open question.
SEE_ABOVE = "原因见结果开头的说明。"


@dataclass(frozen=True)
class Context:
    """Validated facts plus what every rule needs to know about them."""

    facts: Facts
    standards: Standards
    age: int
    partner_age: int | None
    amounts: dict[str, Any]
    # "" when as_of is today, else as_of in words (2026年1月1日): a sentence says "您现在 N 周岁"
    # only about today, and "按计算日期（…），您 N 周岁" otherwise.
    as_of_words: str

    @property
    def special_family(self) -> bool:
        """An 独生子女伤残 or 死亡 family (assumption ``special-difficulty-family``)."""
        return self.facts.family_type in SPECIAL_FAMILY_TYPES

    @property
    def partner_hukou(self) -> bool | None:
        """The partner's 本区户籍 as answered (None: not answered), with or without the partner's birth date."""
        return self.facts.partner_songjiang_hukou


def all_of(*answers: bool | None) -> bool | None:
    """Three-valued "and": False if any is False, else None if any is unknown, else True."""
    if False in answers:
        return False
    return None if None in answers else True


def any_of(*answers: bool | None) -> bool | None:
    """Three-valued "or": True if any is True, else None if any is unknown, else False."""
    if True in answers:
        return True
    return None if None in answers else False


class Condition(NamedTuple):
    """One condition of a clause: whether it held (None: not known) and the reason for each case.

    A NamedTuple rather than a frozen dataclass: rules build several per evaluation, and a
    roster evaluates 100,000 rows, where the dataclass constructor was a sixth of the time.
    """

    held: bool | None
    met: str
    unmet: str
    unknown: str = ""
    # True for the facts a result states once at its top (family type, 户口, age, 扶助证 held).
    shared: bool = False


class Question:
    """A yes/no fact with fixed wording: its Condition for each answer (True, False, None) built once.

    Rules ask a dozen of these per evaluation; handing back a prebuilt Condition instead of
    constructing one (NamedTuple construction runs Python code) keeps that off the hot path. The
    wording's ``{name}`` placeholders (calculator/data/words.toml) are filled on first use, not at
    import: importing the package reads no data file.
    """

    __slots__ = ("_by_answer", "_texts", "_shared")

    def __init__(self, met: str, unmet: str, unknown: str = "", *, shared: bool = False) -> None:
        self._texts = (met, unmet, unknown)
        self._shared = shared
        self._by_answer: dict[bool | None, Condition] = {}

    def on(self, answer: bool | None) -> Condition:
        """The condition for this answer (None: not answered)."""
        by_answer = self._by_answer
        if not by_answer:
            met, unmet, unknown = (fill(text) for text in self._texts)
            by_answer.update({value: Condition(value, met, unmet, unknown, self._shared) for value in (True, False, None)})
        return by_answer[answer]


# A rule's answer: ``(status, reasons, amount, standard, to_settle)``: a status, the reasons in order, the amount
# where the clause pays one (eligible: established; needs_assessment: what it would be once the open
# questions are settled) else None, and the standard the amount comes from (``{source, since}``) or
# None, and for needs_assessment what would settle it (the open questions' reasons, then the
# department's assessment; empty otherwise: the results' summary shows it). A plain tuple, not a NamedTuple: judge builds one per clause, 22 per evaluation, and building
# a tuple subclass cost several times as much.
Outcome = tuple[str, tuple[str, ...], int | None, dict[str, str] | None, tuple[str, ...]]


@dataclass(frozen=True)
class Rule:
    """A registered rule: the clause it implements and the assumptions it relies on."""

    clause: str
    assumptions: tuple[str, ...]
    decide: Callable[[Context], Outcome]


REGISTRY: list[Rule] = []


def rule(clause: str, *assumptions: str) -> Callable[[Callable[[Context], Outcome]], Callable[[Context], Outcome]]:
    """Register the decorated function as the rule for ``clause``."""

    def register(decide: Callable[[Context], Outcome]) -> Callable[[Context], Outcome]:
        REGISTRY.append(Rule(clause, tuple(assumptions), decide))
        decide.clause = clause  # type: ignore[attr-defined]
        return decide

    return register


def judge(conditions: list[Condition], next_step: str, *, assessed_by: str = "", amount: int | None = None,
          standard: dict[str, str] | None = None, otherwise: str = "") -> Outcome:
    """Combine conditions: any failed → not_eligible; any unknown, or a department must assess
    first (``assessed_by``) → needs_assessment; otherwise eligible.

    ``next_step`` (what to bring, whom to ask) ends the reasons unless not eligible, where
    ``otherwise`` (if given) does.
    """
    # One plain pass instead of several generator expressions: judge runs for all 22 clauses of
    # every evaluation, and a failed condition (the common case) ends it early.
    reasons = []
    open_questions = []
    shared_questions = []  # said once at the result's top: last, so a measure leads with its own question
    for held, met, _, unknown_reason, shared in conditions:
        if held:
            if met:
                reasons.append(met)
        elif held is None:
            if shared:
                shared_questions.append(unknown_reason)
            else:
                open_questions.append(unknown_reason)
                reasons.append(unknown_reason)
        else:
            return _not_eligible(conditions, otherwise)
    if assessed_by:
        reasons.append(assessed_by)
        open_questions.append(assessed_by)
    open_questions += shared_questions
    reasons.append(next_step)
    if amount is None:
        standard = None
    if open_questions:
        return NEEDS_ASSESSMENT, tuple(reasons), amount, standard, tuple(open_questions)
    return ELIGIBLE, tuple(reasons), amount, standard, ()


def _not_eligible(conditions: list[Condition], otherwise: str) -> Outcome:
    """Not eligible: the known conditions, met or not, in order (unknown ones are not worth asking about)."""
    reasons = []
    said_why = False
    for held, met, unmet, _, _ in conditions:
        if held is False and unmet:
            said_why = True
        if held is not None and (met if held else unmet):
            reasons.append(met if held else unmet)
    if not said_why:
        reasons.append(SEE_ABOVE)
    if otherwise:
        reasons.append(otherwise)
    return NOT_ELIGIBLE, tuple(reasons), None, None, ()


def all_held(conditions: list[Condition]) -> bool:
    """Whether every condition is known to hold."""
    return all(condition.held for condition in conditions)
