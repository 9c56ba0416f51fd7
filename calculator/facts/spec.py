"""The facts a resident answers, as data: ``calculator/data/facts.toml``.

The browser form is rendered from :func:`describe_facts`, the roster reads its Chinese column
names from it, and :mod:`calculator.facts.parse` validates input against it, so the form, the roster
and the rules cannot drift apart.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cache
from typing import Any

from .._data import load
from ..vocabulary import load_words


@cache
def fact_specs() -> tuple[dict[str, Any], ...]:
    """The parsed fact descriptions, in form order (cached; do not mutate)."""
    return tuple(_normalised(entry) for entry in load("facts")["facts"])


@cache
def kind_label(kind: str) -> str:
    """The label of a child event's ``kind`` as the form and the roster say it (``意外伤残``): the one
    home of these words is data/facts.toml, read by the rules, the amounts page and the form alike."""
    event = next(spec for spec in fact_specs() if spec["key"] == "child_event")
    field = next(field for field in event["fields"] if field["key"] == "kind")
    return next(choice["label"] for choice in field["choices"] if choice["value"] == kind)


@dataclass(frozen=True)
class FactGroup:
    """One level of facts.toml (the top level, or an object fact's fields) with what reading it needs,
    worked out once: every row of a roster reads the same groups (see :func:`fact_group`)."""

    specs: tuple[dict[str, Any], ...]
    position: dict[str, int]  # key → its place in form order (the order errors are listed in)
    defaults: dict[str, Any]
    required: frozenset[str]
    by_key: dict[str, dict[str, Any]]
    field_names: dict[str, str]  # key → its name in error messages ("child_event.kind")


@cache
def fact_group(prefix: str = "") -> FactGroup:
    """The top level (``""``) or an object fact's fields (``"child_event."``)."""
    specs = fact_specs()
    for key in filter(None, prefix.split(".")):
        specs = tuple(next(spec for spec in specs if spec["key"] == key)["fields"])
    return FactGroup(specs=specs,
                     position={spec["key"]: index for index, spec in enumerate(specs)},
                     defaults={spec["key"]: spec["default"] for spec in specs},
                     required=frozenset(spec["key"] for spec in specs if spec["required"]),
                     by_key={spec["key"]: spec for spec in specs},
                     field_names={spec["key"]: f"{prefix}{spec['key']}" for spec in specs})


@cache
def choice_words(field: str) -> dict[str, str]:
    """Every word accepted for a choice (``"family_type"``, ``"child_event.kind"``) → its key: the key
    itself, the Chinese label and the aliases. When two choices share a word, the first one wins."""
    prefix, _, key = field.rpartition(".")
    choices = fact_group(f"{prefix}." if prefix else "").by_key[key]["choices"]
    words: dict[str, str] = {}
    for choice in reversed(choices):
        words.update(dict.fromkeys((choice["label"], *choice["aliases"]), choice["value"]))
    words.update({choice["value"]: choice["value"] for choice in choices})  # a key is always itself
    return words


def describe_facts() -> list[dict[str, Any]]:
    """Every fact a resident answers, JSON-compatible, in the order a form should ask them.

    Each item has ``key``, ``label`` and ``hint`` (Chinese), ``type`` (``date``, ``bool``,
    ``choice``, ``int`` or ``object``), ``required``, ``default`` (``None`` for a bool means
    “not answered”), ``ask_when`` (``None`` or ``{other_key: [values]}``: ask only then),
    ``column`` (the roster's Chinese column name), ``pivotal`` (the form pre-selects no answer), ``choices`` (``[{value, label}]``) for a
    choice (``aliases``: other accepted spellings, e.g. 无), ``min``/``max`` for an int, and ``fields`` (the same shape) for an object.
    """
    return copy.deepcopy(list(fact_specs()))


def _normalised(entry: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {
        "key": entry["key"],
        "label": entry["label"],
        "hint": entry["hint"],
        "type": entry["type"],
        "required": entry.get("required", False),
        "default": entry.get("default"),
        "ask_when": entry.get("ask_when"),
        "column": entry.get("column"),
        "pivotal": entry.get("pivotal", False),
    }
    if entry["type"] == "choice":
        item["choices"] = [{"aliases": [], **_labelled(choice, entry.get("labels_from"))} for choice in entry["choices"]]
    if entry["type"] == "int":
        item["min"], item["max"] = entry["min"], entry["max"]
    if entry["type"] == "object":
        item["fields"] = [_normalised(field) for field in entry["fields"]]
    return item


def _labelled(choice: dict[str, Any], labels_from: str | None) -> dict[str, Any]:
    """A choice with its label; ``labels_from`` names a words.toml table that holds the labels."""
    if labels_from is None:
        return choice
    return {"value": choice["value"], "label": load_words()[labels_from][choice["value"]], **choice}
