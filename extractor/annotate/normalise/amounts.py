"""AMOUNT values: "300000 USD", "38 percent", "6 training activities"."""

from __future__ import annotations

import re
from functools import lru_cache

from extractor.annotate.normalise.numbers import SPACED_THOUSANDS, format_number, parse_number

CURRENCIES = [
    (r"US\s?\$|USD|US dollars?|United States dollars?|dollars?|\$", "USD"),
    (r"€|EUR|euros?", "EUR"),
    (r"£|GBP|pounds? sterling|pounds?", "GBP"),
    (r"CHF|SFr\.?|Swiss francs?", "CHF"),
    (r"¥|JPY|yen", "JPY"),
    (r"Rs\.?|INR|rupees?", "INR"),
    (r"CAD|Canadian dollars?", "CAD"),
    (r"Rp\.?|IDR|rupiahs?", "IDR"),
    (r"TSh|TZS|Tanzanian shillings?", "TZS"),
    (r"KSh|KES|Kenyan shillings?", "KES"),
    (r"₹", "INR"),
    (r"R\$|BRL|reais|reals?", "BRL"),
    (r"RMB|CNY|yuan|renminbi", "CNY"),
    (r"₱|PHP|Philippine pesos?", "PHP"),
    (r"₦|NGN|naira", "NGN"),
    (r"₩|KRW|won", "KRW"),
    (r"₫|VND|dong", "VND"),
    (r"AUD|Australian dollars?", "AUD"),
    (r"SEK|Swedish kron(?:a|or)", "SEK"),
    (r"NOK|Norwegian kron(?:e|er)", "NOK"),
    (r"DKK|Danish kron(?:e|er)", "DKK"),
]


def currency_code(text: str) -> str:
    code = re.match(r"([A-Z]{3})\s?\d", text)
    if code:
        return code.group(1) if code.group(1) in iso_currencies() else ""
    for pattern, code_ in sorted(CURRENCIES, key=lambda c: c[1] == "USD"):
        if re.search(rf"(?:^|\s|\d)(?:{pattern})(?=$|\s|\d)", text) or re.search(pattern, text[:3]):
            return code_
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
