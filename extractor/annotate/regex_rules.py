"""Regex rules read from a JSONL file of ``models/patterns/``: each line an ``id``, a ``label`` (or
``kind``), a ``regex`` whose placeholders name tables of ``models/lexicon/``, and the attributes the
components read (``needs_year``, ``unless_counting``)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from extractor.dates import DASH, MONTH
from extractor.lexicon import alternation, currencies, number_words
from extractor.resources import models_dir


@dataclass(frozen=True, slots=True)
class RegexRule:
    id: str
    kind: str
    regex: re.Pattern[str]
    needs_year: bool = False
    unless_counting: bool = False


def expand(regex: str) -> str:
    """A pattern's placeholders, each the alternation of a table of ``models/lexicon/``: {MONTH} (months.csv),
    {DAY} (a day's number, "14" or "14th"), {DASH}, {CURRENCY_SIGN} and {CURRENCY_NAME} (currencies.csv),
    {NUMBER_WORD} (numbers.csv)."""
    table = currencies()
    fills = {
        "{MONTH}": MONTH, "{DASH}": DASH, "{DAY}": r"\d{1,2}(?:st|nd|rd|th)?",
        "{CURRENCY_SIGN}": alternation([c.form for c in table if c.symbol]),
        "{CURRENCY_NAME}": alternation([c.form for c in table if not c.symbol and not c.form.isupper()]),
        "{NUMBER_WORD}": alternation([w for w, (_, kind) in number_words().items() if kind in ("unit", "ten")]),
    }
    for placeholder, fill in fills.items():
        regex = regex.replace(placeholder, fill)
    return regex


def load_regex_rules(patterns: str, models: str) -> list[RegexRule]:
    path = Path(patterns) if Path(patterns).is_absolute() else (Path(models) if models else models_dir()) / patterns
    rules = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rule = json.loads(line)
            regex = expand(rule["regex"])
            rules.append(RegexRule(rule["id"], rule.get("kind", rule["label"]), re.compile(regex),
                                   bool(rule.get("needs_year")), bool(rule.get("unless_counting"))))
    return rules
