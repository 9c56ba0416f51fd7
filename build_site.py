"""Generate the site: policy source → jinja2 pages → strict MkDocs build → checked site/.

    python build_site.py build [--site-dir DIR] [--site-url URL]   build into site/ (default)
    python build_site.py serve [--port 8000] [--site-url URL]      build, then serve on http://127.0.0.1:PORT

--site-url is the site's public address (https://…/): given it, each clause page carries a QR code of
its absolute URL, checked by decoding it (zbarimg). Without it, no codes, and the pages say so.

The MkDocs hooks (mkdocs.yml) are sitegen/hooks.py's: its on_files adds the pages rendered from the
policy source, so `mkdocs build` alone produces the same site.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:  # run from any working directory
    sys.path.insert(0, str(ROOT))

from calculator._data import DataFileError  # noqa: E402
from sitegen.engine import ship as engine  # noqa: E402
from sitegen.errors import BuildError, SitegenError  # noqa: E402
from sitegen.hooks import require_jieba  # noqa: E402
from sitegen.pages import links, qr  # noqa: E402
from sitegen.pages.source import load_source  # noqa: E402
from sitegen.serve import precompress  # noqa: E402

CONFIG_FILE = ROOT / "mkdocs.yml"
DEFAULT_SITE_DIR = ROOT / "site"


def build(site_dir: Path = DEFAULT_SITE_DIR, site_url: str = "") -> None:
    """Run the strict MkDocs build into ``site_dir``, ship the calculator engine, check every link.

    ``site_url``: the public address (``https://…/``); it gives the clause pages their QR codes.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    require_jieba()
    load_source()  # fail on a malformed source before MkDocs starts
    overrides = {"site_url": check_site_url(site_url)} if site_url else {}
    config = load_config(str(CONFIG_FILE), site_dir=str(site_dir), strict=True, **overrides)
    try:
        mkdocs_build(config)
    except MkDocsException as error:
        raise BuildError(f"MkDocs build failed: {error}") from error
    try:
        engine.ship_engine(site_dir)  # Pyodide runtime + calculator wheel for /calculator/
    except engine.EngineError as error:
        raise BuildError(str(error)) from error
    problems = links.broken_links(site_dir, own_url=config["site_url"] or "")
    if problems:
        raise BuildError("broken links in the built site:\n  " + "\n  ".join(problems))
    precompress.precompress(site_dir)  # file.br and file.gz beside each text and wasm asset


def check_site_url(site_url: str) -> str:
    """The public address, normalised; a BuildError says what is wrong with it."""
    try:
        return qr.check_site_url(site_url)
    except qr.QrError as error:
        raise BuildError(str(error)) from error


def serve(site_dir: Path, port: int, site_url: str = "") -> None:
    """Build, then serve the site until interrupted."""
    from sitegen.serve.dev import make_server

    build(site_dir, site_url)
    server = make_server(site_dir, port=port, verbose=True)
    print(f"Serving {site_dir} on http://127.0.0.1:{port}/ (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


# ---- Command line -------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="build", choices=("build", "serve"))
    parser.add_argument("--site-dir", type=Path, default=DEFAULT_SITE_DIR)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--site-url", default="", help="the public address, e.g. https://example.gov.cn/ (QR codes)")
    args = parser.parse_args(argv)
    # MkDocs reports each warning through logging; show them, since strict mode fails on any.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s  %(name)s: %(message)s")
    try:
        if args.command == "serve":
            serve(args.site_dir, args.port, args.site_url)
        else:
            build(args.site_dir, args.site_url)
            print(f"Built {args.site_dir}")
    except (SitegenError, DataFileError) as error:
        print(f"build_site.py: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
