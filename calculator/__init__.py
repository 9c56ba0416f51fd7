"""The rules of 沪松卫规〔2020〕2号, as a pure-Python calculator (standard library only).

``evaluate(facts)`` takes a JSON-compatible dict of a resident's facts and returns a
JSON-compatible result: amounts, and every measure of 二、主要措施 with a status, reasons in
plain Chinese and the responsible departments. Bad input raises a :class:`CalculatorError`
(:class:`FactsError` or :class:`RosterError`, see :mod:`calculator.errors`).

The JSON boundary the browser calls (``evaluate_json``, ``evaluate_many_json``, ``roster_json``) is
:mod:`calculator.worker`'s.
"""

from __future__ import annotations

from .rules.assumptions import assumptions
from .errors import CalculatorError, FactsError, RosterError
from .facts.spec import describe_facts
from .result.evaluate import evaluate, evaluate_amounts
from .roster.api import roster_csv, roster_xlsx
from .rules.standards import Standards, load_standards, standards

__all__ = [
    "CalculatorError",
    "FactsError",
    "RosterError",
    "Standards",
    "assumptions",
    "describe_facts",
    "evaluate",
    "evaluate_amounts",
    "load_standards",
    "roster_csv",
    "roster_xlsx",
    "standards",
]
