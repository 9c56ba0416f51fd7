"""Take full-page screenshots of every page of the built site, desktop and phone width.

    .venv/bin/python tools/screenshots.py [SITE_DIR] [OUT_DIR]

Look at them before calling a page done (the tests check properties; a person checks the look).
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "browser")]

from browser_support import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from sitegen.serve import make_server  # noqa: E402

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def page_paths(site_dir: Path) -> list[str]:
    return [html.relative_to(site_dir).as_posix().removesuffix("index.html") for html in sorted(site_dir.rglob("*.html"))]


def main(site_dir: Path, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    server = make_server(site_dir, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, viewport in VIEWPORTS.items():
            page = browser.new_page(viewport=viewport, locale="zh-CN")
            for path in page_paths(site_dir):
                page.goto(base + path, wait_until="networkidle")
                target = out_dir / f"{(path.strip('/') or 'home').replace('/', '_')}-{name}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target)
            page.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site",
         Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "screenshots")
