"""An editor's reading of every built page's own words (../shared/WORDS.md); the notice's text excluded.

The same checks as the rules' reasons (tests/words_check.py), over the text of each page's article:
the pages, templates, facts' labels and hints (the calculator form), the interpretations and the
amounts. The birthday rule is said the same way on the amounts, interpretations and results pages.
"""

from __future__ import annotations

from pathlib import Path

from text_of_pages import own_text
from words_check import problems, sentences

from calculator.notice import load_notice
from calculator.vocabulary import load_words

# Staff pages name file formats: these words are their subject.
STAFF_WORDS = frozenset({"CSV", "Excel", "xlsx", "csv", "JSON", "json", "true", "false", "birth", "date", "family", "type", "clauses"})
STAFF_PAGES = ("roster/", "cite/", "staff/")
# Not read by residents: the programming interface (developers/).
NOT_CHECKED = ("developers/",)


def _verbatim() -> str:
    """Every string of the policy source that is the notice's own (its text, headings, names)."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in ("title", "keywords"):  # short titles and search words are the site's own
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(load_notice())
    return "\n".join(found)


def pages(site: Path) -> list[tuple[str, str]]:
    return [(path.relative_to(site).as_posix().removesuffix("index.html"), path.read_text(encoding="utf-8"))
            for path in sorted(site.rglob("*.html")) if not path.relative_to(site).parts[0] == "engine"]


def _other_disclaimer(sentence: str) -> list[str]:
    """"The office decides" in one wording (words.toml's disclaimer), besides money's own "（以审核为准）"."""
    if "审核为准" not in sentence or sentence == load_words()["disclaimer"] or "以审核为准）" in sentence:
        return []
    return ["another wording of the disclaimer: use words.toml's"]


def page_problems(site: Path) -> dict[str, list[str]]:
    verbatim = _verbatim()
    found: dict[str, list[str]] = {}
    for name, html in pages(site):
        if name.startswith(NOT_CHECKED):
            continue
        allowed = STAFF_WORDS if name.startswith(STAFF_PAGES) else frozenset()
        for sentence in sentences(own_text(html)):
            if sentence in verbatim:
                continue
            for problem in problems(sentence, english_allowed=allowed) + _other_disclaimer(sentence):
                found.setdefault(name, []).append(f"{sentence!r}: {problem}")
    return found


def test_every_page_s_own_words_read_as_words_md_asks(built_site: Path) -> None:
    found = page_problems(built_site)
    assert not found, "\n".join(f"/{name}\n  " + "\n  ".join(items) for name, items in found.items())


def test_the_birthday_rule_is_said_the_same_way_on_the_amounts_and_interpretations_pages(built_site: Path) -> None:
    rule = load_words()["glossary"]
    said = next(entry["say"] for entry in rule if entry["term"] == "周岁")
    for page in ("amounts/index.html", "assumptions/index.html"):
        assert said in own_text((built_site / page).read_text(encoding="utf-8")), page


def test_the_form_offers_every_child_event_including_a_death_from_illness(built_site: Path) -> None:
    text = own_text((built_site / "calculator" / "index.html").read_text(encoding="utf-8"))
    for label in ("意外去世", "因病去世", "意外伤残", "患大病重病", "没有发生这些情况"):
        assert label in text, label
    assert "意外死亡" not in text and "痴呆" not in text


def test_pages_explain_the_glossary_terms_they_use_once_at_their_end(built_site: Path) -> None:
    """WORDS.md's explain-once terms: each page lists the terms it uses in one folded note."""
    say = {entry["term"]: entry["say"] for entry in load_words()["glossary"]}
    amounts = (built_site / "amounts" / "index.html").read_text(encoding="utf-8")
    assert amounts.count('class="note page-glossary"') == 1
    for term in ("周岁", "特别扶助金"):
        assert f"<strong>{term}</strong>：{say[term]}</li>" in amounts, term
    notice = (built_site / "notice" / "index.html").read_text(encoding="utf-8")
    assert f"<strong>扶助证</strong>：{say['扶助证']}</li>" in notice
    # The calculator's results explain their own terms (results.js): no second note on that page.
    assert "page-glossary" not in (built_site / "calculator" / "index.html").read_text(encoding="utf-8")
