"""Parse the package's TOML data files, importing ``tomllib`` on first use rather than with the package.

Pyodide's standard library holds tomllib as source, so importing it in the browser means compiling
it: about a third of importing the whole package there, and a delay before the engine is ready. Every
data file is read lazily anyway, and the worker's warm-up (just after "ready") reads them all.
"""

from __future__ import annotations

from typing import Any


def parse_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``."""
    import tomllib  # noqa: PLC0415 - deliberately lazy, see the module docstring

    return tomllib.loads(text)
