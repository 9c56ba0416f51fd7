"""What a file is, from its first bytes, when it is not the table it was given as: refused before any work.

A CSV must be text; an .xlsx must be a zip holding a workbook. A PDF, a JSON file, an old .xls, a
password-protected .xlsx (which is not a zip: Office stores it encrypted in an OLE compound file, the
same container as an old .xls), a Word document, a picture or UTF-16 text (Excel's "Unicode 文本") is
each named, with what to do instead.
"""

from __future__ import annotations

import re
from typing import BinaryIO

from ..errors import RosterError

HEAD_BYTES = 8192
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CHOOSE = "请选择名单的 CSV 或 Excel（.xlsx）文件"
XLS = "这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 里另存为 .xlsx 再选。"
ENCRYPTED = ("这个 Excel 文件设置了打开密码，计算工具打不开。请在 Excel 或 WPS 里用密码打开它，"
             "取消密码后另存为 .xlsx 再选。")
OLD_OFFICE = f"这是旧版 Office 文件（如 Word 的 .doc），不是名单表格。{CHOOSE}。"
PDF = f"这是 PDF 文件，计算工具无法从中读出名单。{CHOOSE}；只有 PDF 的，请先把名单录入 Excel 或 WPS 表格。"
JSON = f"这是 JSON 数据文件，不是名单表格。{CHOOSE}。"
WORD = f"这是 Word 文档，不是名单表格。名单在 Word 的表格里的，请把表格复制到 Excel 或 WPS 表格，另存为 .xlsx 再选。"
PICTURE = f"这是图片，计算工具无法从图片里读出名单。{CHOOSE}。"
UTF16 = "这是 UTF-16 编码的文本（Excel 的“Unicode 文本”）。请在 Excel 或 WPS 里另存为“CSV UTF-8（逗号分隔）”或 .xlsx 再选。"
XLSX_AS_CSV = "这是 Excel（.xlsx）文件，文件名却以 .csv 结尾。请把文件名改为以 .xlsx 结尾再选。"
ZIP = "这是压缩包，不是名单表格。请先解压，再选其中名单的 CSV 或 .xlsx 文件。"
BINARY = f"这个文件不是文字，不是 CSV 表格。{CHOOSE}。"
PICTURES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM")
JSON_START = re.compile(rb"\s*(\{\s*(\"|\})|\[\s*[\[{\"\]\d-])")


def check_kind(source: BinaryIO, fmt: str) -> None:
    """Refuse ``source`` (read from its current position, which is kept) when it is not a ``fmt`` table."""
    start = source.tell() if source.seekable() else None
    head = source.peek(HEAD_BYTES)[:HEAD_BYTES] if start is None else source.read(HEAD_BYTES)  # type: ignore[attr-defined]
    try:
        message = _kind_problem(head, fmt, source if start is not None else None)
    finally:
        if start is not None:
            source.seek(start)
    if message:
        raise RosterError([{"field": "file", "message": message}])


def _kind_problem(head: bytes, fmt: str, source: BinaryIO | None) -> str:
    if head.startswith(OLE):
        return _ole_kind(source)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(PICTURES[:3]) or (head.startswith(b"BM") and b"\0" in head[:64]):
        return PICTURE
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(source, fmt)
    if fmt == "xlsx":
        return ""  # xlsx_io says the file is not a readable .xlsx
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return UTF16
    if JSON_START.match(head.removeprefix(b"\xef\xbb\xbf")):
        return JSON
    if b"\0" in head:
        return BINARY
    return ""


def _utf16(name: str) -> bytes:
    """An ASCII stream name as an OLE directory stores it (UTF-16-LE, then a NUL), without a codec (the
    browser's trimmed standard library has none for UTF-16)."""
    return bytes(byte for char in name for byte in (ord(char), 0)) + b"\0\0"


def _ole_kind(source: BinaryIO | None) -> str:
    """An OLE compound file: its stream names (UTF-16) tell an encrypted .xlsx from an .xls."""
    names = {_utf16("EncryptionInfo"): ENCRYPTED, _utf16("Workbook"): XLS, _utf16("Book"): XLS}
    found = _find_names(source, list(names)) if source else set()
    return next((message for name, message in names.items() if name in found), OLD_OFFICE if source else XLS)


def _find_names(source: BinaryIO, needles: list[bytes]) -> set[bytes]:
    source.seek(0)
    found: set[bytes] = set()
    tail = b""
    while chunk := source.read(1024 * 1024):
        window = tail + chunk
        found.update(needle for needle in needles if needle in window)
        tail = chunk[-64:]
    return found


def _zip_kind(source: BinaryIO | None, fmt: str) -> str:
    """A zip: the part names (stored as they are in its headers) tell a workbook from a Word document.
    Found in the bytes, not with zipfile, which the browser loads only for an .xlsx."""
    found = _find_names(source, [b"xl/workbook.xml", b"word/document.xml"]) if source else set()
    if b"xl/workbook.xml" in found:
        return XLSX_AS_CSV if fmt == "csv" else ""
    if b"word/document.xml" in found:
        return WORD
    return ZIP if fmt == "csv" else ""
