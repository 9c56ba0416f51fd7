"""Render the policy source into site pages: a pure function from data to {path: text}.

Nothing here touches MkDocs, so the output can be tested and diffed on its own;
build_site.py hands it to the MkDocs build as generated files.
"""

from __future__ import annotations

import json
from typing import Any

import jinja2

from sitegen.pages import clause_pages
from sitegen.pages.amount_tables import chinese_date
from calculator.vocabulary import as_json as site_words
from sitegen.paths import TEMPLATES_DIR

NOTICE_PAGE = "notice.md"
SITE_ROOT_URL = "/"


def clause_anchor(clause_id: str) -> str:
    """The stable HTML id of a clause: ``2.3.2`` → ``c-2-3-2``."""
    return "c-" + clause_id.replace(".", "-")


def clause_url(clause_id: str) -> str:
    """The clause's root-relative URL, the form clauses.json publishes."""
    return f"{SITE_ROOT_URL}notice/#{clause_anchor(clause_id)}"


def citation(source: dict[str, Any], clause: dict[str, Any]) -> str:
    """The ready citation, e.g. 《…通知》（沪松卫规〔2020〕2号）二（三）2."""
    return f"《{source['title']}》（{source['document_number']}）{clause['label']}"


def departments_in_order(source: dict[str, Any]) -> list[str]:
    """Every responsible department, in the order the notice first names it."""
    seen: dict[str, None] = {}
    for clause in source["clauses"]:
        seen.update(dict.fromkeys(clause["departments"]))
    return list(seen)


def clause_records(source: dict[str, Any]) -> list[dict[str, Any]]:
    """clauses.json: the staff and machine interface, one record per clause (keep it stable)."""
    return [
        {
            "id": clause["id"],
            "label": clause["label"],
            "title": clause["title"],
            "text": clause["text"],
            "url": clause_url(clause["id"]),
            "page": clause_pages.page_url(clause["id"]),
            "departments": clause["departments"],
            "cites": clause["cites"],
            "keywords": clause["keywords"],
            "citation": citation(source, clause),
        }
        for clause in source["clauses"]
    ]


def render_pages(source: dict[str, Any], extra_context: dict[str, Any] | None = None) -> dict[str, str]:
    """Every generated page of the site, keyed by its path inside the docs folder."""
    environment = _environment()
    context = _context(source) | (extra_context or {})
    pages = {
        path: environment.get_template(template).render(context)
        for path, template in GENERATED_PAGES.items()
        if set(TEMPLATE_NEEDS.get(template, ())) <= context.keys()
    }
    if set(clause_pages.NEEDS) <= context.keys():
        pages |= clause_pages.render(environment, context)
    pages["clauses.json"] = json.dumps(clause_records(source), ensure_ascii=False, indent=1) + "\n"
    return pages


GENERATED_PAGES = {
    "index.md": "home.md.j2",
    NOTICE_PAGE: "notice.md.j2",
    "departments.md": "departments.md.j2",
    "family-types.md": "family-types.md.j2",
    "themes.md": "themes.md.j2",
    "amounts.md": "amounts.md.j2",
    "assumptions.md": "assumptions.md.j2",
    "calculator.md": "calculator.md.j2",
    "where.md": "where.md.j2",
    "cert.md": "cert.md.j2",
}
# Pages rendered only when the context carries the data they lay out.
TEMPLATE_NEEDS = {"home.md.j2": ("monthly", "reviewed"), "amounts.md.j2": ("monthly", "one_time"), "assumptions.md.j2": ("assumptions",),
                  "calculator.md.j2": ("facts", "assumptions", "guidance"), "where.md.j2": ("guidance", "contacts"),
                  "cert.md.j2": ("guidance",)}


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["anchor"] = clause_anchor
    environment.filters["chinese_date"] = chinese_date
    environment.filters["clause_page"] = clause_pages.page_path
    environment.filters["first_sentence"] = clause_pages.first_sentence
    environment.filters["attr"] = lambda text: jinja2.utils.markupsafe.escape(text)
    environment.tests["startingwith"] = lambda text, prefix: str(text).startswith(prefix)
    return environment


def _context(source: dict[str, Any]) -> dict[str, Any]:
    clauses = source["clauses"]
    return {
        "source": source,
        "clauses": clauses,
        "clause_by_id": {clause["id"]: clause for clause in clauses},
        "citations": {clause["id"]: citation(source, clause) for clause in clauses},
        "departments": departments_in_order(source),
        "measures": [clause for clause in clauses if clause["id"].startswith("2.")],
        "notice_page": NOTICE_PAGE,
        # The site's names for things (calculator/data/words.toml): statuses, certificates, the disclaimer.
        "words": site_words(),
    }
