"""The generator's errors: every one is defined in sitegen/errors.py, under SitegenError."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import build_site
from sitegen import errors

SITEGEN = Path(errors.__file__).resolve().parent


def test_every_error_class_is_under_the_one_base() -> None:
    classes = [value for value in vars(errors).values() if inspect.isclass(value) and value.__module__ == errors.__name__]
    assert len(classes) >= 10
    assert all(issubclass(value, errors.SitegenError) for value in classes)


def test_no_other_module_defines_an_exception_class() -> None:
    for path in sorted([*SITEGEN.rglob("*.py"), Path(build_site.__file__)]):
        if path.name == "errors.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef) and node.name.endswith("Error")]
        assert names == [], (path.name, names)
