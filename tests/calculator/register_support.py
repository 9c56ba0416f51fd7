"""A 街镇's register as staff keep one (issue 25): a merged title row; 序号, 姓名, 性别, 身份证号, 出生日期,
户籍地址, 家庭类别 written 伤残/死亡/失独, 配偶姓名, 配偶出生日期, 子女情况 as free text, 是否持证, 联系电话, 备注.

``register_rows(300)`` is deterministic (a seeded generator) and built so each kind of row the issue met
is there: couples on two rows without 户号, a person twice, a wrong check digit, a 出生日期 disagreeing
with the ID, dates as 19580312 and 58.3.12, free-text 子女情况. ``EXPECTED`` says what should come out.
"""

from __future__ import annotations

import datetime as dt
import io
import random

TITLE = "某街道 2024年 计划生育特别扶助对象登记表"
HEADER = ["序号", "姓名", "性别", "身份证号", "出生日期", "户籍地址", "家庭类别", "配偶姓名", "配偶出生日期",
          "子女情况", "是否持证", "联系电话", "备注"]
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
FAMILY = ["伤残", "死亡", "失独", "独生子女伤残家庭", "独生子女死亡家庭"]
CHILD_TEXTS = ["独子2013年车祸去世", "肢体残疾二级", "女儿因病去世", "意外去世", "意外伤残", "", "精神残疾", "患白血病"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "芳强兰敏伟静丽军勇艳杰娟涛明超秀霞平刚桂英华玉萍红"
ROADS = ["松江区中山街道中山中路", "松江区方松街道人民南路", "松江区岳阳街道谷阳北路", "青浦区盈浦街道城中路"]


def id_number(birth: dt.date, sequence: int, area: str = "310227") -> str:
    """A well-formed 18-digit 身份证号 (GB 11643 check character) for ``birth``; odd ``sequence``: a man."""
    first17 = f"{area}{birth:%Y%m%d}{sequence % 1000:03d}"
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        if len(used) > 5000:  # a long register (the bench's): 13,520 such names would run out
            name += str(len(used))
        if name not in used:
            used.add(name)
            return name


def _person(rng: random.Random, used: set[str], sequence: int) -> dict[str, object]:
    birth = dt.date(rng.randint(1945, 1975), rng.randint(1, 12), rng.randint(1, 28))
    return {"name": _name(rng, used), "birth": birth, "id": id_number(birth, sequence),
            "sex": "男" if sequence % 2 else "女"}


def register_rows(count: int = 300, seed: int = 25) -> list[list[object]]:
    """The data rows (序号 as ints, dates as dates as Excel holds them); the header is ``HEADER``."""
    rng = random.Random(seed)
    used: set[str] = set()
    rows: list[list[object]] = []
    while len(rows) < count:
        number = len(rows) + 1
        person = _person(rng, used, 2 * number + 1)
        family = rng.choice(FAMILY)
        couple = number % 7 == 0 and len(rows) + 2 <= count - 3
        partner = _person(rng, used, 2 * number) if couple or number % 3 == 0 else None
        row = [number, person["name"], person["sex"], person["id"], person["birth"], rng.choice(ROADS) + f"{number}号",
               family, partner["name"] if partner else "", partner["birth"] if partner else None,
               rng.choice(CHILD_TEXTS), rng.choice(["是", "持证", "√", "否"]), f"139{rng.randint(10**7, 10**8 - 1)}", ""]
        rows.append(row)
        if couple:  # the spouse on a row of their own, naming the first: no 户号
            rows.append([number + 1, partner["name"], partner["sex"], partner["id"], partner["birth"], row[5], family,
                         person["name"], person["birth"], row[9], row[10], row[11], ""])
    _oddities(rows)
    return rows


def _oddities(rows: list[list[object]]) -> None:
    """The rows the issue met: each kind once, at fixed places."""
    rows[9][4] = f"{rows[9][4]:%Y%m%d}"  # 19580312
    rows[10][4] = f"{rows[10][4]:%y.%-m.%-d}"  # 58.3.12
    ident = str(rows[11][3])
    rows[11][3] = ident[:17] + ("0" if ident[17] != "0" else "1")  # a wrong check digit
    birth = rows[12][4]
    rows[12][4] = birth.replace(year=birth.year + 10)  # a 出生日期 ten years off the ID
    rows[13][3] = str(rows[13][3])[:17]  # 17 digits
    rows[-1] = list(rows[5])  # the same person again, at the end
    rows[-1][0] = len(rows)
    rows[14][6] = "特困"  # a family type the roster does not know: that row is an error


def register_xlsx(rows: list[list[object]], summary_first: bool = False, header: list[str] = HEADER) -> bytes:
    """The register as an .xlsx: title merged across the header, dates as Excel dates, IDs as text."""
    import openpyxl

    book = openpyxl.Workbook()
    if summary_first:
        book.active.title = "汇总"
        book.active.append(["汇总表"])
        book.active.append(["合计", 300])
        sheet = book.create_sheet("登记表")
    else:
        sheet = book.active
        sheet.title = "登记表"
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def register_csv(rows: list[list[object]], header: list[str] = HEADER) -> list[list[str]]:
    """The same register as CSV cells (dates as 1965-03-08, as WPS saves them)."""
    text = [[TITLE], header]
    for row in rows:
        text.append(["" if cell is None else cell.isoformat() if isinstance(cell, dt.date) else str(cell) for cell in row])
    return text
