"""The site's own names for things, as data: ``calculator/data/words.toml`` (../shared/WORDS.md).

Certificates, offices, statuses, family types, the one disclaimer and the explain-once glossary.
Read on first use, like every data file (importing the package must not parse TOML: see
:mod:`calculator._data`). Rule sentences name things through :func:`fill`'s placeholders.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ._data import load

# Family types the notice names (its 特别扶助 families): codes, not words, so known without reading a file.
SPECIAL_FAMILY_TYPES = ("child_deceased", "child_disabled")


def load_words() -> dict[str, Any]:
    """The whole words file, parsed (cached; do not mutate)."""
    return load("words")


def family_label(family_type: str) -> str:
    """"独生子女死亡家庭" for ``child_deceased``; "" for a code the file does not name."""
    return load_words()["family_types"].get(family_type, "")


def status_label(status: str) -> str:
    """"可以享受" / "可能还可以享受" / "暂不符合" (and "其他帮扶" for ``aside``)."""
    return load_words()["statuses"][status]


@cache
def names() -> dict[str, str]:
    """Placeholders for rule sentences: ``{assistance_cert}`` 扶助证, ``{assistance_cert_full}``,
    ``{honor_cert}``, ``{honor_cert_full}``, and every office (``{hall}``, ``{civil_affairs}`` …)."""
    words = load_words()
    found = dict(words["offices"])
    for key, cert in words["certificates"].items():
        found[f"{key}_cert"] = cert["short"]
        found[f"{key}_cert_full"] = cert["full"]
    found.update({f"family_{key}": label for key, label in words["family_types"].items()})
    return found


def fill(text: str) -> str:
    """``text`` with its ``{name}`` placeholders replaced by the site's names."""
    return text.format_map(names()) if "{" in text else text


def as_json() -> dict[str, Any]:
    """What the page scripts need: statuses, family types, the disclaimer, certificates and glossary."""
    words = load_words()
    found = {key: words[key] for key in ("disclaimer", "statuses", "family_types", "certificates", "offices", "glossary")}
    return {**found, "explain": {entry["term"]: entry["say"] for entry in words["glossary"]}}
