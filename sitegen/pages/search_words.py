"""Residents' everyday words for the search index: sitegen/pages/search_words.toml.

The words become the `tags` of their clause's entry in Material's search index after the search
plugin writes it: the field Material boosts most, so a resident's word puts its clause first.
They are segmented by jieba as the plugin segments everything else, so Material's in-browser query
segmentation finds them too. They are indexed, never shown (site search CSS hides result tags;
this site has no tags of its own).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from calculator._data import read_toml
from sitegen.errors import SearchWordsError
from sitegen.pages.search_sentences import split_entries
from sitegen.pages.render import NOTICE_PAGE, clause_anchor

WORDS_FILE = Path(__file__).with_name("search_words.toml")
INDEX_FILE = Path("search") / "search_index.json"
SEGMENT_MARK = "\u200b"  # the plugin's separator between segmented words


def load_words(clause_ids: set[str], path: Path = WORDS_FILE) -> dict[str, list[str]]:
    """{clause id: [word, …]}, refusing ids outside the policy source and empty or non-text words."""
    table = read_toml(path).get("clauses", {})
    unknown = sorted(set(table) - clause_ids)
    if unknown:
        raise SearchWordsError(f"{path.name}: no such clause in the policy source: {', '.join(unknown)}")
    for clause_id, words in table.items():
        if not isinstance(words, list) or not all(isinstance(word, str) and word.strip() for word in words):
            raise SearchWordsError(f"{path.name}: clause {clause_id}: words must be a list of non-empty strings")
    return table


def segment(text: str) -> str:
    """Chinese text as the search plugin indexes it: jieba's words joined by zero-width spaces."""
    import jieba

    return SEGMENT_MARK.join(jieba.cut(text))


# Resident pages that answer a question people type (issue 24): their own entries get these tags.
PAGE_WORDS = {"cert/": ["扶助证怎么办", "怎么办扶助证", "申请扶助证", "办扶助证", "扶助证", "办证"]}


def add_words(index: dict[str, Any], words: dict[str, list[str]]) -> dict[str, Any]:
    """The index with each clause's words as the tags of the clause's own entry (and PAGE_WORDS')."""
    by_location = {_location(clause_id): clause_words for clause_id, clause_words in words.items()} | PAGE_WORDS
    for entry in index["docs"]:
        clause_words = by_location.get(entry["location"])
        if clause_words:
            entry["tags"] = [segment(word) for word in clause_words]
    return index


def update_index(site_dir: Path, clause_ids: set[str], keywords: dict[str, list[str]] | None = None) -> None:
    """Rewrite site_dir's search index with the residents' words (and the clauses' ``keywords``) added,
    each entry's text in sentences (sitegen/pages/search_sentences.py)."""
    index_path = site_dir / INDEX_FILE
    index = json.loads(index_path.read_text(encoding="utf-8"))
    words = load_words(clause_ids)
    for clause_id, extra in (keywords or {}).items():
        merged = [*words.get(clause_id, []), *(word for word in extra if word not in words.get(clause_id, []))]
        if merged:
            words[clause_id] = merged
    updated = split_entries(add_words(index, words))  # and results that show one sentence
    index_path.write_text(json.dumps(updated, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _location(clause_id: str) -> str:
    return f"{NOTICE_PAGE.removesuffix('.md')}/#{clause_anchor(clause_id)}"
