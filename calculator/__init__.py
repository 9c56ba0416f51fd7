"""The rules of 沪松卫规〔2020〕2号, as a pure-Python calculator (standard library only).

``evaluate(facts)`` takes a JSON-compatible dict of a resident's facts and returns a
JSON-compatible result: amounts, and every measure of 二、主要措施 with a status, reasons in
plain Chinese and the responsible departments. Bad facts raise :class:`FactsError`.
"""

from __future__ import annotations

from .assumptions import assumptions
from .errors import FactsError
from .json_boundary import evaluate_json, evaluate_many_json
from .questions import describe_facts
from .result import evaluate, evaluate_amounts
from .roster.api import roster_csv, roster_json, roster_xlsx
from .standards import Standards, load_standards, standards

__all__ = [
    "FactsError",
    "Standards",
    "assumptions",
    "describe_facts",
    "evaluate",
    "evaluate_amounts",
    "evaluate_json",
    "evaluate_many_json",
    "load_standards",
    "roster_csv",
    "roster_json",
    "roster_xlsx",
    "standards",
]
