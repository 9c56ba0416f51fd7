"""The calculator's interpretation choices, recorded once in ``data/assumptions.toml``."""

from __future__ import annotations

import copy
from functools import cache
from importlib import resources

from ._data import parse_toml

ASSUMPTIONS_RESOURCE = "data/assumptions.toml"


@cache
def _load() -> tuple[dict[str, str], ...]:
    text = resources.files("calculator").joinpath(ASSUMPTIONS_RESOURCE).read_text(encoding="utf-8")
    return tuple(parse_toml(text)["assumptions"])


def assumptions() -> list[dict[str, str]]:
    """Every interpretation choice, JSON-compatible: ``[{id, clause, title, text}]`` (Chinese text).

    The site's assumptions page is rendered from this; results list the ``id`` s they relied on.
    """
    return copy.deepcopy(list(_load()))


def assumption_ids() -> frozenset[str]:
    """The ids of every recorded assumption."""
    return frozenset(item["id"] for item in _load())
