"""The package's public face: a small ``__all__``, one error tree, names that stay what they are."""

from __future__ import annotations

import importlib
import pkgutil

import calculator
from calculator import CalculatorError, FactsError, RosterError


def test_all_is_small() -> None:
    assert len(set(calculator.__all__)) == len(calculator.__all__) <= 12


def test_every_public_name_is_the_same_object_after_importing_every_submodule() -> None:
    before = {name: getattr(calculator, name) for name in calculator.__all__}
    imported = []
    for module in pkgutil.walk_packages(calculator.__path__, "calculator."):
        if module.name != "calculator.__main__":  # it would run the command line
            imported.append(importlib.import_module(module.name).__name__)
    assert len(imported) > 20
    for name, value in before.items():
        assert getattr(calculator, name) is value, name
    assert callable(calculator.roster_xlsx) and callable(calculator.standards) and callable(calculator.assumptions)


def test_one_error_tree_with_one_shape() -> None:
    assert issubclass(FactsError, CalculatorError) and issubclass(RosterError, CalculatorError)
    assert issubclass(CalculatorError, ValueError)
    for kind in (FactsError, RosterError):
        error = kind([{"field": "file", "message": "无法读取"}])
        assert error.errors == [{"field": "file", "message": "无法读取"}]
        assert isinstance(error, CalculatorError)
