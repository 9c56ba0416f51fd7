"""An .xlsx roster as staff keep one: a merged title row, then the header, dates stored as Excel dates."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

TITLE = "松江区 2024年6月 特别扶助对象名单"
HEADER = ["姓名", "户号", "出生日期", "家庭类别", "本区户籍", "配偶出生日期", "配偶本区户籍", "子女情况", "子女当时年龄", "备注"]
PEOPLE = [
    ["王芳", "A1", dt.datetime(1976, 1, 1), "独生子女死亡家庭", "是", dt.datetime(1952, 1, 1), "是", None, None, "=cmd|' /C calc'!A0"],
    ["李强", "A1", dt.datetime(1952, 1, 1), "独生子女死亡家庭", "是", dt.datetime(1976, 1, 1), "是", None, None, "+SUM(1+1)"],
    ["张兰", None, dt.date(1960, 5, 1), "独生子女伤残家庭", True, None, None, "意外伤残", 18.0, "@SUM(1)"],
    ["坏日期", None, "1960-02-30", "独生子女伤残家庭", "是", None, None, None, None, None],
]


def roster_xlsx_bytes(people: list[list[object]] | None = None) -> bytes:
    """The workbook's bytes: title in A1 merged across the header's width, header in row 2."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(HEADER)
    for person in PEOPLE if people is None else people:
        sheet.append(person)
    for row in sheet.iter_rows(min_row=3):
        row[2].number_format = "yyyy/m/d"  # an Excel date, not text
        if isinstance(row[-1].value, str):
            row[-1].data_type = "s"  # text that looks like a formula, as a careful spreadsheet stores it
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
