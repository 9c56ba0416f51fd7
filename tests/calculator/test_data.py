"""One loader for every TOML data file: checked once, cached, and the only reader of the files."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import calculator
import sitegen
from calculator._data import SHAPES, DataFileError, load, read_toml

PACKAGES = (Path(calculator.__file__).resolve().parent, Path(sitegen.__file__).resolve().parent)


def test_every_data_file_loads_with_its_shape_and_is_read_once() -> None:
    shipped = {path.stem for path in (PACKAGES[0] / "data").glob("*.toml")}
    assert shipped == set(SHAPES)
    for name in SHAPES:
        assert load(name) is load(name)


def test_a_file_without_a_table_or_not_toml_is_refused_by_name(tmp_path: Path) -> None:
    broken = tmp_path / "words.toml"
    broken.write_text('disclaimer = "x"\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="words.toml: missing or malformed statuses"):
        read_toml(broken, SHAPES["words"])
    broken.write_text("disclaimer = \n", encoding="utf-8")
    with pytest.raises(DataFileError, match="words.toml: not valid TOML"):
        read_toml(broken)


def test_no_module_but_the_loader_parses_toml() -> None:
    for package in PACKAGES:
        for path in package.rglob("*.py"):
            if path.name == "_data.py":
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
            imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
            assert "tomllib" not in imported, path
