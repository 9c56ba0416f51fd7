"""Small changes to each page's HTML so it reads on a 320 px phone with 大字 on.

- Tables with a header row get their column names on every cell (``data-label``) and explicit
  ARIA roles, so fit.css can show each row as a card below 480 px without a sideways scroll bar,
  and screen readers still hear a table.
- An amount or an age stays with its unit: "3000 元", "60 周岁" are wrapped in a no-wrap span.

Pure functions of the HTML text; sitegen/hooks.py applies them to every page's content.
"""

from __future__ import annotations

import html
import re

TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
THEAD = re.compile(r"<thead>(.*?)</thead>", re.DOTALL)
ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
CELL = re.compile(r"<(td|th)(\s[^>]*)?>", re.DOTALL)
HEADER_CELL = re.compile(r"<th[^>]*>(.*?)</th>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")
# A number and its unit, with or without the space between (the notice writes 3000元, we write 3000 元).
AMOUNT = re.compile(r"(\d[\d,，.]*(?:[ \u00a0]|&nbsp;)?(?:元|周岁))")
# Text inside these elements is left alone.
SKIPPED = ("script", "style", "pre", "code", "textarea")


def fit_page(content: str) -> str:
    """The page content with stackable tables and amounts that keep their unit."""
    return keep_amounts_with_units(label_tables(content))


def label_tables(content: str) -> str:
    """Each table that has a header row, with its column names on the body cells and ARIA roles."""
    return TABLE.sub(_label_table, content)


def keep_amounts_with_units(content: str) -> str:
    """Wrap "3000 元" and "60 周岁" in <span class="amount"> in text, never inside tags or code."""
    parts = re.split(r"(<[^>]+>)", content)
    skipping: str | None = None
    for index, part in enumerate(parts):
        if part.startswith("<"):
            skipping = _skipping_after(part, skipping)
        elif skipping is None and part:
            parts[index] = AMOUNT.sub(r'<span class="amount">\1</span>', part)
    return "".join(parts)


def _skipping_after(tag: str, skipping: str | None) -> str | None:
    name = re.match(r"</?([a-zA-Z0-9]+)", tag)
    if not name:
        return skipping
    name_text = name.group(1).lower()
    if skipping is None and not tag.startswith("</") and name_text in SKIPPED and not tag.endswith("/>"):
        return name_text
    if skipping == name_text and tag.startswith("</"):
        return None
    return skipping


def _label_table(match: re.Match[str]) -> str:
    inner = match.group(1)
    head = THEAD.search(inner)
    if not head:
        return match.group(0)
    names = [html.escape(TAG.sub("", cell).strip(), quote=True) for cell in HEADER_CELL.findall(head.group(1))]
    body = inner[head.end():]
    labelled = ROW.sub(lambda row: _label_row(row.group(1), names), body.replace("<tbody>", '<tbody role="rowgroup">'))
    head_html = _with_roles(head.group(0), "columnheader")
    return f'<table role="table" data-stack>{inner[:head.start()]}{head_html}{labelled}</table>'


def _label_row(cells: str, names: list[str]) -> str:
    column = -1

    def label(cell: re.Match[str]) -> str:
        nonlocal column
        column += 1
        role = "rowheader" if cell.group(1) == "th" else "cell"
        name = f' data-label="{names[column]}"' if column < len(names) and names[column] else ""
        return f'<{cell.group(1)}{cell.group(2) or ""} role="{role}"{name}>'

    return f'<tr role="row">{CELL.sub(label, cells)}</tr>'


def _with_roles(head: str, role: str) -> str:
    head = head.replace("<thead>", '<thead role="rowgroup">').replace("<tr>", '<tr role="row">')
    return re.sub(r"<th(\s[^>]*)?>", lambda cell: f'<th{cell.group(1) or ""} role="{role}">', head)
