"""Calendar expressions -> ISO 8601 (a range as start/end): one parser for the title block, the closing
lines and the DATE annotator.

"7 February 2007" -> 2007-02-07, "February 2007" -> 2007-02, "2007–11" -> 2007/2011,
"2005–06" -> 2005/2006, "12–14 September 2007" -> 2007-09-12/2007-09-14,
"January–August 2013" -> 2013-01/2013-08, "17, 18 and 24 March 1997" -> 1997-03-17/1997-03-24.
Flattened texts lose their dashes: "12 27 March 2015" and "2010 14" are ranges too. French and Spanish
month names are read in title blocks ("1er mars 2010").
"""

from __future__ import annotations

import re

from extractor.lexicon import months

MONTH_TABLE = months()  # models/lexicon/months.csv
MONTHS = {m.name.lower(): m.number for m in MONTH_TABLE if m.language == "en"}
SHORT_MONTHS = {a.lower(): m.number for m in MONTH_TABLE for a in m.abbreviations}
FOREIGN_MONTHS = {m.name.lower(): m.number for m in MONTH_TABLE if m.language != "en"}
ENGLISH_NAMES = [m.name for m in MONTH_TABLE if m.language == "en"]
ABBREVIATIONS = [rf"{re.escape(a)}\.?" for m in MONTH_TABLE for a in m.abbreviations]
# English names and abbreviations: what the annotators match in English papers
MONTH = "(?:" + "|".join([*ENGLISH_NAMES, *sorted(ABBREVIATIONS, key=len, reverse=True)]) + ")"
# any language: what a title block or a closing line may print
ANY_MONTH = "(?:" + "|".join([*sorted(FOREIGN_MONTHS, key=len, reverse=True), *ENGLISH_NAMES,
                              *sorted(ABBREVIATIONS, key=len, reverse=True)]) + ")"
DASH = r"\s*(?:[–—‒-]|to)\s*"
MAX_SPAN = 50  # years a range written with a two-digit end ("1998–02") may cover
DAY = r"(\d{1,2})(?:er|st|nd|rd|th)?"
YEAR = r"(\d{4})"
OF = r"(?:\s+de)?"


def month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or FOREIGN_MONTHS.get(key) or SHORT_MONTHS.get(key, 0)


def _year(text: str, base: str = "") -> int:
    if len(text) == 4:
        return int(text)
    first = int(base)
    year = first // 100 * 100 + int(text)
    rolled = year + 100 if year < first else year  # "1998–02" ends in 2002
    return rolled if rolled - first <= MAX_SPAN else year  # "2014 10" is no range: it runs backwards


def _ym(year: str, month: str) -> str:
    return f"{int(year):04d}-{month_number(month):02d}"


def _ymd(year: str, month: str, day: str) -> str:
    return f"{int(year):04d}-{month_number(month):02d}-{int(day):02d}"


def _day_span(match: re.Match[str]) -> str:
    """ "17, 18 and 24 March 1997": the first day to the last."""
    days = re.findall(r"\d{1,2}", match[1])
    return f"{_ymd(match[3], match[2], days[0])}/{_ymd(match[3], match[2], days[-1])}"


def _lost_dash(match: re.Match[str]) -> str:
    if int(match[1]) >= int(match[2]):
        return _ymd(match[4], match[3], match[2])
    return f"{_ymd(match[4], match[3], match[1])}/{_ymd(match[4], match[3], match[2])}"


M = ANY_MONTH
PATTERNS = (
    (rf"({M}),?{OF}\s+{YEAR}(?:{DASH}|\s+and\s+)({M}),?{OF}\s+{YEAR}",
     lambda m: f"{_ym(m[2], m[1])}/{_ym(m[4], m[3])}"),
    (rf"({M})\s+and\s+({M}),?\s+{YEAR}", lambda m: f"{_ym(m[3], m[1])}/{_ym(m[3], m[2])}"),
    (rf"{DAY}\s+({M}){DASH}{DAY}\s+({M}),?\s+{YEAR}", lambda m: f"{_ymd(m[5], m[2], m[1])}/{_ymd(m[5], m[4], m[3])}"),
    (rf"((?:\d{{1,2}},\s+)+\d{{1,2}},?\s+and\s+\d{{1,2}})\s+({M}),?\s+{YEAR}", _day_span),
    (rf"{DAY}(?:{DASH}|\s+and\s+){DAY}\s+({M}),?\s+{YEAR}",
     lambda m: f"{_ymd(m[4], m[3], m[1])}/{_ymd(m[4], m[3], m[2])}"),
    (rf"(?<![\d,])(\d{{1,2}})\s+(\d{{1,2}})\s+({M}),?\s+{YEAR}", _lost_dash),
    (rf"{DAY}{OF}\s+({M}){OF},?\s+{YEAR}", lambda m: _ymd(m[3], m[2], m[1])),
    (rf"({M})\s+{DAY},\s+{YEAR}", lambda m: _ymd(m[3], m[1], m[2])),
    (rf"({M}){DASH}({M}),?\s+{YEAR}", lambda m: f"{_ym(m[3], m[1])}/{_ym(m[3], m[2])}"),
    (rf"({M}),?{OF}\s+{YEAR}", lambda m: _ym(m[2], m[1])),
    (r"((?:19|20)\d{2})\s*[–—‒/-]\s*((?:19|20)?\d{2})(?!\d)", lambda m: f"{m[1]}/{_year(m[2], m[1])}"),
    (r"((?:19|20)\d{2})\s+(?:to|until|through)\s+((?:19|20)\d{2})", lambda m: f"{m[1]}/{m[2]}"),
    (r"((?:19|20)\d{2})\s+(\d{2})(?!\d)", lambda m: f"{m[1]}/{_year(m[2], m[1])}"),  # "2010 14", dash lost
    (r"((?:19|20)\d{2})", lambda m: m[1]),
)
COMPILED = [(re.compile(pattern, re.IGNORECASE), build) for pattern, build in PATTERNS]


def normalise_date(text: str, year: str = "") -> str:
    """ISO value of a date; ``year`` completes a day and month written without one ("12 September")."""
    t = " ".join(text.split())
    if year and not re.search(r"\d{4}", t):
        t = f"{t} {year}"
    for pattern, build in COMPILED:
        match = pattern.search(t)
        if match:
            return build(match)
    return ""


def session_month(text: str) -> str:
    """The month (YYYY-MM) a session is known by: the month it ends in ("27 October–10 November 2016" is
    the November 2016 session), from "Geneva, November 1996" or "14–28 March 2019"."""
    value = normalise_date(text).split("/")[-1]
    return value[:7] if len(value) >= 7 else ""


def day_of(text: str) -> str:
    """The single day (YYYY-MM-DD) a line gives, as "Geneva, 2 March 2000." or "Date: 8 February 2019"."""
    value = normalise_date(text)
    return value if len(value) == 10 else ""
