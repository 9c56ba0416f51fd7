"""The one loader of the package's TOML data files, checked once and cached.

``load("words")`` is ``calculator/data/words.toml`` parsed, its top-level tables checked against
:data:`SHAPES`, and cached (do not mutate it). ``read_toml(path, shape)`` does the same for a file
outside the package, uncached: sitegen reads the deploying office's files and its own through it, and
the package's files through :func:`data_path`. A file that does not parse or lacks a table raises
:class:`DataFileError`, a bug in the data rather than a resident's input.

``tomllib`` is imported on first use rather than with the package. Pyodide's standard library holds
tomllib as source, so importing it in the browser means compiling it: about a third of importing the
whole package there, and a delay before the engine is ready. Every data file is read lazily anyway,
and the worker's warm-up (just after "ready") reads them all.
"""

from __future__ import annotations

import datetime
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from os import PathLike
from pathlib import Path
from typing import Any

DATA_FOLDER = "data"
# Every package data file: its top-level keys and their types.
SHAPES: dict[str, dict[str, type]] = {
    "notice": {"title": str, "document_number": str, "date": datetime.date, "clauses": list, "parts": list,
               "sections": list, "themes": dict},
    "words": {"disclaimer": str, "statuses": dict, "family_types": dict, "certificates": dict, "offices": dict,
              "glossary": list},
    "facts": {"facts": list},
    "assumptions": {"assumptions": list},
    "guidance": {"documents": dict, "places": dict, "measures": list},
}


class DataFileError(ValueError):
    """A data file does not parse or lacks a table it must have; the message names the file."""


def parse_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``."""
    import tomllib  # noqa: PLC0415 - deliberately lazy, see the module docstring

    return tomllib.loads(text)


@cache
def load(name: str) -> dict[str, Any]:
    """The package's ``data/<name>.toml``, parsed and checked against ``SHAPES[name]`` (cached; do not mutate)."""
    return read_toml(resources.files("calculator").joinpath(DATA_FOLDER, f"{name}.toml"), SHAPES[name])


def read_toml(file: str | PathLike[str] | Traversable, shape: dict[str, type] | None = None) -> dict[str, Any]:
    """``file`` parsed, with every key of ``shape`` present and of its type; DataFileError otherwise."""
    source = file if isinstance(file, Traversable) else Path(file)
    try:
        data = parse_toml(source.read_text(encoding="utf-8"))
    except ValueError as problem:  # tomllib.TOMLDecodeError
        raise DataFileError(f"{source.name}: not valid TOML: {problem}") from problem
    wrong = [key for key, kind in (shape or {}).items() if not isinstance(data.get(key), kind)]
    if wrong:
        raise DataFileError(f"{source.name}: missing or malformed {', '.join(wrong)}")
    return data


def data_path(name: str) -> Path:
    """Where ``data/<name>.toml`` is on disk, for the site generator (CPython, an unzipped package)."""
    return Path(__file__).resolve().parent / DATA_FOLDER / f"{name}.toml"
