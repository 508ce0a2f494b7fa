"""DATE values in ISO 8601; a range as start/end.

"7 February 2007" -> 2007-02-07, "February 2007" -> 2007-02, "2007–11" -> 2007/2011,
"2005–06" -> 2005/2006, "12–14 September 2007" -> 2007-09-12/2007-09-14,
"January–August 2013" -> 2013-01/2013-08.
"""

from __future__ import annotations

import re

MONTHS = {name: i for i, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december"], 1)}
SHORT_MONTHS = {name[:3]: i for name, i in MONTHS.items()} | {"sept": 9}
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
        r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
DASH = r"\s*(?:[–—‒-]|to)\s*"


def month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or SHORT_MONTHS.get(key[:4] if key.startswith("sept") else key[:3], 0)


def _year(text: str, base: str = "") -> int:
    if len(text) == 4:
        return int(text)
    first = int(base)
    year = first // 100 * 100 + int(text)
    return year + 100 if year < first else year


def normalise_date(text: str, year: str = "") -> str:
    """ISO value of a date; ``year`` completes a day and month written without one ("12 September")."""
    t = " ".join(text.split())
    if year and not re.search(r"\d{4}", t):
        t = f"{t} {year}"
    patterns = (
        (rf"({MONTH}),?\s+(\d{{4}})(?:{DASH}|\s+and\s+)({MONTH}),?\s+(\d{{4}})",
         lambda m: f"{_ym(m[2], m[1])}/{_ym(m[4], m[3])}"),
        (rf"({MONTH})\s+and\s+({MONTH}),?\s+(\d{{4}})", lambda m: f"{_ym(m[3], m[1])}/{_ym(m[3], m[2])}"),
        (rf"(\d{{1,2}})\s+({MONTH}){DASH}(\d{{1,2}})\s+({MONTH}),?\s+(\d{{4}})",
         lambda m: f"{_ymd(m[5], m[2], m[1])}/{_ymd(m[5], m[4], m[3])}"),
        (rf"(\d{{1,2}}){DASH}(\d{{1,2}})\s+({MONTH}),?\s+(\d{{4}})",
         lambda m: f"{_ymd(m[4], m[3], m[1])}/{_ymd(m[4], m[3], m[2])}"),
        (rf"(\d{{1,2}})\s+({MONTH}),?\s+(\d{{4}})", lambda m: _ymd(m[3], m[2], m[1])),
        (rf"({MONTH})\s+(\d{{1,2}}),\s+(\d{{4}})", lambda m: _ymd(m[3], m[1], m[2])),
        (rf"({MONTH}){DASH}({MONTH}),?\s+(\d{{4}})", lambda m: f"{_ym(m[3], m[1])}/{_ym(m[3], m[2])}"),
        (rf"({MONTH}),?\s+(\d{{4}})", lambda m: _ym(m[2], m[1])),
        (r"((?:19|20)\d{2})\s*[–—‒/-]\s*((?:19|20)?\d{2})(?!\d)", lambda m: f"{m[1]}/{_year(m[2], m[1])}"),
        (r"((?:19|20)\d{2})", lambda m: m[1]),
    )
    for pattern, build in patterns:
        match = re.search(pattern, t, re.IGNORECASE)
        if match:
            return build(match)
    return ""


def _ym(year: str, month: str) -> str:
    return f"{int(year):04d}-{month_number(month):02d}"


def _ymd(year: str, month: str, day: str) -> str:
    return f"{int(year):04d}-{month_number(month):02d}-{int(day):02d}"
