"""The calculator's JSON boundary: one JSON string in, one JSON string out.

The browser worker (``calculator/web/engine-worker.mjs``) calls these through ``calculator.worker``, so
no Python source is ever built in JavaScript and no Python object crosses into the page. Each answer is an
envelope: ``{"ok": <what evaluate returns>}`` or, for bad facts, ``{"errors": FactsError.errors}``.
Any other exception is a bug and propagates.
"""

from __future__ import annotations

import json
from typing import Any

from .errors import FactsError
from .result import evaluate

NOT_JSON = [{"field": "facts", "message": "收到的信息不是有效的 JSON，请检查后重试"}]


def evaluate_json(text: str) -> str:
    """Evaluate one fact set given as JSON text; return the envelope as JSON text."""
    try:
        facts = json.loads(text)
    except (TypeError, ValueError):
        return _dumps({"errors": NOT_JSON})
    return _dumps(_envelope(facts))


def evaluate_many_json(text: str) -> str:
    """Evaluate a JSON list of fact sets; return a JSON list of envelopes, in the same order."""
    try:
        many = json.loads(text)
    except (TypeError, ValueError):
        return _dumps({"errors": NOT_JSON})
    if not isinstance(many, list):
        return _dumps({"errors": [{"field": "facts", "message": "请提供一组信息的列表（JSON 数组）"}]})
    # Each answer is encoded as soon as it is made: the same text as dumping the whole list, without
    # holding 10,000 results' dicts at once (hundreds of MB in the browser), which the cyclic garbage
    # collector would also walk again and again as the batch grew.
    return "[" + ",".join(_dumps(_envelope(facts)) for facts in many) + "]"


def _envelope(facts: Any) -> dict[str, Any]:
    try:
        return {"ok": evaluate(facts)}
    except FactsError as error:
        return {"errors": error.errors}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
