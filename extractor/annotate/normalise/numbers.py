"""Numbers written in digits or words: "300,000", "1.2 million", "six", "twenty-five"."""

from __future__ import annotations

import re

from extractor.lexicon import number_words

NUMBERS = number_words()  # models/lexicon/numbers.csv
UNITS = {word: value for word, (value, kind) in NUMBERS.items() if kind == "unit"}
TENS = {word: value for word, (value, kind) in NUMBERS.items() if kind == "ten"}
SCALES = {word: value for word, (value, kind) in NUMBERS.items() if kind == "scale"}
SPACED_THOUSANDS = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d|,\d)(?:\.\d+)?"  # "41 500", as French and UN style write it
NUMBER_WORDS = set(UNITS) | set(TENS) | {word for word in SCALES if len(word) > 2}  # not "m", "bn" alone


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
