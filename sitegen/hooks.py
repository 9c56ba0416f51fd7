"""The MkDocs hooks (mkdocs.yml names this file): the generated pages, the policy, and what residents
meet on phones and in search.

- on_config: refuse to build without jieba (Material would silently index Chinese unsegmented);
- on_files: the pages rendered from the policy source and the calculator's data (generated files,
  never written to docs/), so `mkdocs build` alone produces the same site as build_site.py;
- on_page_content: tables that stack into cards on phones, amounts that keep their unit
  (sitegen/pages/phone_fit.py); the glossary's terms a page uses, explained once at its end
  (sitegen/pages/glossary.py);
- on_post_page, on_post_template: every page's Content-Security-Policy (sitegen/pages/csp.py);
- on_post_build: residents' everyday words join the search index (sitegen/pages/search_words.py); this hook
  runs after Material's search plugin has written the index, since MkDocs runs hooks after plugins.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

if str(Path(__file__).resolve().parent.parent) not in sys.path:  # MkDocs loads hooks by path: find sitegen
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sitegen.errors import BuildError  # noqa: E402
from sitegen.pages import amount_tables as amounts  # noqa: E402
from sitegen.pages import clause_pages, csp, qr  # noqa: E402
from sitegen.pages import glossary as page_glossary  # noqa: E402
from sitegen.pages import phone_fit, search_words  # noqa: E402
from sitegen.pages.guidance import load_contacts, load_guidance  # noqa: E402
from sitegen.pages.render import render_pages  # noqa: E402
from sitegen.pages.source import load_source  # noqa: E402


def require_jieba() -> None:
    """Without jieba, Material silently indexes Chinese as unsegmented runs: refuse to build."""
    if importlib.util.find_spec("jieba") is None:
        raise BuildError("jieba is not installed: Chinese search would silently degrade. "
                         "Run `make site` (it installs the pinned dependencies) or `pip install jieba`.")


def generated_pages(site_name: str = "", site_url: str = "") -> dict[str, str]:
    """Every page rendered from the policy source and the calculator's data.

    ``site_name`` and ``site_url`` are MkDocs' own settings; the clause pages print the name, and
    carry QR codes of their absolute addresses only when the build was given the public address.
    """
    source = load_source()
    return render_pages(source, calculator_context() | site_context(source, site_name, site_url))


def site_context(source: dict[str, Any], site_name: str, site_url: str) -> dict[str, Any]:
    """The site's name and public address, and the clause pages' QR codes (checked by decoding)."""
    codes = {}
    if site_url:
        urls = clause_pages.qr_urls([clause["id"] for clause in source["clauses"]], qr.check_site_url(site_url))
        codes = qr.verified_svgs(urls)
    return {"site_name": site_name, "site_url": site_url, "qr_codes": codes}


def calculator_context() -> dict[str, Any]:
    """What the amounts, assumptions and calculator pages lay out, read from the calculator package."""
    import calculator

    from calculator.rules import RULES

    standards = calculator.standards()
    guidance = load_guidance([rule.clause for rule in RULES])
    return {
        "monthly": amounts.monthly_standards(standards),
        "one_time": amounts.one_time_standards(standards),
        "reviewed": min(table["reviewed"] for table in standards),  # how current the amounts are
        "assumptions": calculator.assumptions(),
        "facts": calculator.describe_facts(),  # the calculator form: rendered from the rules' own list
        "guidance": guidance,  # what to bring and where to go, per measure: results summary and /where/
        "contacts": load_contacts(guidance["places"]),  # the deploying office's own entries, each with a source
    }


def on_config(config: Any) -> Any:
    require_jieba()
    return config


def on_files(files: Any, config: Any) -> Any:
    from mkdocs.structure.files import File

    try:
        pages = generated_pages(config["site_name"], config["site_url"] or "")
    except qr.QrError as error:  # a QR code that does not read back as its URL must not ship
        raise PluginError(str(error)) from error
    for path, text in pages.items():
        files.append(File.generated(config, path, content=text))
    return files


def on_post_page(output: str, page: Any, config: Any) -> str:
    return csp.add_policy(output)  # no page compiles WebAssembly: the engine worker does


def on_post_template(output: str, template_name: str, config: Any) -> str:
    return csp.add_policy(output) if template_name.endswith(".html") else output


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
