"""What to bring and where to go: ``calculator/data/guidance.toml`` and the deploying office's contacts.

The guidance file names documents and office *types* per measure; ``deploy/contacts.toml`` is where
the office deploying the site lists particular offices (name, address, hours, phone), each with the
``source`` it was taken from and the day it was ``checked``. The build refuses an entry without them:
a number or an address that no source gave must never reach a resident.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from calculator._data import SHAPES, data_path, read_toml
from calculator.vocabulary import fill
from sitegen.errors import GuidanceError
from sitegen.paths import ROOT

GUIDANCE_FILE = data_path("guidance")
CONTACTS_FILE = ROOT / "deploy" / "contacts.toml"
CONTACT_FIELDS = ("place", "name", "source", "checked")
CONTACT_DETAILS = ("address", "hours", "phone", "note")


def load_guidance(measure_ids: list[str], path: Path = GUIDANCE_FILE) -> dict[str, Any]:
    """``{documents, places, measures: {clause: {documents: [{id, name, notice}], places: [{id, name, plain, from_notice}]}}}``.

    Every measure of ``measure_ids`` must be covered, and every id named must be defined.
    """
    data = read_toml(path, SHAPES["guidance"])
    documents = data["documents"]
    places = {key: {field: fill(text) for field, text in place.items()} for key, place in data["places"].items()}
    measures = {}
    for entry in data["measures"]:
        clause = entry["clause"]
        if clause in measures:
            raise GuidanceError(f"{path.name}: measure {clause} is listed twice")
        measures[clause] = {
            "documents": [_document(item, documents, clause) for item in entry["documents"]],
            "places": [_place(item, places, clause) for item in entry["places"]],
        }
    missing = sorted(set(measure_ids) - measures.keys(), key=_clause_key)
    extra = sorted(measures.keys() - set(measure_ids), key=_clause_key)
    if missing or extra:
        raise GuidanceError(f"{path.name}: measures missing {missing}, not in the notice {extra}")
    return {"documents": {key: fill(name) for key, name in documents.items()}, "places": places, "measures": measures}


def load_contacts(places: dict[str, Any], path: Path = CONTACTS_FILE) -> list[dict[str, Any]]:
    """The deploying office's contact entries, checked; an absent or empty file gives none."""
    if not path.exists():
        return []
    entries = read_toml(path).get("contacts", [])
    return [_contact(number, entry, places, path.name) for number, entry in enumerate(entries, start=1)]


def _document(item: dict[str, Any], documents: dict[str, str], clause: str) -> dict[str, Any]:
    if item["id"] not in documents:
        raise GuidanceError(f"guidance {clause}: unknown document {item['id']!r}")
    return {"id": item["id"], "name": fill(documents[item["id"]]), "notice": bool(item.get("notice", False))}


def _place(item: dict[str, Any], places: dict[str, dict[str, str]], clause: str) -> dict[str, Any]:
    if item["id"] not in places:
        raise GuidanceError(f"guidance {clause}: unknown place {item['id']!r}")
    place = places[item["id"]]
    return {"id": item["id"], "name": place["name"], "plain": place["plain"],
            "from_notice": bool(item.get("from_notice", False))}


def _contact(number: int, entry: dict[str, Any], places: dict[str, Any], file_name: str) -> dict[str, Any]:
    missing = [field for field in CONTACT_FIELDS if not entry.get(field)]
    if missing:
        raise GuidanceError(f"{file_name}: contact #{number} lacks {', '.join(missing)} "
                            "(every address or phone number needs the source it came from and the day it was checked)")
    if entry["place"] not in places:
        raise GuidanceError(f"{file_name}: contact #{number}: unknown place {entry['place']!r} (one of {sorted(places)})")
    if not isinstance(entry["checked"], date):
        raise GuidanceError(f"{file_name}: contact #{number}: checked must be a date, e.g. checked = 2026-11-01")
    unknown = set(entry) - set(CONTACT_FIELDS) - set(CONTACT_DETAILS)
    if unknown:
        raise GuidanceError(f"{file_name}: contact #{number}: unknown fields {sorted(unknown)}")
    return {**{field: entry.get(field, "") for field in CONTACT_DETAILS}, **entry, "checked": entry["checked"].isoformat()}


def _clause_key(clause: str) -> tuple[int, ...]:
    return tuple(int(part) for part in clause.split("."))
