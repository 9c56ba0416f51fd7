"""The roster's summary: people, households, the monthly and one-time totals, rows to check, rows with errors.

A household is one row, or every row sharing a 户号. A partner named in a row's 配偶 columns is one more
person and their amount belongs to that row's household — unless the household has rows of its own for
both (then each row's own amount is counted, once). A one-time subsidy is paid once per household
(assumption ``one-time-per-family``): a clause counted for a household is not counted again.
Memory grows with the number of 户号 households only (a few numbers each), never with the rows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .report import report_lines


BAD_ROWS_KEPT = 1000  # listed on the page; every one is marked in the output file anyway


@dataclass
class Household:
    """What one 户号 household's rows added up to so far."""

    first_row: int
    rows: int = 0
    own: int = 0
    partners: int = 0
    partner_monthly: int = 0
    one_time: dict[str, int] = field(default_factory=dict)


@dataclass
class Summary:
    """Totals for a whole roster, added to one row at a time."""

    rows: int = 0
    errors: int = 0
    to_check: int = 0
    people: int = 0
    households: int = 0
    monthly: int = 0
    one_time: int = 0
    notice: dict[str, str] | None = None
    header_warning: str = ""
    bad_rows: list[dict[str, Any]] = field(default_factory=list)
    by_id: dict[str, Household] = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)  # the input's header row
    head_size: int = 1  # title rows above the header, plus the header
    changes: Any = None  # a changes.Changes when the changes up to a date are asked for
    used: list[str] = field(default_factory=list)  # the columns the calculation reads
    column_notes: list[str] = field(default_factory=list)  # how the register's own columns were read
    unknown: dict[str, Counter[str]] = field(default_factory=dict)  # column → values not understood
    pair_words: str = ""  # how many couples on two rows were found, and how
    duplicates: int = 0
    held: dict[str, int] = field(default_factory=dict)  # a column the file lacks → rows it held up
    checked_rows: list[int] = field(default_factory=list)  # rows with something to check (待核实)

    def add_duplicate(self, row: int) -> None:
        """A row repeating a person counted on an earlier row: checked, not counted again."""
        self.rows += 1
        self.duplicates += 1
        self.to_check += 1
        self.checked_rows.append(row)

    def add_error(self, row: int, message: str) -> None:
        """A row that could not be calculated (kept in place, its message in 错误)."""
        self.rows += 1
        self.errors += 1
        if len(self.bad_rows) < BAD_ROWS_KEPT:
            self.bad_rows.append({"row": row, "error": message})

    def add(self, row: int, result: dict[str, Any], household_id: str, checking: bool) -> int | None:
        """A calculated row; returns the row a repeated one-time subsidy was already counted on, or None."""
        self.rows += 1
        self.to_check += checking
        if checking:
            self.checked_rows.append(row)
        if self.notice is None and result["amounts_notice"]:
            self.notice = result["amounts_notice"]
        partner = result["partner"]
        one_time = {item["clause"]: item["amount"] for item in result["one_time_subsidies"]}
        if not household_id:
            self.households += 1
            self.people += 1 + (partner is not None)
            self.monthly += result["household_monthly"]
            self.one_time += sum(one_time.values())
            return None
        home = self.by_id.setdefault(household_id, Household(first_row=row))
        home.rows += 1
        home.own += result["monthly_special_assistance"]
        home.partners += partner is not None
        home.partner_monthly += partner["monthly_special_assistance"] if partner else 0
        repeated = bool(one_time) and all(clause in home.one_time for clause in one_time)
        home.one_time.update(one_time)
        return home.first_row if repeated and home.rows > 1 else None

    def totals(self) -> dict[str, Any]:
        """The summary as JSON-compatible data (the page and the CLI show it)."""
        people, households, monthly, one_time = self.people, self.households, self.monthly, self.one_time
        for home in self.by_id.values():
            households += 1
            # Two rows in one household are the couple: their partner columns name each other.
            alone = home.rows == 1
            people += home.rows + (home.partners if alone else 0)
            monthly += home.own + (home.partner_monthly if alone else 0)
            one_time += sum(home.one_time.values())
        return {"rows": self.rows, "good": self.rows - self.errors, "bad": self.errors, "people": people,
                "households": households, "total_monthly": monthly, "total_one_time": one_time,
                "to_check": self.to_check, "duplicates": self.duplicates, "amounts_notice": self.notice,
                "header_warning": self.header_warning, "report": report_lines(self)}


def summary_lines(totals: dict[str, Any]) -> list[str]:
    """The summary in plain Chinese, one line each (the CLI prints them; a note row or sheet holds them)."""
    lines = [*totals["report"], f"人数：{totals['people']} 人（{totals['households']} 户）",
             f"每月特别扶助金合计：{totals['total_monthly']} 元",
             f"一次性补助合计：{totals['total_one_time']} 元（每户只计一次）",
             f"待核实：{totals['to_check']} 行", f"有错误：{totals['bad']} 行（共 {totals['rows']} 行）"]
    if totals["amounts_notice"]:
        lines.append(totals["amounts_notice"]["text"])
    return lines
