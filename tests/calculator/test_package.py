"""The package's shape: a sorted public surface, standard library only, nothing Pyodide cannot run."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import calculator

PACKAGE = Path(calculator.__file__).resolve().parent
NOT_IN_PYODIDE = {"multiprocessing", "threading", "subprocess", "concurrent"}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_public_names_are_exported_in_a_sorted_all() -> None:
    assert calculator.__all__ == sorted(calculator.__all__)
    assert all(hasattr(calculator, name) for name in calculator.__all__)


def test_the_package_imports_only_the_standard_library_and_nothing_pyodide_lacks() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        imported = _imports(path) - {"__future__"}
        assert imported <= set(sys.stdlib_module_names), (path.name, imported - set(sys.stdlib_module_names))
        assert not imported & NOT_IN_PYODIDE, path.name


def test_modules_stay_small() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        assert len(path.read_text(encoding="utf-8").splitlines()) < 300, path.name
