"""The package's shape: a sorted public surface, standard library only, nothing Pyodide cannot run."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import calculator

PACKAGE = Path(calculator.__file__).resolve().parent
NOT_IN_PYODIDE = {"multiprocessing", "threading", "subprocess", "concurrent"}
# The one module allowed the optional xlsx extra, imported inside its functions only.
OPTIONAL = {"xlsx_io.py": {"openpyxl"}}


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
        imported = _imports(path) - {"__future__"} - OPTIONAL.get(path.name, set())
        assert imported <= set(sys.stdlib_module_names), (path.name, imported - set(sys.stdlib_module_names))
        assert not imported & NOT_IN_PYODIDE, path.name


def test_modules_stay_small() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        assert len(path.read_text(encoding="utf-8").splitlines()) < 300, path.name


def test_openpyxl_is_imported_only_inside_functions_of_the_xlsx_module() -> None:
    tree = ast.parse((PACKAGE / "roster" / "xlsx_io.py").read_text(encoding="utf-8"))
    top_level = {alias.name.split(".")[0] for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))
                 for alias in node.names} | {node.module.split(".")[0] for node in tree.body
                                             if isinstance(node, ast.ImportFrom) and node.module and node.level == 0}
    assert "openpyxl" not in top_level


def test_importing_the_calculator_and_running_a_csv_roster_never_imports_openpyxl() -> None:
    import subprocess

    code = ("import sys, calculator; calculator.roster_csv('出生日期,家庭类别\\n1960-01-01,无\\n', '2024-06-01'); "
            "print('openpyxl' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
