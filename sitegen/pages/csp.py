"""One fixed Content-Security-Policy for every page: this origin only, no inline script.

The policy is a constant so that a web server can send exactly the same header
(deploy/nginx.conf does). That only holds while pages have no inline scripts, so
the build refuses any: Material's few inline helpers are moved into files by
overrides/partials/javascripts/.
"""

from __future__ import annotations

import re

from sitegen.errors import InlineScriptError

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
DATA_SCRIPT_TYPES = ("application/json", "application/ld+json")

BASE_POLICY = (
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def policy(*, wasm: bool = False) -> str:
    """The policy text; ``wasm`` adds what Pyodide needs to compile WebAssembly, and only then.

    Pages never need ``wasm``: Pyodide runs in the engine worker, which is governed by the header of
    its own script (deploy/nginx.conf sends the ``wasm`` policy for ``/engine/`` only).
    """
    directives = list(BASE_POLICY)
    if wasm:
        directives[1] = "script-src 'self' 'wasm-unsafe-eval'"
    return "; ".join(directives)


def inline_scripts(html: str) -> list[str]:
    """The executable inline scripts of a page (JSON data blocks are not executed and are fine)."""
    return [
        match.group("body")[:80]
        for match in INLINE_SCRIPT.finditer(html)
        if "src=" not in match.group("attrs")
        and not any(kind in match.group("attrs") for kind in DATA_SCRIPT_TYPES)
        and match.group("body").strip()
    ]


def add_policy(html: str, *, wasm: bool = False) -> str:
    """Insert the policy as the first element of <head>; refuse pages with inline scripts."""
    found = inline_scripts(html)
    if found:
        raise InlineScriptError(f"inline <script> would be blocked by the site's policy: {found[0]!r}")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(wasm=wasm)}">'
    return html.replace("<head>", "<head>\n    " + meta, 1)
