"""The results page at 390 px for the three households of issue 15, with the first screen's words.

    .venv/bin/python tools/household_shots.py [SITE_DIR] [OUT_DIR]

Opens /calculator/ with each household's answers in the link (#a=…, as 复制带有这些回答的链接 makes),
waits for the results, saves the first phone screen as a PNG and prints the text on it, line by line.
"""

from __future__ import annotations

import base64
import json
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "browser")]

from browser_support import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from sitegen.serve.dev import make_server  # noqa: E402

AS_OF = "2026-12-01"
HOUSEHOLDS = {
    "bereaved-couple-66-64": {
        "as_of": AS_OF, "birth_date": "1960-03-15", "family_type": "child_deceased", "songjiang_hukou": True,
        "partner_birth_date": "1962-06-20", "partner_songjiang_hukou": True, "special_assistance_cert": True,
        "honor_cert": True, "child_event": {"kind": "illness_death", "child_age": 32},
        "wants_another_child": False, "wants_to_adopt": False},
    "mother-52-disabled-son-28": {
        "as_of": AS_OF, "birth_date": "1974-05-10", "family_type": "child_disabled", "songjiang_hukou": True,
        "special_assistance_cert": True, "honor_cert": True,
        "child_event": {"kind": "accidental_disability", "child_age": 19, "child_married": False}},
    "man-70-hukou-minhang": {
        "as_of": AS_OF, "birth_date": "1956-08-01", "family_type": "child_deceased", "songjiang_hukou": False},
}
# The text on the first screen: every text node whose box starts above the viewport's bottom edge.
FIRST_SCREEN = """() => {
  const lines = [];
  const walker = document.createTreeWalker(document.getElementById('calc-results'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.height && box.top < innerHeight && box.bottom > 0 && node.textContent.trim()) lines.push(node.textContent.trim());
  }
  return lines;
}"""


def link(facts: dict) -> str:
    encoded = base64.urlsafe_b64encode(json.dumps(facts, ensure_ascii=False).encode()).decode().rstrip("=")
    return f"calculator/#a={encoded}"


def main(site_dir: Path, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    server = make_server(site_dir, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
        for name, facts in HOUSEHOLDS.items():
            page = context.new_page()
            page.goto(base + link(facts))
            page.wait_for_selector("#calc-results:not([hidden]) #calc-summary", timeout=180_000)
            page.wait_for_timeout(300)  # the scroll into view settles (a screenshot tool, not a test)
            target = out_dir / f"{name}-390.png"
            page.screenshot(path=str(target))
            print(f"== {target}")
            print("\n".join(page.evaluate(FIRST_SCREEN)))
            page.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main(Path(arguments[0]) if arguments else ROOT / "site",
         Path(arguments[1]) if len(arguments) > 1 else Path("/work/briefs/shots-15"))
