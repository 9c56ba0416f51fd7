"""Generate the site: policy source → jinja2 pages → strict MkDocs build → checked site/.

    python build_site.py build [--site-dir DIR]   build into site/ (default)
    python build_site.py serve [--port 8000]      build, then serve on http://127.0.0.1:PORT

This file is also the MkDocs hook named in mkdocs.yml: its on_files adds the pages
rendered from the policy source, so `mkdocs build` alone produces the same site.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:  # MkDocs imports this file as a hook, from any working directory
    sys.path.insert(0, str(ROOT))

from sitegen import amounts, csp, engine, links, precompress  # noqa: E402
from sitegen.guidance import GuidanceError, load_contacts, load_guidance  # noqa: E402
from sitegen.render import render_pages  # noqa: E402
from sitegen.source import PolicySourceError, load_source  # noqa: E402

CONFIG_FILE = ROOT / "mkdocs.yml"
DEFAULT_SITE_DIR = ROOT / "site"


class BuildError(Exception):
    """The build cannot produce a correct site; the message says why."""


def require_jieba() -> None:
    """Without jieba, Material silently indexes Chinese as unsegmented runs: refuse to build."""
    if importlib.util.find_spec("jieba") is None:
        raise BuildError("jieba is not installed: Chinese search would silently degrade. "
                         "Run `make site` (it installs the pinned dependencies) or `pip install jieba`.")


def generated_pages() -> dict[str, str]:
    """Every page rendered from the policy source and the calculator's data."""
    return render_pages(load_source(), calculator_context())


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


def build(site_dir: Path = DEFAULT_SITE_DIR) -> None:
    """Run the strict MkDocs build into ``site_dir``, ship the calculator engine, check every link."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    require_jieba()
    load_source()  # fail on a malformed source before MkDocs starts
    config = load_config(str(CONFIG_FILE), site_dir=str(site_dir), strict=True)
    try:
        mkdocs_build(config)
    except MkDocsException as error:
        raise BuildError(f"MkDocs build failed: {error}") from error
    try:
        engine.ship_engine(site_dir)  # Pyodide runtime + calculator wheel for /calculator/
    except engine.EngineError as error:
        raise BuildError(str(error)) from error
    problems = links.broken_links(site_dir)
    if problems:
        raise BuildError("broken links in the built site:\n  " + "\n  ".join(problems))
    precompress.precompress(site_dir)  # file.br and file.gz beside each text and wasm asset


def serve(site_dir: Path, port: int) -> None:
    """Build, then serve the site until interrupted."""
    from sitegen.serve import make_server

    build(site_dir)
    server = make_server(site_dir, port=port, verbose=True)
    print(f"Serving {site_dir} on http://127.0.0.1:{port}/ (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


# ---- MkDocs hook events -------------------------------------------------------------

def on_config(config: Any) -> Any:
    require_jieba()
    return config


def on_files(files: Any, config: Any) -> Any:
    from mkdocs.structure.files import File

    for path, text in generated_pages().items():
        files.append(File.generated(config, path, content=text))
    return files


def on_post_page(output: str, page: Any, config: Any) -> str:
    return csp.add_policy(output)  # no page compiles WebAssembly: the engine worker does


def on_post_template(output: str, template_name: str, config: Any) -> str:
    return csp.add_policy(output) if template_name.endswith(".html") else output


# ---- Command line -------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="build", choices=("build", "serve"))
    parser.add_argument("--site-dir", type=Path, default=DEFAULT_SITE_DIR)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    # MkDocs reports each warning through logging; show them, since strict mode fails on any.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s  %(name)s: %(message)s")
    try:
        if args.command == "serve":
            serve(args.site_dir, args.port)
        else:
            build(args.site_dir)
            print(f"Built {args.site_dir}")
    except (BuildError, PolicySourceError, GuidanceError, csp.InlineScriptError) as error:
        print(f"build_site.py: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
