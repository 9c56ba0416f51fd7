"""Search results that show one sentence, not a whole clause (issue 24).

Material's search shows, under a hit's title, the blocks (top-level elements) of the entry's text that
hold a match, up to two of them; a clause indexed as one paragraph therefore showed whole. After the
search plugin writes its index, every entry's text is rewritten here as one ``<p>`` per sentence, so
the block Material picks is the sentence that matches (site CSS shows only the first block of a hit).
Titles and links are untouched: a clause's entry keeps its title (label and short title) and its
stable anchor on /notice/.

The plugin joins jieba's words with zero-width spaces; a zero-width space is a line-break opportunity,
so a line could start with "，". Those next to punctuation are dropped: the punctuation is itself a
separator of the index (mkdocs.yml), so the words indexed stay the same.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

SEGMENT_MARK = "\u200b"
# Punctuation that is a separator of the index (mkdocs.yml `separator`): no zero-width space beside it.
SEPARATOR_PUNCTUATION = "，。、；：？！（）《》“”,;()"
_AROUND_PUNCTUATION = re.compile(f"{SEGMENT_MARK}*([{re.escape(SEPARATOR_PUNCTUATION)}]){SEGMENT_MARK}*")
_SENTENCE_END = re.compile(f"(?<=[。！？；!?;]){SEGMENT_MARK}*")
_ITEM_NUMBER = re.compile(rf"^\d+{SEGMENT_MARK}*\.[\s{SEGMENT_MARK}]+")  # a clause's own "5. " before its first sentence
SHORTEST = 10  # a shorter piece ("扶助证怎么办？") is read with the sentence after it
LONGEST = 80  # a longer sentence is cut after its commas into pieces of at least PIECE characters
PIECE = 30
_PAUSES = [re.compile(f"(?<=[{marks}]){SEGMENT_MARK}*") for marks in ("，,", "、")]  # commas first, then 、
BLOCKS = {"p", "li", "pre"}  # Material keeps p, li, ol, ul, pre, code, sub, sup in the index


class _Blocks(HTMLParser):
    """The text of an entry as blocks: each p, li or pre (and loose text) one block, tags dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []  # (kind, text): kind "pre" keeps its lines as they are
        self._open: list[str] = []
        self._text: list[str] = []

    def _flush(self) -> None:
        text = "".join(self._text)
        if text.strip():
            self.blocks.append(("pre" if "pre" in self._open else "text", text.strip()))
        self._text = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in BLOCKS or tag in ("ul", "ol"):
            self._flush()
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS or tag in ("ul", "ol"):
            self._flush()
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag):]

    def handle_data(self, data: str) -> None:
        self._text.append(data)


def tidy(text: str) -> str:
    """Segmented text without a zero-width space beside punctuation (so no line starts with "，")."""
    return _AROUND_PUNCTUATION.sub(r"\1", text)


def sentences(block: str) -> list[str]:
    """A block's sentences, split after 。！？；; a piece that opens with a bracket or is shorter than
    SHORTEST characters is read with its neighbour ("…体检。（区卫生健康委…负责）" stays one)."""
    pieces = [piece for piece in _SENTENCE_END.split(block) if piece.strip(SEGMENT_MARK + " ")]
    merged: list[str] = []
    for piece in pieces:
        short = merged and _length(merged[-1]) < SHORTEST
        if merged and (short or piece.lstrip(SEGMENT_MARK + " ")[0] in "（(）)”》"):
            merged[-1] += piece
        else:
            merged.append(piece)
    return [part for piece in merged for part in _cut(piece.strip(SEGMENT_MARK + " "))]


def _length(text: str) -> int:
    return len(text.replace(SEGMENT_MARK, ""))


def _cut(sentence: str, pauses: int = 0) -> list[str]:
    """A sentence longer than LONGEST characters as pieces cut after commas (then after 、), each at
    least PIECE long (a shorter tail joins the piece before it), so one hit never fills a phone's screen."""
    if _length(sentence) <= LONGEST or pauses == len(_PAUSES):
        return [sentence]
    pieces = [""]
    for part in _PAUSES[pauses].split(sentence):
        if _length(pieces[-1]) >= PIECE:
            pieces.append("")
        pieces[-1] += part
    if len(pieces) > 1 and _length(pieces[-1]) < SHORTEST:
        pieces[-2] += pieces.pop()
    return [part for piece in pieces if piece.strip(SEGMENT_MARK + " ")
            for part in _cut(piece.strip(SEGMENT_MARK + " "), pauses + 1)]


def sentence_text(text: str) -> str:
    """An entry's text as one ``<p>`` per sentence (``<pre>`` blocks kept whole), tidied."""
    parser = _Blocks()
    parser.feed(text)
    parser.close()
    parser._flush()
    out = []
    for kind, block in parser.blocks:
        if kind == "pre":
            out.append(f"<pre>{html.escape(block, quote=False)}</pre>")
            continue
        for sentence in sentences(tidy(_ITEM_NUMBER.sub("", block))):
            out.append(f"<p>{html.escape(sentence, quote=False)}</p>")
    return "".join(out)


def split_entries(index: dict[str, Any]) -> dict[str, Any]:
    """The index with every entry's text in sentences and its title tidied."""
    for entry in index["docs"]:
        entry["title"] = tidy(entry["title"])
        entry["text"] = sentence_text(entry["text"])
    return index
