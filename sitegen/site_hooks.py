"""MkDocs hooks for what residents meet on phones and in search (named in mkdocs.yml after build_site.py).

- on_page_content: tables that stack into cards on phones, amounts that keep their unit
  (sitegen/phone_fit.py); the glossary's terms a page uses, explained once at its end
  (sitegen/page_glossary.py);
- on_post_build: residents' everyday words join the search index (sitegen/search_words.py); this hook
  runs after Material's search plugin has written the index, since MkDocs runs hooks after plugins.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from sitegen import page_glossary, phone_fit, search_words
from sitegen.source import load_source


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return page_glossary.add_glossary(phone_fit.fit_page(html), page.url)


def on_post_build(config: Any) -> None:
    clauses = load_source()["clauses"]
    clause_ids = {clause["id"] for clause in clauses}
    # The clauses' own keywords are search tags too (issue 24): the pages no longer show them.
    keywords = {clause["id"]: list(clause.get("keywords", [])) for clause in clauses}
    try:
        search_words.update_index(Path(config["site_dir"]), clause_ids, keywords)
    except search_words.SearchWordsError as error:
        raise PluginError(str(error)) from error
