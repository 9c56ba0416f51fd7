"""Every built page carries the site's Content-Security-Policy, limited to this origin, read from the built
files themselves: the meta element the browser applies (nginx adds the same policy as a header,
tests/deploy/test_nginx.py; tests/browser/test_site_policy.py shows it blocks nothing the site does)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from sitegen.pages import csp


class _Policies(HTMLParser):
    """The content of every <meta http-equiv="Content-Security-Policy"> of a page, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        fields = dict(attrs)
        if tag == "meta" and (fields.get("http-equiv") or "").lower() == "content-security-policy":
            self.found.append(fields.get("content") or "")


def page_policies(html: Path) -> list[str]:
    parser = _Policies()
    parser.feed(html.read_text(encoding="utf-8"))
    return parser.found


def test_every_page_carries_a_content_security_policy_limited_to_this_origin(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 10
    for html in pages:
        path = html.relative_to(built_site).as_posix()
        policies = page_policies(html)
        assert policies == [csp.policy()], path
        assert "default-src 'self'" in policies[0], path
        assert "http" not in policies[0], path
