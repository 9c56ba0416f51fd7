"""A page per clause (``/clauses/2-4-6/``), its QR code, and the 宣传页 that prints chosen clauses.

The canonical place of a clause stays its anchor on ``/notice/`` (published, never moved); a clause
page is the same words on a page of their own, for chats, leaflets and QR codes. What a page explains
(who it is for, what to bring, where to go) comes from the data the results and ``/where/`` use.
"""

from __future__ import annotations

from typing import Any

import jinja2

from calculator.vocabulary import family_label

PAGES_DIR = "clauses"
INDEX_PAGE = f"{PAGES_DIR}/index.md"
# What the clause pages lay out besides the notice: guidance (documents, places), contacts, the site's
# name and public address, and the QR codes made from it (empty without an address).
NEEDS = ("guidance", "contacts", "site_name", "site_url", "qr_codes")


def page_path(clause_id: str) -> str:
    """The clause page's path from the site root: ``2.4.6`` → ``clauses/2-4-6/``."""
    return f"{PAGES_DIR}/{clause_id.replace('.', '-')}/"


def page_url(clause_id: str) -> str:
    """The root-relative URL clauses.json publishes as ``page``."""
    return "/" + page_path(clause_id)


def first_sentence(text: str) -> str:
    """The text up to and including its first 。 (all of it when there is none): the share card's line."""
    end = text.find("。")
    return text if end < 0 else text[: end + 1]


def qr_urls(clause_ids: list[str], site_url: str) -> dict[str, str]:
    """Each clause's absolute address under the public ``site_url`` (which ends with /)."""
    return {clause_id: site_url + page_path(clause_id) for clause_id in clause_ids}


def render(environment: jinja2.Environment, context: dict[str, Any]) -> dict[str, str]:
    """The clause pages, their QR codes (when the build has a public address) and the 宣传页."""
    clauses = context["clauses"]
    context = context | {"who": {clause["id"]: who_it_is_for(clause, context["source"]) for clause in clauses},
                         "related": {clause["id"]: sharing_a_citation(clause, clauses) for clause in clauses}}
    page = environment.get_template("clause.md.j2")
    pages = {page_path(clause["id"]) + "index.md": page.render(context | {"clause": clause}) for clause in clauses}
    pages |= {page_path(clause_id) + "qr.svg": svg for clause_id, svg in context["qr_codes"].items()}
    pages[INDEX_PAGE] = environment.get_template("clauses.md.j2").render(context)
    return pages


def who_it_is_for(clause: dict[str, Any], source: dict[str, Any]) -> list[str]:
    """The families a clause names, as the family-types page groups them, then any others it names."""
    return [family_label(name) for name in clause["family_types"]] + clause.get("other_beneficiaries", [])


def sharing_a_citation(clause: dict[str, Any], clauses: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The other clauses that cite a document this clause cites (the notice has no clause-to-clause citations)."""
    cited = set(clause["cites"])
    return [other for other in clauses if other is not clause and cited & set(other["cites"])]
