"""The calculator's interpretation choices, recorded once in ``data/assumptions.toml``."""

from __future__ import annotations

import copy
from functools import cache

from .._data import load


@cache
def _load() -> tuple[dict[str, str], ...]:
    return tuple(load("assumptions")["assumptions"])


def assumptions() -> list[dict[str, str]]:
    """Every interpretation choice, JSON-compatible: ``[{id, clause, title, text}]`` (Chinese text).

    The site's assumptions page is rendered from this; results list the ``id`` s they relied on.
    """
    return copy.deepcopy(list(_load()))


def assumption_ids() -> frozenset[str]:
    """The ids of every recorded assumption."""
    return frozenset(item["id"] for item in _load())
