"""The glossary note a page gets for the terms it uses (sitegen/pages/glossary.py)."""

from __future__ import annotations

from calculator.vocabulary import load_words
from sitegen.pages.glossary import add_glossary, terms_used


def test_a_page_using_terms_gets_them_explained_once_at_its_end() -> None:
    html = "<h1>扶助金标准</h1><p>年满49<b>周岁</b>的特别扶助对象，持扶助证办理。扶助证要带上。</p>"
    out = add_glossary(html, "amounts/")
    assert out.startswith(html)
    note = out[len(html):]
    assert note.startswith('<details class="note page-glossary"><summary>这一页用到的几个词</summary>')
    say = {entry["term"]: entry["say"] for entry in load_words()["glossary"]}
    for term in ("特别扶助对象", "周岁", "扶助证"):
        assert note.count(f"<strong>{term}</strong>：{say[term]}</li>") == 1
    assert "光荣证" not in note


def test_terms_are_listed_in_the_glossary_order_and_read_from_text_not_markup() -> None:
    order = [entry["term"] for entry in load_words()["glossary"]]
    found = [entry["term"] for entry in terms_used('<p title="光荣证">扶助证、周岁</p><script>"廉租房"</script>')]
    assert found == sorted(found, key=order.index) == ["周岁", "扶助证"]


def test_pages_without_terms_and_the_calculator_are_left_as_they_are() -> None:
    assert add_glossary("<p>隐私说明</p>", "privacy/") == "<p>隐私说明</p>"
    assert add_glossary("<p>扶助证</p>", "calculator/") == "<p>扶助证</p>"
