"""Every page carries one fixed Content-Security-Policy: this origin only, no inline script."""

from __future__ import annotations

import pytest

from sitegen.pages.csp import InlineScriptError, add_policy, policy

CLEAN_PAGE = '<html><head><script src="x.js"></script>' \
             '<script id="__config" type="application/json">{"b":2}</script></head><body></body></html>'


def test_policy_allows_only_this_origin_and_no_inline_script() -> None:
    text = policy()
    assert "default-src 'self'" in text
    assert "script-src 'self';" in text
    assert "unsafe-inline" not in text
    assert "style-src 'self';" in text
    assert "http" not in text


def test_wasm_is_allowed_only_where_asked() -> None:
    assert "wasm-unsafe-eval" not in policy()
    assert "script-src 'self' 'wasm-unsafe-eval'" in policy(wasm=True)
    assert "unsafe-inline" not in policy(wasm=True)


def test_policy_is_the_first_thing_in_head() -> None:
    assert add_policy(CLEAN_PAGE).startswith('<html><head>\n    <meta http-equiv="Content-Security-Policy"')


def test_a_page_with_an_inline_script_is_refused() -> None:
    with pytest.raises(InlineScriptError, match="var a=1"):
        add_policy("<html><head><script>var a=1;</script></head></html>")
