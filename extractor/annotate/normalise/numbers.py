"""Numbers written in digits or words: "300,000", "1.2 million", "six", "twenty-five"."""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "m": 1_000_000, "bn": 1_000_000_000, "dozen": 12}
SPACED_THOUSANDS = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d|,\d)(?:\.\d+)?"  # "41 500", as French and UN style write it
NUMBER_WORDS = set(UNITS) | set(TENS) | {"hundred", "thousand", "million", "billion", "trillion", "dozen"}


def parse_number(text: str) -> float | None:
    """The value of a number in digits and/or words; None if it is not one."""
    words = [w.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
             for w in re.findall(rf"{SPACED_THOUSANDS}|\d[\d,]*(?:\.\d+)?|[a-z]+", text.lower().replace("-", " "))]
    if not words:
        return None
    total, current = 0.0, 0.0
    seen = False
    for word in words:
        if word[0].isdigit():
            current += float(word.replace(",", ""))
            seen = True
        elif word in UNITS:
            current += UNITS[word]
            seen = True
        elif word in TENS:
            current += TENS[word]
            seen = True
        elif word in SCALES and seen:
            scale = SCALES[word]
            if scale == 100:
                current *= scale
            else:
                total += (current or 1) * scale
                current = 0.0
        elif word in ("a", "an") and not seen:
            current, seen = 1.0, True
        elif word != "and":
            return None
    return total + current if seen else None


def format_number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.6f}".rstrip("0").rstrip(".")
