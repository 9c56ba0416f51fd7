"""Take full-page screenshots of every page of the built site, desktop and phone width.

    .venv/bin/python tools/screenshots.py [SITE_DIR] [OUT_DIR] [--widths 1280,390] [--large-text]
        [--high-contrast] [--pages notice/,amounts/]

Look at them before calling a page done (the tests check properties; a person checks the look).
--large-text and --high-contrast turn the site's display switches on, as a visitor's saved choice.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "browser")]

from browser_support import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from sitegen.serve.dev import make_server  # noqa: E402

HEIGHTS = {1280: 900, 390: 844, 320: 640}


def page_paths(site_dir: Path) -> list[str]:
    return [html.relative_to(site_dir).as_posix().removesuffix("index.html") for html in sorted(site_dir.rglob("*.html"))]


def display_script(large_text: bool, high_contrast: bool) -> str:
    """An init script that stores the display choices before any page script reads them."""
    choices = {"large-text": large_text, "high-contrast": high_contrast}
    return f"localStorage.setItem('display-preferences', {json.dumps(json.dumps(choices))});"


def main(args: argparse.Namespace) -> None:
    args.out_dir.mkdir(parents=True, exist_ok=True)
    server = make_server(args.site_dir, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    paths = args.pages.split(",") if args.pages else page_paths(args.site_dir)
    suffix = ("-large" if args.large_text else "") + ("-contrast" if args.high_contrast else "")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width in (int(w) for w in args.widths.split(",")):
            context = browser.new_context(viewport={"width": width, "height": HEIGHTS.get(width, 900)}, locale="zh-CN")
            context.add_init_script(display_script(args.large_text, args.high_contrast))
            page = context.new_page()
            for path in paths:
                page.goto(base + path, wait_until="networkidle")
                target = args.out_dir / f"{(path.strip('/') or 'home').replace('/', '_')}-{width}{suffix}.png"
                page.screenshot(path=str(target), full_page=not args.viewport_only)
                print(target)
            context.close()
        browser.close()
    server.shutdown()


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site_dir", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("out_dir", nargs="?", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--widths", default="1280,390", help="viewport widths in CSS pixels, comma-separated")
    parser.add_argument("--large-text", action="store_true", help="turn 大字 on")
    parser.add_argument("--high-contrast", action="store_true", help="turn 高对比度 on")
    parser.add_argument("--pages", default="", help="paths to shoot, comma-separated (default: every page)")
    parser.add_argument("--viewport-only", action="store_true", help="the first screen only, not the full page")
    return parser.parse_args(argv)


if __name__ == "__main__":
    main(parse(sys.argv[1:]))
