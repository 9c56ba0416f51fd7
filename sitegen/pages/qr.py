"""QR codes of the clause pages' public addresses, made at build time and read back before they ship.

A printed leaflet's code is only useful if a phone reads the right address from it, so each code is
drawn twice from the same segno matrix — the SVG the page shows and a PNG — and the PNG is decoded with
Debian's ``zbarimg`` (package zbar-tools). A code that does not decode to its exact URL fails the build.
No image service, nothing fetched: segno writes both formats in pure Python.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import segno

from sitegen.errors import QrError

ZBARIMG = "zbarimg"
# Quiet zone of four modules, as the QR standard asks; PNG modules of 4 px read reliably.
BORDER = 4
PNG_SCALE = 4


def check_site_url(site_url: str) -> str:
    """The public address with one trailing slash; refuses what is not an http(s) root address."""
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise QrError(f"--site-url must be an http(s) address such as https://example.gov.cn/, not {site_url!r}")
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise QrError(f"--site-url must be the root of its host name (the site's links are root-relative): {site_url!r}")
    return f"{parts.scheme}://{parts.netloc}/"


def svg(url: str, title: str) -> str:
    """An SVG QR code of ``url``, sized by the page (viewBox only), black on white."""
    buffer = io.BytesIO()
    _code(url).save(buffer, kind="svg", xmldecl=False, omitsize=True, border=BORDER,
                    dark="#000", light="#fff", title=title)
    return buffer.getvalue().decode("utf-8") + "\n"


def verified_svgs(urls: dict[str, str]) -> dict[str, str]:
    """``{key: url}`` → ``{key: svg}``, after checking that every code decodes back to its URL."""
    decoder = shutil.which(ZBARIMG)
    if decoder is None:
        raise QrError("zbarimg is needed to check the QR codes (Debian package zbar-tools): "
                      "`make site SITE_URL=…` installs it, or run `apt-get install zbar-tools`")
    with tempfile.TemporaryDirectory(prefix="qr-check-") as folder:
        for key, url in urls.items():
            png = Path(folder) / f"{key}.png"
            _code(url).save(str(png), kind="png", scale=PNG_SCALE, border=BORDER)
            read = decode(png, decoder)
            if read != url:
                raise QrError(f"the QR code of {url} reads back as {read!r}")
    return {key: svg(url, "二维码：" + url) for key, url in urls.items()}


def decode(image: Path, decoder: str = ZBARIMG) -> str:
    """The text zbarimg reads from one image ('' when it finds no code)."""
    result = subprocess.run([decoder, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(image)],
                            capture_output=True, text=True, timeout=60)
    return result.stdout.strip() if result.returncode == 0 else ""


def _code(url: str) -> segno.QRCode:
    return segno.make(url, error="m", micro=False)
