"""Every phrase of words.toml has one home: code, templates and page scripts take it from there.

A phrase is a string of words.toml with ten characters or more (the hotline, the disclaimer, the
glossary's explanations …): shorter ones are names (独生子女死亡家庭, 扶助证) that rule sentences
rightly contain. Data files and tests may repeat a phrase; Python docstrings and comments may quote one.
"""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

from calculator._data import load

ROOT = Path(__file__).resolve().parents[2]
CHECKED = ("calculator", "sitegen", "templates", "web", "overrides", "docs/assets", "build_site.py")
MIN_LENGTH = 10


def _phrases(value: object) -> set[str]:
    if isinstance(value, str):
        return {value} if len(value) >= MIN_LENGTH and re.search(r"[\u4e00-\u9fff]", value) else set()
    if isinstance(value, dict):
        return set().union(*(_phrases(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(_phrases(item) for item in value))
    return set()


def _code_text(path: Path) -> str:
    """What a file says to a reader of the site: a Python file's non-docstring strings, a script or
    template without its comments."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        tree = ast.parse(text)
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                      and node.body and isinstance(node.body[0], ast.Expr)
                      and isinstance(node.body[0].value, ast.Constant)}
        return "\n".join(node.value for node in ast.walk(tree)
                         if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings)
    text = re.sub(r"\{#.*?#\}", "", text, flags=re.S)  # jinja comments
    return re.sub(r"(?m)^\s*(//|/?\*).*$", "", text)  # whole-line script and style comments


def test_no_phrase_of_words_toml_is_written_out_in_code_templates_or_scripts() -> None:
    phrases = _phrases(load("words"))
    assert "12345 市民服务热线" in phrases and load("words")["disclaimer"] in phrases
    listed = subprocess.run(["git", "ls-files", *CHECKED], cwd=ROOT, capture_output=True, text=True, check=True)
    files = [ROOT / name for name in listed.stdout.split()
             if name.endswith((".py", ".js", ".mjs", ".j2", ".html", ".css")) and (ROOT / name).exists()]
    assert len(files) > 50
    found = [(path.relative_to(ROOT).as_posix(), phrase) for path in files for phrase in phrases
             if phrase in _code_text(path)]
    assert found == []
