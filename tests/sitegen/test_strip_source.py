"""Stdlib sources lose docstrings and comments, never a line, and nothing else."""

from __future__ import annotations

from sitegen.engine.strip_source import strip_source

SOURCE = b'''#!/usr/bin/env python
# -*- coding: utf-8 -*-
"""Module doc
spanning lines."""
import os  # why
x = "not a doc"  # a comment

class A:
    """Class doc."""   # trailing
    def f(self):
        """Func
        doc
        """
        return 1 / 0  # boom

def g(): "one-liner"
s = """keep
   # this is not a comment
"""
'''


def run(source: bytes) -> dict:
    namespace: dict = {}
    exec(compile(source, "module.py", "exec"), namespace)  # noqa: S102 - the test's own source
    return namespace


def test_docstrings_and_comments_go_and_every_line_stays() -> None:
    stripped = strip_source(SOURCE)
    assert b"doc" not in stripped.replace(b"not a doc", b"")
    assert b"why" not in stripped and b"boom" not in stripped and b"trailing" not in stripped
    assert stripped.startswith(b"#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n")  # an encoding line stays
    assert stripped.count(b"\n") == SOURCE.count(b"\n")
    namespace = run(stripped)
    assert namespace["x"] == "not a doc"
    assert namespace["s"] == "keep\n   # this is not a comment\n"  # a string that looks like a comment stays
    assert namespace["A"].__doc__ is None and namespace["A"].f.__doc__ is None and namespace["g"].__doc__ is None
    assert b"\n def f(self):\n" in stripped and b"\n  return 1 / 0\n" in stripped  # one space per level


def test_a_traceback_points_at_the_same_line() -> None:
    namespace = run(strip_source(SOURCE))
    try:
        namespace["A"]().f()
    except ZeroDivisionError as error:
        assert error.__traceback__.tb_next.tb_lineno == SOURCE.splitlines().index(b"        return 1 / 0  # boom") + 1


def test_a_module_docstring_before_a_future_import_stays() -> None:
    source = b'"""doc"""\nfrom __future__ import annotations\nx: int = 1  # one\n'
    assert strip_source(source) == b'"""doc"""\nfrom __future__ import annotations\nx: int = 1\n'


def test_what_cannot_be_parsed_ships_as_it_is() -> None:
    for source in (b"def f(:\n", b"\xff\xfe not utf-8"):
        assert strip_source(source) == source
