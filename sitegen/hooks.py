"""MkDocs hooks for what residents meet on phones and in search (named in mkdocs.yml after build_site.py).

- on_page_content: tables that stack into cards on phones, amounts that keep their unit
  (sitegen/pages/phone_fit.py); the glossary's terms a page uses, explained once at its end
  (sitegen/pages/glossary.py);
- on_post_build: residents' everyday words join the search index (sitegen/pages/search_words.py); this hook
  runs after Material's search plugin has written the index, since MkDocs runs hooks after plugins.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from sitegen.pages import glossary as page_glossary
from sitegen.pages import phone_fit, search_words
from sitegen.pages.source import load_source


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return page_glossary.add_glossary(phone_fit.fit_page(html), page.url)


def on_post_build(config: Any) -> None:
    clause_ids = {clause["id"] for clause in load_source()["clauses"]}
    try:
        search_words.update_index(Path(config["site_dir"]), clause_ids)
    except search_words.SearchWordsError as error:
        raise PluginError(str(error)) from error
