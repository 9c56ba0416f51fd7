"""Roster mode for a whole file held in memory (the staff page runs it in the browser).

``roster_csv(text)`` runs the same rows as the CLI's ``roster`` command on CSV text and returns the
output CSV with the summary and the bad rows, so the page can show them and offer the result as a
download; ``roster_xlsx(data)`` does the same for an .xlsx's bytes (openpyxl is imported only then).
``roster_json`` is their JSON boundary for the browser worker (an .xlsx travels as base64).
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from ..errors import FactsError
from .._boundary.json_in import read_json
from .facts import RosterError
from .csv_io import csv_rows
from .output import start_summary, write_roster

NOT_JSON = [{"field": "roster", "message": "收到的内容不是有效的 JSON，请检查后重试"}]
OPTIONS = ("as_of", "changes_until", "headers")


def roster_csv(text: str, as_of: str | None = None, *, changes_until: str | None = None,
               headers: str = "chinese") -> dict[str, Any]:
    """Check a roster given as CSV text; ``as_of`` applies to rows without their own 计算日期.

    Returns ``{"csv": output text (no BOM), "summary": {...}, "bad_rows": [{row, error}]}``: see the
    README. ``row`` is the row's number in a spreadsheet. With ``changes_until`` the CSV is the list of
    changes instead. Raises FactsError for a bad date and RosterError for a bad file or header.
    """
    answer = _run(csv.reader(io.StringIO(text.lstrip("\ufeff"))), "csv", as_of, changes_until, headers)
    answer["csv"] = answer.pop("bytes").decode("utf-8-sig")
    return answer


def roster_csv_bytes(data: bytes, as_of: str | None = None, *, changes_until: str | None = None,
                     headers: str = "chinese") -> dict[str, Any]:
    """Like :func:`roster_csv` for a CSV file's bytes, read as the CLI reads it (UTF-8 or GBK, found out)."""
    answer = _run(csv_rows(io.BytesIO(data)), "csv", as_of, changes_until, headers)
    answer["csv"] = answer.pop("bytes").decode("utf-8-sig")
    return answer


def roster_xlsx(data: bytes, as_of: str | None = None, *, changes_until: str | None = None,
                headers: str = "chinese") -> dict[str, Any]:
    """Like :func:`roster_csv` for an .xlsx file's bytes; the output is ``"xlsx"``: the .xlsx's bytes."""
    from .xlsx_io import xlsx_rows

    answer = _run(xlsx_rows(io.BytesIO(data)), "xlsx", as_of, changes_until, headers)
    answer["xlsx"] = answer.pop("bytes")
    return answer


def _run(rows: Iterable[list[str]], fmt: str, as_of: str | None, changes_until: str | None,
         headers: str) -> dict[str, Any]:
    summary = start_summary(as_of, changes_until)
    target = io.BytesIO()
    write_roster(rows, target, fmt, as_of, summary, headers)
    answer = {"bytes": target.getvalue(), "summary": summary.totals(), "bad_rows": summary.bad_rows}
    if summary.changes is not None:
        answer["summary"]["changes"] = len(summary.changes.found)
    return answer


def roster_json(payload: str) -> str:
    """``{"text" | "csv_base64" | "xlsx_base64", "as_of", "changes_until", "headers"}`` as JSON text in;
    ``{"ok": answer}`` (an .xlsx's output as ``xlsx_base64``) or ``{"errors": [...]}`` out."""
    try:
        request = read_json(payload, "roster")
        options = {name: request.get(name) for name in OPTIONS}
        kind = next(name for name in CONTENT if name in request)
        content = request[kind]
    except (FactsError, TypeError, KeyError, AttributeError, StopIteration):
        return _dumps({"errors": NOT_JSON})
    if not isinstance(content, str) or not all(isinstance(v, (str, type(None))) for v in options.values()):
        return _dumps({"errors": NOT_JSON})
    options["headers"] = "keys" if options["headers"] == "keys" else "chinese"
    try:
        return _dumps({"ok": CONTENT[kind](content, options)})
    except binascii.Error:
        return _dumps({"errors": NOT_JSON})
    except (FactsError, RosterError) as problem:
        return _dumps({"errors": problem.errors})


def _xlsx_answer(content: str, options: dict[str, Any]) -> dict[str, Any]:
    answer = roster_xlsx(base64.b64decode(content, validate=True), **options)
    answer["xlsx_base64"] = base64.b64encode(answer.pop("xlsx")).decode("ascii")
    return answer


CONTENT = {
    "text": lambda content, options: roster_csv(content, **options),
    "csv_base64": lambda content, options: roster_csv_bytes(base64.b64decode(content, validate=True), **options),
    "xlsx_base64": _xlsx_answer,
}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
