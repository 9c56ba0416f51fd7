"""The explain-once glossary on every page that uses its terms (calculator/data/words.toml).

WORDS.md asks that a term a resident may not know be explained where they meet it. The results page
explains the terms its result uses (results.js); every other page gets a folded note at the end of its
article, "这一页用到的几个词", listing the glossary terms that appear in its text, each with the one
explanation words.toml gives. The note is appended, never woven into the notice's verbatim text.
"""

from __future__ import annotations

import html as html_lib
import re

from calculator.vocabulary import load_words

# The calculator's results carry their own glossary (results.js); the developers' page is an interface.
SKIPPED_PAGES = ("calculator/", "developers/")
_TAG = re.compile(r"<[^>]+>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)


def page_text(html: str) -> str:
    """The page's visible words: tags, scripts and styles removed, entities decoded."""
    return html_lib.unescape(_TAG.sub("", _SCRIPT.sub("", html)))


def terms_used(html: str) -> list[dict[str, str]]:
    """The glossary entries whose term appears in the page, in the glossary's order."""
    text = page_text(html)
    return [entry for entry in load_words()["glossary"] if entry["term"] in text]


def glossary_note(entries: list[dict[str, str]]) -> str:
    """The folded note: a summary line, then one "term：explanation" line per entry."""
    items = "".join(
        f"<li><strong>{html_lib.escape(entry['term'])}</strong>：{html_lib.escape(entry['say'])}</li>"
        for entry in entries)
    return (f'<details class="note page-glossary"><summary>这一页用到的几个词</summary>'
            f'<ul>{items}</ul></details>')


def add_glossary(html: str, page_url: str) -> str:
    """``html`` with the glossary note appended when the page uses a glossary term."""
    if page_url.startswith(SKIPPED_PAGES):
        return html
    entries = terms_used(html)
    return html + glossary_note(entries) if entries else html
