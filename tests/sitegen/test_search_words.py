"""Residents' search words: data beside the policy source, checked against it, indexed as tags."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.pages import search_words
from sitegen.pages.source import load_source

CLAUSE_IDS = {clause["id"] for clause in load_source()["clauses"]}


def test_the_shipped_words_name_only_clauses_of_the_policy_source() -> None:
    words = search_words.load_words(CLAUSE_IDS)
    assert "死了" in words["2.1.1"]


def test_a_clause_missing_from_the_policy_source_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "search_words.toml"
    path.write_text('[clauses]\n"2.9.9" = ["看病"]\n', encoding="utf-8")
    with pytest.raises(search_words.SearchWordsError, match="2.9.9"):
        search_words.load_words(CLAUSE_IDS, path)


def test_an_empty_word_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "search_words.toml"
    path.write_text('[clauses]\n"2.3.1" = ["看病", " "]\n', encoding="utf-8")
    with pytest.raises(search_words.SearchWordsError, match="2.3.1"):
        search_words.load_words(CLAUSE_IDS, path)


def test_words_become_segmented_tags_of_their_clause_entry_only() -> None:
    index = {"docs": [{"location": "notice/#c-2-1-1", "title": "t", "text": "x"},
                      {"location": "notice/#c-2-3-1", "title": "t", "text": "y"}]}
    updated = search_words.add_words(index, {"2.1.1": ["每个月能拿多少"]})
    assert updated["docs"][0]["tags"] == ["每个\u200b月\u200b能\u200b拿\u200b多少"]
    assert "tags" not in updated["docs"][1]
    assert updated["docs"][0]["text"] == "x"
