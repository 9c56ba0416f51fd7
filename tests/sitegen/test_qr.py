"""QR codes: made with segno, read back with zbarimg; a code that reads wrong, or no decoder, stops the build."""

from __future__ import annotations

import shutil

import pytest
import segno

from sitegen.pages import qr

URL = "https://wsjkw.example.gov.cn/clauses/2-4-6/"
needs_zbarimg = pytest.mark.skipif(shutil.which("zbarimg") is None,
                                   reason="zbarimg missing: `make test` installs Debian's zbar-tools")


@pytest.mark.parametrize(("given", "normalised"), [
    ("https://wsjkw.example.gov.cn/", "https://wsjkw.example.gov.cn/"),
    ("https://wsjkw.example.gov.cn", "https://wsjkw.example.gov.cn/"),
    ("http://127.0.0.1:8000/", "http://127.0.0.1:8000/"),
], ids=["with-slash", "without-slash", "port"])
def test_a_root_address_is_accepted_with_one_trailing_slash(given: str, normalised: str) -> None:
    assert qr.check_site_url(given) == normalised


@pytest.mark.parametrize("given", ["wsjkw.example.gov.cn", "ftp://example.gov.cn/", "https://example.gov.cn/songjiang/",
                                   "https://example.gov.cn/?a=1"], ids=["no-scheme", "ftp", "sub-path", "query"])
def test_an_address_that_is_not_a_site_root_is_refused(given: str) -> None:
    with pytest.raises(qr.QrError, match="site-url"):
        qr.check_site_url(given)


@needs_zbarimg
def test_every_code_reads_back_as_its_url_and_ships_as_svg() -> None:
    urls = {"2.4.6": URL, "2.1.1": "https://wsjkw.example.gov.cn/clauses/2-1-1/"}
    svgs = qr.verified_svgs(urls)
    assert list(svgs) == ["2.4.6", "2.1.1"]
    assert all(svg.startswith("<svg xmlns=") and f"<title>二维码：{urls[key]}</title>" in svg
               for key, svg in svgs.items())
    assert not any("href" in svg for svg in svgs.values())  # nothing the image could fetch


@needs_zbarimg
def test_a_code_that_reads_back_as_another_address_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(qr, "_code", lambda url: segno.make("https://other.example.org/", error="m"))
    with pytest.raises(qr.QrError, match="reads back as 'https://other.example.org/'"):
        qr.verified_svgs({"2.4.6": URL})


def test_without_zbarimg_the_codes_are_refused_with_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(qr.shutil, "which", lambda name: None)
    with pytest.raises(qr.QrError, match="zbar-tools"):
        qr.verified_svgs({"2.4.6": URL})
