"""The one error type the calculator raises for bad facts."""

from __future__ import annotations


class FactsError(ValueError):
    """Invalid facts, with one Chinese message per field.

    ``errors`` is a list of ``{"field": str, "message": str}``; ``field`` is a fact's key
    (``"birth_date"``), a nested key (``"child_event.kind"``) or ``"facts"`` for the whole input.
    """

    def __init__(self, errors: list[dict[str, str]]) -> None:
        self.errors = [dict(error) for error in errors]
        super().__init__("；".join(f"{e['field']}：{e['message']}" for e in self.errors))
