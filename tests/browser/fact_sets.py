"""A seeded generator of fact sets for the differential test: boundaries first, then random draws.

Every set carries an explicit ``as_of``, so "today" can never differ between CPython and the page.
Boundaries: the day before and the day of the 49th, 60th and 70th birthdays, 29 February births
around 28 February / 1 March, child ages 15 and 16, every family type, certificates yes, no and not
answered, every kind of child event (mostly consistent with the family type, sometimes not), and a
share of bad facts (impossible dates, births after ``as_of``, unknown types and keys, contradictions,
nesting past the bound).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

FAMILY_TYPES = ("child_deceased", "child_disabled", "none")
CHILD_EVENTS = ("accidental_death", "illness_death", "accidental_disability", "serious_illness")
CONSISTENT_EVENTS = {"child_deceased": ("accidental_death", "illness_death"),
                     "child_disabled": ("accidental_disability", "serious_illness", "none"),
                     "none": ("accidental_disability", "serious_illness", "none")}
FIRST_DAY = date(2020, 12, 1)  # the notice's date: the calculator's first day
OPTIONAL_BOOLS = ("needs_care", "lives_alone", "self_care_difficulty", "low_income",
                  "surgery_complication", "wants_another_child", "housing_difficulty", "property_inheritance",
                  "wants_to_adopt", "critical_illness", "lacks_capacity", "unemployed")
BRACKET_AGES = (49, 60, 70)


def fact_sets(count: int = 320, seed: int = 20201201) -> list[Any]:
    """``count`` fact sets (at least the boundary ones), the same list for the same seed."""
    rng = random.Random(seed)
    sets: list[Any] = [*birthday_boundaries(rng), *feb29_births(rng), *child_age_boundaries(rng), *bad_facts()]
    while len(sets) < count:
        sets.append(bad_variant(rng, random_facts(rng)) if rng.random() < 0.1 else random_facts(rng))
    return sets


def random_facts(rng: random.Random, as_of: date | None = None, birth: date | None = None) -> dict[str, Any]:
    """A plausible household with random answers to the optional questions."""
    as_of = as_of or FIRST_DAY + timedelta(days=rng.randrange(0, 365 * 13))
    birth = birth or as_of - timedelta(days=rng.randrange(30 * 365, 95 * 365))
    family_type = rng.choice(FAMILY_TYPES)
    facts: dict[str, Any] = {"as_of": as_of.isoformat(), "birth_date": birth.isoformat(), "family_type": family_type}
    for key in ("songjiang_hukou", "special_assistance_cert", "honor_cert"):
        if rng.random() < 0.85:
            facts[key] = rng.choice((True, True, False, None))
    for key in OPTIONAL_BOOLS:
        if rng.random() < 0.4:
            facts[key] = rng.choice((True, False, None))
    if rng.random() < 0.4:
        facts["partner_birth_date"] = (as_of - timedelta(days=rng.randrange(30 * 365, 95 * 365))).isoformat()
        if rng.random() < 0.7:
            facts["partner_songjiang_hukou"] = rng.choice((True, False, None))
    if rng.random() < 0.6:
        facts["child_event"] = child_event(rng, rng.randrange(0, 40), family_type, as_of)
    return facts


def child_event(rng: random.Random, child_age: int, family_type: str, as_of: date) -> dict[str, Any]:
    """An event mostly consistent with the family type (one in ten is not, and must be refused alike)."""
    kind = rng.choice(CONSISTENT_EVENTS[family_type] if rng.random() < 0.9 else CHILD_EVENTS)
    if kind == "none":
        return {"kind": "none"}
    event: dict[str, Any] = {"kind": kind, "child_age": child_age}
    for key in ("child_married", "pledge_no_more_children"):
        if rng.random() < 0.6:
            event[key] = rng.choice((True, False, None))
    if rng.random() < 0.3:
        event["date"] = (as_of - timedelta(days=rng.randrange(0, 365 * 12))).isoformat()
    return event


def birthday_boundaries(rng: random.Random) -> list[dict[str, Any]]:
    """The day before and the day of each bracket birthday, for every family type and cert choice."""
    sets = []
    for age in BRACKET_AGES:
        for family_type in FAMILY_TYPES:
            for cert in (True, False):
                as_of = FIRST_DAY + timedelta(days=rng.randrange(0, 365 * 10))
                on_birthday = _years_before(as_of, age)
                for birth in (on_birthday, on_birthday + timedelta(days=1)):  # turns `age` today / tomorrow
                    facts = random_facts(rng, as_of, birth)
                    facts.update(family_type=family_type, special_assistance_cert=cert, honor_cert=not cert)
                    sets.append(facts)
    return sets


def feb29_births(rng: random.Random) -> list[dict[str, Any]]:
    """People born on 29 February, computed on 28 February, 29 February and 1 March."""
    sets = []
    for birth_year, as_of_year in ((1960, 2028), (1960, 2021), (1964, 2024), (1956, 2026), (1952, 2022), (1972, 2021)):
        for as_of in (date(as_of_year, 2, 28), date(as_of_year, 3, 1), date(as_of_year, 2, 27)):
            sets.append(random_facts(rng, as_of, date(birth_year, 2, 29)))
        if as_of_year % 4 == 0:
            sets.append(random_facts(rng, date(as_of_year, 2, 29), date(birth_year, 2, 29)))
    return sets


def child_age_boundaries(rng: random.Random) -> list[dict[str, Any]]:
    """A child of 15 and of 16 when the event happened, for every kind of event and family type."""
    sets = []
    for child_age in (15, 16):
        for kind in CHILD_EVENTS:
            for family_type in FAMILY_TYPES:
                facts = random_facts(rng)
                event = child_event(rng, child_age, family_type, date.fromisoformat(facts["as_of"]))
                facts.update(family_type=family_type, child_event={**event, "kind": kind, "child_age": child_age})
                sets.append(facts)
    return sets


def bad_facts() -> list[Any]:
    """Facts the calculator must refuse, each with its field-level errors."""
    good = {"as_of": "2024-06-01", "birth_date": "1960-05-01", "family_type": "child_deceased"}
    return [
        None, [], "1960-05-01", {}, {"as_of": "2024-06-01"},
        {**good, "birth_date": "1960-02-30"}, {**good, "birth_date": "1960/05/01"},
        {**good, "birth_date": "2024-06-02"}, {**good, "family_type": "orphan"},
        {**good, "child_event": {"kind": "accidental_death", "child_age": -1}},
        {**good, "child_event": {"kind": "lost", "child_age": 20}},
        {**good, "child_event": {"kind": "serious_illness", "child_age": 64}},
        {**good, "as_of": "2020-11-30"}, {**good, "as_of": "2100-01-01"}, {**good, "unknown_key": 1},
        {**good, "x" * 5000: 1}, {**good, "child_event": {"kind": "none", "child_age": 3}},
        {**good, "family_type": "child_disabled", "child_event": {"kind": "accidental_death", "child_age": 20}},
        {**good, "wants_another_child": True, "child_event": {"kind": "accidental_death", "child_age": 10,
                                                              "pledge_no_more_children": True}},
        {**good, "child_event": {"kind": "accidental_death", "child_age": 50}},
        {**good, "child_event": {"kind": "illness_death", "child_age": 20, "date": "2024-06-02"}},
        {**good, "birth_date": "１９６０年５月１日"}, _nested(12),
        {**good, "honor_cert": "是"}, {**good, "partner_birth_date": "2025-01-01"},
        {**good, "birth_date": "1890-01-01"}, {**good, "child_event": {"kind": "serious_illness", "child_age": 1.5}},
    ]


def _nested(depth: int) -> Any:
    """A value nested deep, yet within the bound (json_text.MAX_DEPTH) even inside a batch."""
    value: Any = 0
    for _ in range(depth):
        value = [value]
    return value


def bad_variant(rng: random.Random, facts: dict[str, Any]) -> dict[str, Any]:
    """Spoil one fact of a valid set."""
    spoilt = dict(facts)
    key, value = rng.choice([("birth_date", "1961-13-01"), ("family_type", "unknown"), ("as_of", 20240601),
                             ("special_assistance_cert", "yes"), ("birth_date", "2199-01-01")])
    spoilt[key] = value
    return spoilt


def _years_before(day: date, years: int) -> date:
    """The birth date that makes ``day`` exactly the ``years``-th birthday (1 March for a 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # day is 29 February and that year has none: born 1 March, birthday today
        return date(day.year - years, 3, 1)
