"""Who is who across a register's rows: the same person twice, and couples on two rows.

The same 身份证号 (or, without one, the same 姓名 and 出生日期) on two rows is one person: both rows say
重复, the person is counted once (on the first). Two rows whose 配偶身份证号 or 配偶姓名 name each other
are a couple, one household, as rows sharing a 户号 are: a household's total stands on its first row and
its one-time subsidies are counted once, so summing a column never counts anyone twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PAIR_PREFIX = "\x00配偶"  # a household found by names: never equal to a 户号 typed in a cell
HOW = {"户号": "户号相同", "partner_id": "配偶身份证号互相对应", "partner_name": "配偶姓名互相对应"}


@dataclass
class People:
    """The rows' identities worked out: households, duplicates, and how the couples were found."""

    household: dict[int, str] = field(default_factory=dict)  # row → household key ("" alone)
    duplicate_of: dict[int, int] = field(default_factory=dict)  # a repeated row → the person's first row
    repeated_on: dict[int, list[int]] = field(default_factory=dict)  # a first row → its repeats
    pairs: dict[str, int] = field(default_factory=dict)  # how → couples found so

    def pair_words(self) -> str:
        """"夫妻各占一行的：3 对（户号相同 1 对，配偶姓名互相对应 2 对）", or ""."""
        total = sum(self.pairs.values())
        if not total:
            return ""
        how = "，".join(f"{HOW[key]} {count} 对" for key, count in self.pairs.items() if count)
        return f"夫妻各占一行的：{total} 对（{how}），每对按一户计算，全家每月写在前一行"


def find_people(rows: list[tuple[int, dict[str, str], str]]) -> People:
    """``rows``: (row number, who, 户号) for every row that could be calculated, in order."""
    people = People()
    firsts: dict[object, int] = {}
    kept: list[tuple[int, dict[str, str], str]] = []
    for number, who, home in rows:
        key = who["id"] or ((who["name"], who["birth"]) if who["name"] and who["birth"] else None)
        if key is not None and key in firsts:
            people.duplicate_of[number] = firsts[key]
            people.repeated_on.setdefault(firsts[key], []).append(number)
            continue
        if key is not None:
            firsts[key] = number
        kept.append((number, who, home))
        people.household[number] = home
    _count_households(people, kept)
    _pair(people, kept)
    return people


def _count_households(people: People, kept: list[tuple[int, dict[str, str], str]]) -> None:
    sizes: dict[str, int] = {}
    for _, _, home in kept:
        if home:
            sizes[home] = sizes.get(home, 0) + 1
    people.pairs["户号"] = sum(1 for size in sizes.values() if size == 2)


def _pair(people: People, kept: list[tuple[int, dict[str, str], str]]) -> None:
    by_id = {who["id"]: (number, who, home) for number, who, home in kept if who["id"]}
    by_name: dict[str, list[tuple[int, dict[str, str], str]]] = {}
    for entry in kept:
        if entry[1]["name"]:
            by_name.setdefault(entry[1]["name"], []).append(entry)
    paired: set[int] = set()
    for number, who, home in kept:
        if number in paired:
            continue
        found = _partner_row(number, who, by_id, by_name)
        if found is None:
            continue
        (other, other_who, other_home), how = found
        if other in paired or (home and other_home and home != other_home) or (home and home == other_home):
            continue
        key = home or other_home or f"{PAIR_PREFIX}{number}"
        people.household[number] = people.household[other] = key
        paired.update((number, other))
        people.pairs[how] = people.pairs.get(how, 0) + 1


def _partner_row(number: int, who: dict[str, str], by_id: dict[str, tuple[int, dict[str, str], str]],
                 by_name: dict[str, list[tuple[int, dict[str, str], str]]]
                 ) -> tuple[tuple[int, dict[str, str], str], str] | None:
    """The row that names this row's person as its spouse, as this row names it (by ID, else by name)."""
    if who["partner_id"] and who["partner_id"] in by_id:
        entry = by_id[who["partner_id"]]
        other = entry[1]
        if entry[0] != number and (other["partner_id"] == who["id"] or other["partner_name"] == who["name"]):
            return entry, "partner_id"
    if not who["partner_name"] or not who["name"]:
        return None
    matches = [entry for entry in by_name.get(who["partner_name"], []) if entry[0] != number
               and entry[1]["partner_name"] == who["name"]
               and not (who["partner_id"] and entry[1]["id"] and entry[1]["id"] != who["partner_id"])]
    return (matches[0], "partner_name") if len(matches) == 1 else None
