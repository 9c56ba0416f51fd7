"""Hostile roster files made on the spot, small on disk: .xlsx zips whose sheet inflates far, big CSVs.

An .xlsx's sheet part is deflated by hand: a block compressed once after a full flush (which resets
the compressor, so every later copy of the block compresses to the same bytes) is repeated, so a
1.1 GB sheet costs about a megabyte and no gigabyte is ever compressed, or held in memory.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from pathlib import Path

CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                 b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relation'
                 b'ships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.'
                 b'xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                 b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-office'
                 b'document.spreadsheetml.worksheet+xml"/></Types>')
ROOT_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
             b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
             b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
            b'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet '
            b'name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
                 b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                 b'2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
SHEET_START = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
               b'2006/main"><sheetData>')
SHEET_END = b"</sheetData></worksheet>"
CELL_START = b'<row r="1"><c r="A1" t="inlineStr"><is><t>'
CELL_END = b"</t></is></c></row>"
HEADER_ROW = (b'<row r="1"><c r="A1" t="inlineStr"><is><t>\xe5\x87\xba\xe7\x94\x9f\xe6\x97\xa5\xe6\x9c\x9f</t></is></c>'
              b'<c r="B1" t="inlineStr"><is><t>\xe5\xae\xb6\xe5\xba\xad\xe7\xb1\xbb\xe5\x88\xab</t></is></c></row>')
# One data row (出生日期, 家庭类别) without a row number: openpyxl numbers such rows itself.
DATA_ROW = ('<row><c t="inlineStr"><is><t>1960-05-01</t></is></c><c t="inlineStr"><is><t>独生子女死亡家庭</t></is></c>'
            '</row>').encode("utf-8")
MB = 1024 * 1024


def repeated_deflate(start: bytes, block: bytes, copies: int, end: bytes) -> tuple[bytes, int, int]:
    """Raw deflate of ``start + block * copies + end``: (compressed bytes, CRC-32, inflated size)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = packer.compress(start) + packer.flush(zlib.Z_FULL_FLUSH)
    body = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    tail = packer.compress(end) + packer.flush()
    crc = zlib.crc32(start)
    for _ in range(copies):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(end, crc)
    return head + body * copies + tail, crc, len(start) + len(block) * copies + len(end)


def write_zip(path: Path, entries: Iterable[tuple[str, bytes, int, int]]) -> Path:
    """A zip of deflated ``(name, compressed, crc, size)`` entries (sizes under 4 GB: no zip64)."""
    local, central = bytearray(), bytearray()
    count = 0
    for name, data, crc, size in entries:
        encoded = name.encode("utf-8")
        fields = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0x21, crc, len(data), size)
        central += b"PK\x01\x02" + struct.pack("<H", 20) + fields + struct.pack("<HHHHHII", len(encoded), 0, 0, 0, 0, 0,
                                                                                    len(local)) + encoded
        local += b"PK\x03\x04" + fields + struct.pack("<HH", len(encoded), 0) + encoded + data
        count += 1
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, count, count, len(central), len(local), 0)
    path.write_bytes(bytes(local + central + end))
    return path


def _small(name: str, data: bytes) -> tuple[str, bytes, int, int]:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return name, packer.compress(data) + packer.flush(), zlib.crc32(data), len(data)


def xlsx_with_sheet(path: Path, start: bytes, block: bytes, copies: int, end: bytes) -> Path:
    """An .xlsx whose only sheet is ``start + block * copies + end`` inside <sheetData>."""
    sheet = repeated_deflate(SHEET_START + start, block, copies, end + SHEET_END)
    return write_zip(path, [_small("[Content_Types].xml", CONTENT_TYPES), _small("_rels/.rels", ROOT_RELS),
                            _small("xl/workbook.xml", WORKBOOK), _small("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
                            ("xl/worksheets/sheet1.xml", *sheet)])


def cell_bomb(path: Path, megabytes: int) -> Path:
    """One header cell of ``megabytes`` MB of text (the issue's file: 1,100 MB from about 1 MB)."""
    return xlsx_with_sheet(path, CELL_START, b"A" * MB, megabytes, CELL_END)


def long_cell_xlsx(path: Path, characters: int) -> Path:
    """A header, then one row whose first cell is ``characters`` long: the sheet stays small."""
    return xlsx_with_sheet(path, HEADER_ROW + b'<row r="2"><c r="A2" t="inlineStr"><is><t>', b"A" * 1024,
                           characters // 1024, b"A" * (characters % 1024) + b"</t></is></c></row>")


def many_rows_xlsx(path: Path, rows: int, megabytes_of_padding: int = 0) -> Path:
    """A header and ``rows`` data rows (openpyxl numbers them), each padded to make the sheet large."""
    row = DATA_ROW.replace(b"</row>", b" " * (megabytes_of_padding * MB // max(rows, 1)) + b"</row>")
    return xlsx_with_sheet(path, HEADER_ROW, row * 1000, rows // 1000, row * (rows % 1000))


def many_rows_csv(path: Path, rows: int) -> Path:
    """A CSV with a header and ``rows`` short data rows."""
    path.write_bytes("出生日期,家庭类别\n".encode() + "1960-05-01,无\n".encode() * rows)
    return path


def sparse_csv(path: Path, size: int) -> Path:
    """A CSV ``size`` bytes long that takes almost no disk: a header, then a hole (zero bytes)."""
    with path.open("wb") as handle:
        handle.write("出生日期,家庭类别\n".encode())
        handle.truncate(size)
    return path


def ole_file(path: Path, stream: str) -> Path:
    """An OLE compound file's first sector and a directory naming ``stream`` (as .xls or encrypted .xlsx hold)."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    entry = "Root Entry".encode("utf-16-le").ljust(64, b"\0") + bytes(64)
    entry += stream.encode("utf-16-le").ljust(64, b"\0") + bytes(64)
    path.write_bytes(header + entry.ljust(512, b"\0"))
    return path
