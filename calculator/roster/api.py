"""Roster mode for a whole file held in memory (the staff page runs it in the browser).

``roster_csv(text)`` runs the same rows as the CLI's ``roster`` command on CSV text and returns the
output CSV with the summary and the bad rows, so the page can show them and offer the result as a
download; ``roster_xlsx(data)`` does the same for an .xlsx's bytes (openpyxl, which writes it, is imported only then).
``roster_json`` is their JSON boundary for the browser worker (an .xlsx travels as base64).
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import FactsError
from .._boundary.json_in import read_json
from .facts import RosterError
from .csv_io import csv_rows
from .kinds import check_kind
from .limits import check_csv_rows, check_file_size, check_xlsx
from .columns import OUTPUT_COLUMNS
from .output import start_summary, write_roster

Progress = Callable[[int, int], None]  # (rows read, rows in the file or 0), every PROGRESS_EVERY rows
PROGRESS_EVERY = 1000
NOT_JSON = [{"field": "roster", "message": "收到的内容不是有效的 JSON，请检查后重试"}]
OPTIONS = ("as_of", "changes_until", "headers", "sheet")


def roster_csv(text: str, as_of: str | None = None, *, changes_until: str | None = None,
               headers: str = "chinese", progress: Progress | None = None) -> dict[str, Any]:
    """Check a roster given as CSV text; ``as_of`` applies to rows without their own 计算日期.

    Returns ``{"csv": output text (no BOM), "summary": {...}, "bad_rows": [{row, error}]}``: see the
    README. ``row`` is the row's number in a spreadsheet. With ``changes_until`` the CSV is the list of
    changes instead. Raises FactsError for a bad date and RosterError for a bad file or header.
    """
    check_file_size(len(text))  # characters: at least as many bytes
    rows = _reporting(csv.reader(io.StringIO(text.lstrip("\ufeff"))), 0, progress)
    answer = _run(rows, "csv", as_of, changes_until, headers)
    answer["csv"] = answer.pop("bytes").decode("utf-8-sig")
    return answer


def roster_csv_bytes(data: bytes, as_of: str | None = None, *, changes_until: str | None = None,
                     headers: str = "chinese", progress: Progress | None = None) -> dict[str, Any]:
    """Like :func:`roster_csv` for a CSV file's bytes, read as the CLI reads it (UTF-8 or GBK, found out)."""
    check_file_size(len(data))
    source = io.BytesIO(data)
    check_kind(source, "csv")
    total = check_csv_rows(source)
    answer = _run(_reporting(csv_rows(source), total, progress), "csv", as_of, changes_until, headers)
    answer["csv"] = answer.pop("bytes").decode("utf-8-sig")
    return answer


def roster_xlsx(data: bytes, as_of: str | None = None, *, changes_until: str | None = None,
                headers: str = "chinese", sheet: str | None = None,
                progress: Progress | None = None) -> dict[str, Any]:
    """Like :func:`roster_csv` for an .xlsx file's bytes; the output is ``"xlsx"``: the .xlsx's bytes.
    ``sheet`` names the sheet to read (else the first with a header row); the answer's ``sheets`` lists
    every sheet and ``sheet`` says which was read."""
    from .xlsx_io import xlsx_rows

    check_file_size(len(data))
    source = io.BytesIO(data)
    check_kind(source, "xlsx")
    total = check_xlsx(source)
    info: dict[str, Any] = {}
    rows = xlsx_rows(source, sheet, info)
    answer = _run(_reporting(rows, total, progress), "xlsx", as_of, changes_until, headers)
    answer["xlsx"] = answer.pop("bytes")
    return answer | info


def _reporting(rows: Iterable[list[str]], total: int, progress: Progress | None) -> Iterable[list[str]]:
    """``rows``, calling ``progress(rows read, total)`` every PROGRESS_EVERY rows (the page's progress bar)."""
    return rows if progress is None else _reported(rows, total, progress)


def _reported(rows: Iterable[list[str]], total: int, progress: Progress) -> Iterator[list[str]]:
    for number, cells in enumerate(rows, start=1):
        if number % PROGRESS_EVERY == 0:
            progress(number, max(total, number))
        yield cells


def _run(rows: Iterable[list[str]], fmt: str, as_of: str | None, changes_until: str | None,
         headers: str) -> dict[str, Any]:
    summary = start_summary(as_of, changes_until)
    target = io.BytesIO()
    write_roster(rows, target, fmt, as_of, summary, headers)
    answer = {"bytes": target.getvalue(), "summary": summary.totals(), "bad_rows": summary.bad_rows,
              "columns": [name for _, name in OUTPUT_COLUMNS]}  # the added columns, named once (the page says them)
    if summary.changes is not None:
        answer["summary"]["changes"] = summary.changes.written()
    return answer


def roster_json(payload: str, progress: Progress | None = None) -> str:
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
    options["progress"] = progress
    try:
        check_file_size(len(content) * 3 // 4 if kind != "text" else len(content))  # before decoding base64
        return _dumps({"ok": CONTENT[kind](content, options)})
    except binascii.Error:
        return _dumps({"errors": NOT_JSON})
    except (FactsError, RosterError) as problem:
        return _dumps({"errors": problem.errors})


def _xlsx_answer(content: str, options: dict[str, Any]) -> dict[str, Any]:
    answer = roster_xlsx(base64.b64decode(content, validate=True), **options)
    answer["xlsx_base64"] = base64.b64encode(answer.pop("xlsx")).decode("ascii")
    return answer


def _csv_options(options: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in options.items() if name != "sheet"}


CONTENT = {
    "text": lambda content, options: roster_csv(content, **_csv_options(options)),
    "csv_base64": lambda content, options: roster_csv_bytes(base64.b64decode(content, validate=True),
                                                            **_csv_options(options)),
    "xlsx_base64": _xlsx_answer,
}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
