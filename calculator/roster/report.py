"""One report for the whole file, said before the rows: which columns were used and which ignored, the
values not understood (with counts), the couples and repeats found, and the rows to look at by number.

The CLI prints it on standard error, the page shows it above the download, and the output's 说明 sheet
(or a CSV's 【说明】 rows) holds it: staff read one list instead of the same message on 300 rows.
"""

from __future__ import annotations

from typing import Any

SHOWN_VALUES = 5  # ways of writing a value listed per column; the rest are counted
SHOWN_ROWS = 30  # row numbers listed per kind; the rest are counted
LONG_VALUE = 20


def report_lines(summary: Any) -> list[str]:
    """The file's report, one plain Chinese sentence a line (``summary``: a roster.summary.Summary)."""
    lines = []
    if summary.used:
        lines.append("用来计算的列：" + "、".join(f"“{name}”" for name in summary.used))
    if summary.header_warning:
        lines.append(summary.header_warning)
    lines.extend(summary.column_notes)
    for column, counts in summary.unknown.items():
        lines.append(_unknown_words(column, counts))
    lines.extend(_absent_columns(summary.held))
    if summary.pair_words:
        lines.append(summary.pair_words)
    if summary.duplicates:
        lines.append(f"重复的人：{summary.duplicates} 行和前面某一行是同一人（身份证号相同，或姓名和出生日期都相同），"
                     "两行都标了“重复”，只计一次")
    errors = [item["row"] for item in summary.bad_rows]
    if errors:
        lines.append("有错误、没有算出金额的行：" + row_numbers(errors, summary.errors))
    if summary.checked_rows:
        lines.append("算出了金额、但有要核实之处的行：" + row_numbers(summary.checked_rows, len(summary.checked_rows)))
    return lines


def _absent_columns(held: dict[str, int]) -> list[str]:
    """A column the register does not have, said once instead of on every row it holds up."""
    from .cells import column_name  # noqa: PLC0415 - cells imports facts; report is imported by summary

    lines = []
    for path, rows in sorted(held.items()):
        what = "的配偶每月特别扶助金只能算“如符合”，没有计入合计" if path == "partner_songjiang_hukou" else \
            "要用到它的扶助金（多为一次性补助）要另行核实，没有计入合计"
        lines.append(f"名单没有“{column_name(path)}”一列：{rows} 行{what}，各行不再重复写")
    return lines


def _unknown_words(column: str, counts: Any) -> str:
    ways = counts.most_common()
    shown = "、".join(f"“{_short(text)}”（{count} 行）" for text, count in ways[:SHOWN_VALUES])
    more = f"等 {len(ways)} 种" if len(ways) > SHOWN_VALUES else f"{len(ways)} 种"
    return f"{column}：{more}写法没认出：{shown}，共 {sum(counts.values())} 行（见各行的“待核实”或“错误”）"


def row_numbers(rows: list[int], total: int) -> str:
    """"第 3、7、12 行", at most SHOWN_ROWS numbers, then "等 N 行"."""
    shown = "、".join(str(row) for row in rows[:SHOWN_ROWS])
    return f"第 {shown} 行" + (f"等，共 {total} 行" if total > SHOWN_ROWS else "")


def _short(text: str) -> str:
    return text if len(text) <= LONG_VALUE else text[:LONG_VALUE] + "……"
