"""The calculator's JSON boundary: one JSON string in, one JSON string out.

The browser worker (``web/engine-worker.mjs``) calls these through ``calculator.worker``, so
no Python source is ever built in JavaScript and no Python object crosses into the page. Each answer is an
envelope: ``{"ok": <what evaluate returns>}`` or, for bad facts, ``{"errors": FactsError.errors}``.
Any other exception is a bug and propagates.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import FactsError
from .json_in import read_json
from ..result.evaluate import evaluate

NOT_TEXT = [{"field": "facts", "message": "收到的信息不是文字，请检查后重试"}]


def evaluate_json(text: str) -> str:
    """Evaluate one fact set given as JSON text; return the envelope as JSON text."""
    try:
        facts = read_json(text) if isinstance(text, str) else _refuse(text)
    except FactsError as error:
        return _dumps({"errors": error.errors})
    return _envelope_json(facts)


def evaluate_many_json(text: str) -> str:
    """Evaluate a JSON list of fact sets; return a JSON list of envelopes, in the same order."""
    try:
        many = read_json(text) if isinstance(text, str) else _refuse(text)
    except FactsError as error:
        return _dumps({"errors": error.errors})
    if not isinstance(many, list):
        return _dumps({"errors": [{"field": "facts", "message": "请提供一组信息的列表（JSON 数组）"}]})
    # Each answer is encoded as soon as it is made: the same text as dumping the whole list, without
    # holding 10,000 results' dicts at once (hundreds of MB in the browser), which the cyclic garbage
    # collector would also walk again and again as the batch grew.
    return "[" + ",".join(_envelope_json(facts) for facts in many) + "]"


def _refuse(_: object) -> Any:
    raise FactsError(NOT_TEXT)


def _envelope_json(facts: Any) -> str:
    """``_dumps({"ok": evaluate(facts)})``, or the errors' envelope, with measure texts reused."""
    try:
        result = evaluate(facts)
    except FactsError as error:
        return _dumps({"errors": error.errors})
    # Keys are unique and a quote inside a string value is escaped, so this key appears once.
    text = _dumps({**result, "measures": []})
    measures = ",".join(_measure_json(measure) for measure in result["measures"])
    return '{"ok":' + text.replace('"measures":[]', f'"measures":[{measures}]', 1) + "}"


# Encoded measure records by (clause, status, reasons, amount); departments and assumptions are fixed
# per clause. Measures are nine tenths of a result's text and 86 % of them repeat in a batch of
# 10,000 random households, so encoding each distinct one once halves the time spent encoding.
_measure_texts: dict[tuple[Any, ...], str] = {}
MEASURE_TEXTS_KEPT = 20_000


def _measure_json(measure: dict[str, Any]) -> str:
    standard = measure.get("standard") or {}
    key = (measure["clause"], measure["status"], *measure["reasons"], measure.get("amount"), measure.get("possible_amount"),
           standard.get("source"), standard.get("since"), measure.get("aside"), *measure["to_settle"])
    text = _measure_texts.get(key)
    if text is None:
        if len(_measure_texts) >= MEASURE_TEXTS_KEPT:
            _measure_texts.clear()
        text = _measure_texts[key] = _dumps(measure)
    return text


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
