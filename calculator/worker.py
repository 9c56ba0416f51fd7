"""What the browser's engine worker (``web/engine-worker.mjs``) calls through Pyodide.

``call(method, text)`` runs one JSON boundary function and answers in UTF-8 bytes, not a str:
Pyodide copies a str that holds Chinese into JavaScript one character at a time (20 million
characters took 4.8 s here), bytes as one block (0.7 s including decoding them in JavaScript) —
and 10,000 results are 65 million characters.

``warm_up()`` runs every path once with built-in sample data, so the memory snapshot the worker
takes next (a repeat visit restores it instead of starting Python again) already holds every module
and every data file the calculator reads. The worker calls it before it accepts any request, so no
visitor's answers can ever be part of a snapshot.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable

from ._boundary.envelope import evaluate_json, evaluate_many_json
from .facts.spec import describe_facts
from .roster.api import roster_json

# rosterXlsx is roster_json too: the engine worker unpacks openpyxl's wheels before its first call.
__all__ = ["call", "evaluate_json", "evaluate_many_json", "roster_json", "warm_up", "warm_up_xlsx"]

METHODS = {"evaluate": evaluate_json, "evaluateMany": evaluate_many_json, "roster": roster_json,
           "rosterXlsx": roster_json}

SAMPLE_FACTS = {
    "as_of": "2024-06-01", "birth_date": "1960-05-01", "family_type": "child_deceased",
    "songjiang_hukou": True, "partner_birth_date": "1962-02-28", "partner_songjiang_hukou": True,
    "special_assistance_cert": True,
    "honor_cert": True, "child_event": {"kind": "accidental_death", "child_age": 20},
}
# An old .xls's first bytes and the name of its Workbook stream (UTF-16-LE, written out: no codec needed).
SAMPLE_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"W\0o\0r\0k\0b\0o\0o\0k\0\0\0"
SAMPLE_ROSTER = "出生日期,家庭类别,计算日期\r\n1960-05-01,独生子女死亡家庭,2024-06-01\r\n1960-02-30,伤残,\r\n"


def call(method: str, text: str, progress: Callable[[int, int], None] | None = None) -> bytes:
    """``METHODS[method](text)`` as UTF-8 bytes; ``method`` must be one of ``METHODS``. A roster run calls
    ``progress(rows read, rows in the file)`` every 1,000 rows (the worker posts it to the page)."""
    if progress is not None and METHODS[method] is roster_json:
        return roster_json(text, progress).encode("utf-8")
    return METHODS[method](text).encode("utf-8")


def warm_up() -> None:
    """Run evaluate, a batch with bad facts, the roster (as text, and as UTF-8 and GBK bytes, as the
    roster page sends a CSV) and the form's questions once."""
    describe_facts()
    evaluate_json(json.dumps(SAMPLE_FACTS))
    evaluate_many_json(json.dumps([SAMPLE_FACTS, {"birth_date": "1960-13-01"}, None]))
    roster_json(json.dumps({"text": SAMPLE_ROSTER, "as_of": "2024-06-01"}))
    for encoding in ("utf-8", "gbk"):
        data = base64.b64encode(SAMPLE_ROSTER.encode(encoding)).decode("ascii")
        roster_json(json.dumps({"csv_base64": data, "as_of": "2024-06-01", "changes_until": "2025-06-01"}))
    for refused in (SAMPLE_OLE, b"PK\x03\x04word/document.xml"):  # an old .xls, a Word file: named, refused
        roster_json(json.dumps({"csv_base64": base64.b64encode(refused).decode("ascii")}))


def warm_up_xlsx() -> None:
    """Write a small .xlsx and check it as the roster page does: the build's runtime trace calls this
    (with openpyxl's wheels unpacked) so the trimmed standard library holds what the .xlsx path needs."""
    import io  # noqa: PLC0415 - only on the .xlsx path

    from .roster.xlsx_io import write_xlsx  # noqa: PLC0415 - imports openpyxl, which only an .xlsx roster loads

    rows = [row.split(",") for row in SAMPLE_ROSTER.strip().split("\r\n")]
    buffer = io.BytesIO()
    write_xlsx([rows[0]], rows[1:], buffer, lambda: [])
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    answer = json.loads(roster_json(json.dumps({"xlsx_base64": data, "as_of": "2024-06-01"})))
    if "ok" not in answer:
        raise RuntimeError(f"the .xlsx roster failed: {answer}")
