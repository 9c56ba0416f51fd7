"""The rules' "what to bring, where to go" sentences, made from ``calculator/data/guidance.toml``.

The results' summary lists the same documents and places from the same file, so a measure's own
sentence and the one list cannot disagree. A document the clause itself names is said as the
notice's requirement; the rest, and places the clause does not name, are marked 一般 (WORDS.md).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from .._data import load
from ..vocabulary import fill, load_words

# In a sentence the certificates go by their short names: the result's top says the full ones once.
SHORT_NAMES = {"assistance_cert": ("assistance", "short"), "honor_cert": ("honor", "short")}


@cache
def _guidance() -> dict[str, Any]:
    data = load("guidance")
    return {"documents": data["documents"], "places": data["places"],
            "measures": {entry["clause"]: entry for entry in data["measures"]}}


def _document_name(document_id: str) -> str:
    if document_id in SHORT_NAMES:
        key, form = SHORT_NAMES[document_id]
        return load_words()["certificates"][key][form]
    return _guidance()["documents"][document_id]


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else "、".join(names[:-1]) + "和" + names[-1]


@cache
def bring(clause: str) -> tuple[str, ...]:
    """"通知要求凭扶助证办理。", "一般还要带户口本和身份证。", "一般到街道（镇）的办事大厅申请。" — for ``clause``."""
    measure = _guidance()["measures"][clause]
    required = [_document_name(item["id"]) for item in measure["documents"] if item.get("notice")]
    usual = [_document_name(item["id"]) for item in measure["documents"] if not item.get("notice")]
    sentences = []
    if required:
        sentences.append(f"通知要求凭{_listed(required)}办理。")
    if usual:
        sentences.append(f"一般{'还' if required else ''}要带{_listed(usual)}。")
    places = measure["places"]
    if places:
        first = places[0]
        plain = fill(_guidance()["places"][first["id"]]["plain"])
        sentences.append(f"{'' if first.get('from_notice') else '一般'}到{plain}办理。")
    return tuple(sentences)


def bring_text(clause: str) -> str:
    """:func:`bring` as one string (a rule's next step)."""
    return "".join(bring(clause))
