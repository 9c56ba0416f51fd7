"""Roster mode for a whole CSV held in memory (the staff page runs it in the browser).

``roster_csv(text)`` runs the same row processing as the CLI's ``roster`` command on the CSV text
and returns the output CSV with a summary and the bad rows, so the page can show them and offer
the result as a download. ``roster_json`` is its JSON boundary for the browser worker.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .errors import FactsError
from .json_text import read_json
from .roster import RosterError, check_as_of, process_rows

NOT_JSON = [{"field": "roster", "message": "收到的内容不是有效的 JSON，请检查后重试"}]


def roster_csv(text: str, as_of: str | None = None) -> dict[str, Any]:
    """Check a roster given as CSV text; ``as_of`` applies to rows without their own 计算日期.

    Returns ``{"csv": output text, "summary": {rows, good, bad, total_monthly, amounts_notice}, "bad_rows":
    [{row, error}]}``; ``row`` is the row's number in a spreadsheet (the header is row 1);
    ``amounts_notice`` is null or the rules' ``{reviewed, text}`` (said once, not per row).
    Raises FactsError for a bad ``as_of`` and RosterError for a bad header.
    """
    if as_of:
        check_as_of(as_of)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    notices: list[dict[str, str]] = []
    rows = process_rows(iter(csv.reader(io.StringIO(text.lstrip("\ufeff")))), as_of or None, notices)
    header = next(rows, None)
    if header is None:
        raise RosterError([{"field": "file", "message": "文件是空的：第一行应是表头（如 姓名、出生日期、家庭类别）"}])
    writer.writerow(header)
    error_at, monthly_at = header.index("error"), header.index("monthly_special_assistance")
    bad_rows: list[dict[str, Any]] = []
    total = count = 0
    for count, row in enumerate(rows, start=1):
        writer.writerow(row)
        if row[error_at]:
            bad_rows.append({"row": count + 1, "error": row[error_at]})
        if row[monthly_at]:
            total += int(row[monthly_at])
    summary = {"rows": count, "good": count - len(bad_rows), "bad": len(bad_rows), "total_monthly": total,
               "amounts_notice": notices[0] if notices else None}
    return {"csv": buffer.getvalue(), "summary": summary, "bad_rows": bad_rows}


def roster_json(payload: str) -> str:
    """``{"text", "as_of"}`` as JSON text in; ``{"ok": roster_csv(...)}`` or ``{"errors": [...]}`` out."""
    try:
        request = read_json(payload, "roster")
        text, as_of = request["text"], request.get("as_of")
    except (FactsError, TypeError, KeyError, AttributeError):
        return _dumps({"errors": NOT_JSON})
    if not isinstance(text, str) or not isinstance(as_of, (str, type(None))):
        return _dumps({"errors": NOT_JSON})
    try:
        return _dumps({"ok": roster_csv(text, as_of)})
    except (FactsError, RosterError) as problem:
        return _dumps({"errors": problem.errors})


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
