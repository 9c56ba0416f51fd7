"""Standard-library sources without docstrings and comments, every line where it was.

Docstrings and comments are about a third of the standard library's source. The calculator's archive
ships these stripped sources compiled to bytecode (``runtime_compile.mjs``), the .xlsx roster's archive
as they are. ``sitegen/engine/runtime_strip.mjs`` runs this module inside Pyodide, so the sources are parsed by
the Python that will run them (3.14 syntax), not by the build's.

A docstring becomes ``0`` (so ``__doc__`` is ``None``, as under ``python -OO``); a comment goes with the
spaces before it. Line numbers stay, so tracebacks still point at the right lines. A result whose
statements do not match the original's, line for line, is not used: the original ships instead.
"""

from __future__ import annotations

import ast
import io
import tokenize

# Comments on the first two lines may be an encoding declaration (PEP 263): they stay.
KEEP_COMMENTS_BEFORE_LINE = 3


def strip_source(source: bytes) -> bytes:
    """``source`` without docstrings and comments, or ``source`` itself when that cannot be done safely."""
    try:
        text = source.decode("utf-8")
        ast.parse(text)
    except (UnicodeDecodeError, SyntaxError, ValueError):
        return source
    for keep_module_docstring in (False, True):  # a module docstring may have to stay before __future__
        try:
            stripped = _stripped(text, ast.parse(text), keep_module_docstring)
        except (SyntaxError, ValueError, tokenize.TokenError):
            continue
        for candidate in (_reindented, lambda same: same):
            try:
                result = candidate(stripped)
                compile(result, "<stripped>", "exec", dont_inherit=True)  # e.g. __future__ imports after a 0
                if _same_code(ast.parse(text), ast.parse(result), keep_module_docstring):
                    return result.encode("utf-8")
            except (SyntaxError, ValueError, tokenize.TokenError):
                continue
    return source


def _stripped(text: str, tree: ast.Module, keep_module_docstring: bool) -> str:
    lines = text.splitlines(keepends=True)
    edits: list[tuple[int, int, int, int, str]] = []  # (line, column, end line, end column, new text)
    for node in _docstrings(tree, keep_module_docstring):
        # ast's columns count UTF-8 bytes: turn them into characters.
        start = len(lines[node.lineno - 1].encode("utf-8")[:node.col_offset].decode("utf-8"))
        end = len(lines[node.end_lineno - 1].encode("utf-8")[:node.end_col_offset].decode("utf-8"))
        edits.append((node.lineno, start, node.end_lineno, end, "0"))
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.COMMENT and token.start[0] >= KEEP_COMMENTS_BEFORE_LINE:
            line = lines[token.start[0] - 1]
            start = len(line[:token.start[1]].rstrip())
            edits.append((token.start[0], start, token.end[0], token.end[1], ""))
    for line, column, end_line, end_column, new in sorted(edits, reverse=True):
        head, tail = lines[line - 1][:column], lines[end_line - 1][end_column:]
        # The lines a docstring spanned stay, empty: the code below keeps its line numbers.
        lines[line - 1:end_line] = [head + new + "\n"] * (end_line > line) + ["\n"] * (end_line - line - 1) \
            + [tail if end_line > line else head + new + tail]
    return "".join(lines)


def _reindented(text: str) -> str:
    """``text`` indented by one space per block level; continuation lines by one space; blank lines empty.

    Lines that start inside a token begun on an earlier line (a triple-quoted string) stay as they are:
    their spaces are the string's. Saves another 0.02 MB of brotli on the stdlib archive.
    """
    lines = text.splitlines(keepends=True)
    first: dict[int, tuple[int, int]] = {}  # line → (column of its first token, block depth there)
    inside: set[int] = set()  # lines that start inside a multi-line token
    depth, logical_start = 0, True
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        kind, (line, column), (end_line, _) = token.type, token.start, token.end
        if kind == tokenize.INDENT:
            depth += 1
            continue
        if kind == tokenize.DEDENT:
            depth -= 1
            continue
        if kind in (tokenize.NL, tokenize.COMMENT, tokenize.ENDMARKER):
            continue
        if kind == tokenize.NEWLINE:
            logical_start = True
            continue
        inside.update(range(line + 1, end_line + 1))
        if line not in first:
            first[line] = (column, depth if logical_start else depth + 1)
        logical_start = False
    for number, line in enumerate(lines, start=1):
        if number in inside:
            continue
        if number in first:
            column, level = first[number]
            if line[:column].strip(" \t"):
                raise ValueError(f"line {number}: no plain indentation before its first token")
            lines[number - 1] = " " * level + line[column:]
        elif not line.strip():
            lines[number - 1] = "\n" if line.endswith("\n") else ""
    return "".join(lines)


def _docstrings(tree: ast.Module, keep_module_docstring: bool) -> list[ast.Expr]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Module) and keep_module_docstring:
            continue
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str):
                found.append(first)
    return found


def _same_code(original: ast.Module, stripped: ast.Module, keep_module_docstring: bool) -> bool:
    """The stripped tree is the original with its docstrings as ``0``, every statement on its line."""
    for node in _docstrings(original, keep_module_docstring):
        node.value = ast.Constant(0)
    before = [(type(node).__name__, node.lineno) for node in ast.walk(original) if isinstance(node, ast.stmt)]
    after = [(type(node).__name__, node.lineno) for node in ast.walk(stripped) if isinstance(node, ast.stmt)]
    return before == after and ast.dump(original) == ast.dump(stripped)
