"""Every measure of 二、主要措施 as a rule, registered with its clause, in clause order.

Split as the notice is: :mod:`.economic` 经济扶助 (2.1), :mod:`.elderly` 养老关怀 (2.2),
:mod:`.medical` 医疗关怀 (2.3), :mod:`.social` 社会关怀 (2.4).
"""

from __future__ import annotations

from . import economic, elderly, medical, social  # noqa: F401  (importing registers the rules)
from .base import ELIGIBLE, NEEDS_ASSESSMENT, NOT_ELIGIBLE, REGISTRY, Context, Outcome, Rule


def _clause_key(rule: Rule) -> tuple[int, ...]:
    return tuple(int(part) for part in rule.clause.split("."))


RULES: tuple[Rule, ...] = tuple(sorted(REGISTRY, key=_clause_key))
STATUSES = (ELIGIBLE, NEEDS_ASSESSMENT, NOT_ELIGIBLE)

__all__ = ["RULES", "STATUSES", "Context", "Outcome", "Rule"]
