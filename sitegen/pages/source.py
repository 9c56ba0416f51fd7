"""Load the policy source and refuse it loudly when it is malformed.

The checks here are what keeps every clause linkable for years: ids follow the
part.section.item scheme, each appears once, none of the notice's clauses is
missing, and the departments list is exactly the （…负责） tail of the text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from calculator._data import data_path, read_toml
from calculator.vocabulary import SPECIAL_FAMILY_TYPES
from sitegen.errors import PolicySourceError

SOURCE_PATH = data_path("notice")

# The notice's structure: 一 has no items; 二 has four sections of 4, 5, 3 and 10 items; 三 has three sections.
EXPECTED_IDS = (
    ["1"]
    + [f"2.{section}.{item}" for section, count in ((1, 4), (2, 5), (3, 3), (4, 10)) for item in range(1, count + 1)]
    + ["3.1", "3.2", "3.3"]
)
CLAUSE_FIELDS = {
    "id": str, "label": str, "title": str, "text": str, "departments": list,
    "cites": list, "keywords": list, "family_types": list, "themes": list,
}
DOCUMENT_FIELDS = ("title", "document_number", "date_text", "issuers", "addressees", "preamble",
                   "signatories", "disclosure", "parts", "sections", "clauses", "themes")
ID_PATTERN = re.compile(r"^[1-9]\d*(\.[1-9]\d*){0,2}$")
DEPARTMENT_TAIL = re.compile(r"[（(]([^（()）]*)负责[)）]$")


def load_source(path: Path = SOURCE_PATH) -> dict[str, Any]:
    """Parse and validate the policy source, raising PolicySourceError on any problem."""
    try:
        source = read_toml(path)
    except (OSError, ValueError) as error:
        raise PolicySourceError(f"{path}: cannot read the policy source: {error}") from error
    problems = validate_source(source)
    if problems:
        raise PolicySourceError(f"{path}: the policy source is malformed:\n  " + "\n  ".join(problems))
    return source


def validate_source(source: dict[str, Any]) -> list[str]:
    """Every problem with the source, as one line each (empty when it is sound)."""
    problems = [f"missing top-level field {name!r}" for name in DOCUMENT_FIELDS if name not in source]
    if problems:
        return problems
    for clause in source["clauses"]:
        problems += _clause_problems(clause, source)
    problems += _id_problems([clause.get("id") for clause in source["clauses"]])
    return problems


def department_tail(text: str) -> list[str]:
    """The departments named in a clause's （…负责） tail, exactly as written."""
    match = DEPARTMENT_TAIL.search(text)
    return match.group(1).split("、") if match else []


def _clause_problems(clause: dict[str, Any], source: dict[str, Any]) -> list[str]:
    where = f"clause {clause.get('id', '?')}"
    problems = [
        f"{where}: field {name!r} missing or not a {kind.__name__}"
        for name, kind in CLAUSE_FIELDS.items()
        if not isinstance(clause.get(name), kind)
    ]
    if problems:
        return problems
    if not clause["text"].strip() or not clause["title"].strip():
        problems.append(f"{where}: empty text or title")
    if clause["departments"] != department_tail(clause["text"]):
        problems.append(f"{where}: departments {clause['departments']} differ from the text's tail "
                        f"{department_tail(clause['text'])}")
    problems += [f"{where}: unknown theme {name!r}" for name in clause["themes"] if name not in source["themes"]]
    problems += [f"{where}: unknown family type {name!r}" for name in clause["family_types"]
                 if name not in SPECIAL_FAMILY_TYPES]
    return problems


def _id_problems(ids: list[Any]) -> list[str]:
    problems = [f"clause id {clause_id!r} does not follow the part.section.item scheme"
                for clause_id in ids if not isinstance(clause_id, str) or not ID_PATTERN.match(clause_id)]
    seen: set[Any] = set()
    for clause_id in ids:
        if clause_id in seen:
            problems.append(f"duplicate clause id {clause_id!r}")
        seen.add(clause_id)
    problems += [f"missing clause id {clause_id!r}" for clause_id in EXPECTED_IDS if clause_id not in seen]
    problems += [f"unexpected clause id {clause_id!r}" for clause_id in ids
                 if isinstance(clause_id, str) and clause_id not in EXPECTED_IDS]
    return problems
