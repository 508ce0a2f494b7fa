"""AMOUNT values: "300000 USD", "38 percent", "6 training activities"."""

from __future__ import annotations

import re
from functools import lru_cache

from extractor.annotate.normalise.numbers import SPACED_THOUSANDS, format_number, parse_number
from extractor.lexicon import currencies


def currency_code(text: str) -> str:
    """The ISO 4217 code of the currency a sum is written in (``models/lexicon/currencies.csv``)."""
    code = re.match(r"([A-Z]{3})\s?\d", text)
    if code:
        return code.group(1) if code.group(1) in iso_currencies() else ""
    for currency in sorted(currencies(), key=lambda c: -len(c.form)):  # "R$" before "$"
        form = re.escape(currency.form)
        if currency.symbol and re.search(rf"(?:^|\s){form}\s?\d", text):
            return currency.code
        if not currency.symbol and re.search(rf"(?:^|[\s\d]){form}(?=$|[\s\d])", text, re.IGNORECASE):
            return currency.code
    return ""


@lru_cache(maxsize=1)
def iso_currencies() -> frozenset[str]:
    import pycountry

    return frozenset(currency.alpha_3 for currency in pycountry.currencies)



def normalise_money(text: str) -> str:
    code = currency_code(text)
    scale = r"(?:\s*(?:million|billion|trillion|thousand|m|bn)\b)?"
    number = re.search(rf"(?:{SPACED_THOUSANDS}|\d[\d,]*(?:\.\d+)?){scale}", text)
    value = parse_number(number.group(0)) if number else None
    return f"{format_number(value)} {code}" if value is not None and code else ""


def normalise_percent(text: str) -> str:
    number = re.match(r"[\w,.\- ]+?(?=\s*(?:per\s?cent|%))", text.strip())
    value = parse_number(number.group(0)) if number else None
    return f"{format_number(value)} percent" if value is not None else ""


def normalise_count(number: str, noun: str) -> str:
    value = parse_number(number)
    if value is None:
        return ""
    return f"{format_number(value)} {noun}".strip()
