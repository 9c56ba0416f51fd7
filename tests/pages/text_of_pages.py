"""The site's own words on a built page: the article's text, without the notice's verbatim text.

The notice's text is marked up (templates/notice.md.j2, _clause.j2): ``clause-text`` paragraphs, the
``notice-…`` blocks (preamble, addressees, issuers, contents …), the citation text and the search
words. Code (``code``, ``pre``) is not prose. What is left is checked as WORDS.md asks; a sentence that
still occurs word for word in the notice (a heading such as 一、指导思想) is the notice's too.
"""

from __future__ import annotations

from html.parser import HTMLParser

VERBATIM_CLASSES = frozenset({
    "clause-text", "clause-citation__text", "clause-keywords", "notice-preamble", "notice-addressees",
    "notice-title-text", "notice-issuers", "notice-number", "notice-signatories", "notice-date",
    "notice-disclosure", "notice-contents",
})
SKIPPED_TAGS = frozenset({"script", "style", "code", "pre", "svg", "template", "noscript"})
BLOCKS = frozenset({"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "div", "tr", "summary", "dt", "dd",
                    "br", "section", "details", "table", "ul", "ol", "button", "label", "option", "legend"})
VOID = frozenset({"br", "img", "input", "meta", "link", "hr", "source", "wbr"})


class _ArticleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._stack: list[tuple[str, bool, bool]] = []  # (tag, inside the article, skipped)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        inside, skipped = self._stack[-1][1:] if self._stack else (False, False)
        inside = inside or tag == "article"
        classes = set((values.get("class") or "").split())
        skipped = skipped or tag in SKIPPED_TAGS or bool(classes & VERBATIM_CLASSES) or "hidden" in values and tag == "p"
        if tag in BLOCKS:
            self.parts.append("\n")
        if tag not in VOID:
            self._stack.append((tag, inside, skipped))

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            if self._stack.pop()[0] == tag:
                break
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1][1] and not self._stack[-1][2]:
            self.parts.append(data)


def own_text(html: str) -> str:
    """The article's text a reader sees, line by line, the notice's verbatim blocks left out."""
    parser = _ArticleText()
    parser.feed(html)
    lines = ("".join(parser.parts)).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())
