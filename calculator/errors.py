"""The calculator's errors: one tree under one base.

::

    ValueError
     └── CalculatorError      any bad input the calculator refuses; .errors = [{"field", "message"}]
          ├── FactsError      bad facts (evaluate, the JSON boundary, a roster row, a CLI file)
          └── RosterError     a roster as a whole: its file, encoding or header

Both carry the same ``errors``: a list of ``{"field": str, "message": str}`` with one Chinese message
per field; ``field`` is a fact's key (``"birth_date"``), a nested key (``"child_event.kind"``),
``"facts"`` for the whole input, or ``"file"`` / ``"encoding"`` / a column for a roster. Any other
exception is a bug.
"""

from __future__ import annotations


class CalculatorError(ValueError):
    """Input the calculator refuses, with one Chinese message per field in ``errors``."""

    def __init__(self, errors: list[dict[str, str]]) -> None:
        self.errors = [dict(error) for error in errors]
        super().__init__(self._summary())

    def _summary(self) -> str:
        return "；".join(f"{e['field']}：{e['message']}" for e in self.errors)


class FactsError(CalculatorError):
    """Invalid facts, with one Chinese message per field.

    ``errors`` is a list of ``{"field": str, "message": str}``; ``field`` is a fact's key
    (``"birth_date"``), a nested key (``"child_event.kind"``) or ``"facts"`` for the whole input.
    """


class RosterError(CalculatorError):
    """A problem with the roster as a whole (its file or header), with ``errors`` like FactsError."""

    def _summary(self) -> str:
        return "；".join(error["message"] for error in self.errors)
