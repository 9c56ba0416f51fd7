"""What a roster row says in words: its one-time subsidies and what a money measure still needs (待核实)."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..notice import clauses_by_id
from .facts import column_specs
from ..rules.base import NEEDS_ASSESSMENT

ONE_TIME = "一次性补助"
# The roster columns each money measure depends on, in the order staff should fill them in;
# ``when`` limits a column to the child events it matters for.
NEEDS: dict[str, tuple[str, ...]] = {
    "2.1.1": ("songjiang_hukou",),
    "2.1.2": ("songjiang_hukou", "partner_songjiang_hukou", "honor_cert", "child_event.kind",
              "child_event.pledge_no_more_children"),
    "2.1.3": ("songjiang_hukou", "partner_songjiang_hukou", "honor_cert", "child_event.kind"),
    "2.1.4": ("songjiang_hukou", "partner_songjiang_hukou", "honor_cert", "child_event.kind", "child_event.child_married"),
}
# The one-time subsidies count either spouse's 户籍 (calculator.rules.hukou): one answered 是 settles both.
EITHER_HUKOU = ("songjiang_hukou", "partner_songjiang_hukou")
CHECKED_PATHS = frozenset(path for paths in NEEDS.values() for path in paths)
WHEN = {"child_event.pledge_no_more_children": {"accidental_death", "accidental_disability"},
        "child_event.child_married": {"serious_illness"}}
ASK_OFFICE = "请向区卫生健康委核实"


@cache  # four clauses; asked on every row that has a subsidy
def clause_label(clause: str) -> str:
    """"2.1.3" → "二（一）3", as notice.toml labels it."""
    return clauses_by_id()[clause]["label"]


def subsidy_words(subsidies: list[dict[str, Any]]) -> str:
    """"二（一）3 一次性补助 5000 元", several joined by "；"."""
    return "；".join(f"{clause_label(item['clause'])} {ONE_TIME} {item['amount']} 元" for item in subsidies)


def subsidy_keys(subsidies: list[dict[str, Any]]) -> str:
    """"2.1.3:5000", several joined by ";" (``--headers keys``, as earlier versions wrote)."""
    return ";".join(f"{item['clause']}:{item['amount']}" for item in subsidies)


def to_check(facts: dict[str, Any], result: dict[str, Any], outcomes: list[dict[str, Any]],
             unread: dict[str, str] | None = None, absent: frozenset[str] = frozenset(),
             held: set[str] | None = None) -> str:
    """What the money measures that need assessment still need, e.g. "二（一）3 一次性补助（如符合 5000 元）：光荣证未填写".

    ``unread``: cells given but not understood (said in their own words); ``absent``: fact paths the file
    has no column for — a measure held up only by those is not repeated on every row: its path goes into
    ``held``, and the file's report says it once."""
    held = set() if held is None else held
    partner = result["partner"]
    if NEEDS_ASSESSMENT not in [outcome["status"] for outcome in outcomes] and not (partner and partner["possible_monthly"]):
        return ""  # the common case, kept cheap
    groups: dict[str, list[str]] = {}  # what is missing → the measures it holds up
    for outcome in outcomes:
        if outcome["status"] != NEEDS_ASSESSMENT:
            continue
        missing = _missing(facts, outcome["clause"], unread or {}, absent, held)
        if not missing:
            continue
        groups.setdefault(missing, []).append(_measure_name(outcome))
    parts = [f"{'；'.join(names) if len(names) < 2 else _merged(names)}：{missing}" for missing, names in groups.items()]
    if partner is not None and partner["possible_monthly"] and "partner_songjiang_hukou" in absent:
        held.add("partner_songjiang_hukou")
    elif partner is not None and partner["possible_monthly"]:
        parts.append(f"配偶每月特别扶助金（如符合每月 {partner['possible_monthly']} 元）："
                     f"{_column('partner_songjiang_hukou')}未填写")
    return "；".join(parts)


def _measure_name(outcome: dict[str, Any]) -> str:
    amount = outcome["amount"]
    if outcome["clause"] == "2.1.1":
        return "每月特别扶助金" + (f"（如符合每月 {amount} 元）" if amount else "")
    return f"{clause_label(outcome['clause'])} {ONE_TIME}" + (f"（如符合 {amount} 元）" if amount else "")


def _merged(names: list[str]) -> str:
    """Several one-time measures held up by the same answers: one name, not three."""
    if all(ONE_TIME in name and "如符合" not in name for name in names):
        return ONE_TIME
    return "、".join(names)


def _missing(facts: dict[str, Any], clause: str, unread: dict[str, str], absent: frozenset[str],
             held: set[str]) -> str:
    """What holds a measure up: the cells not read (in their own words), then the ones not filled in;
    "" when only columns the file does not have hold it up."""
    kind = (facts.get("child_event") or {}).get("kind")
    family_hukou = clause != "2.1.1" and True in (facts.get(key) for key in EITHER_HUKOU)
    paths = [path for path in NEEDS.get(clause, ())
             if _value(facts, path) is None and (path not in WHEN or kind in WHEN[path])
             and not (family_hukou and path in EITHER_HUKOU)]
    if paths and all(path in absent and path not in unread for path in paths):
        held.update(paths)
        return ""
    held.update(path for path in paths if path in absent and path not in unread)
    paths = [path for path in paths if path not in absent or path in unread]
    said = [unread[path] for path in paths if path in unread]
    names = [_column(path) for path in paths if path not in unread]
    words = said + (["、".join(names) + "未填写"] if names else [])
    return "，".join(words) if words else ASK_OFFICE


def _value(facts: dict[str, Any], path: str) -> Any:
    group, _, key = path.partition(".")
    return (facts.get(group) or {}).get(key) if key else facts.get(group)


def column_name(path: str) -> str:
    """A fact path's roster column name (本区户籍 …)."""
    return _column(path)


@cache
def _column(path: str) -> str:
    return column_specs()[path]["spec"]["column"]
