"""The word lists and tables the rules read, kept as data in ``models/lexicon/``.

- ``words.csv``: named word lists (``list,word,note``): sentence-start words, the words a name may hold,
  words after which a number is no count, and so on;
- ``numbers.csv``: number words and their values; ``currencies.csv``: currencies' signs and names;
- ``months.csv``: month names (English, French, Spanish) and English abbreviations;
- ``spelling.csv``: the one spelling names are matched in ("Organisation" -> "Organization");
- ``zipf`` and ``foreign_zipf``: how common a word is (wordfreq), for hyphenation, names and garbled text.

Python holds the logic that reads them; a new word is a new row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from extractor.resources import lexicon_dir
from extractor.rows import read_rows


@cache
def _table(folder: str, name: str) -> tuple[dict[str, str], ...]:
    return tuple(read_rows(Path(folder) / name))


def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``models/lexicon/<name>``."""
    return _table(lexicon_dir(), name)


def word_list(name: str) -> frozenset[str]:
    """The words of one list of ``words.csv``."""
    return _words(lexicon_dir(), name)


@cache
def _words(folder: str, name: str) -> frozenset[str]:
    found = frozenset(row["word"] for row in _table(folder, "words.csv") if row["list"] == name)
    if not found:
        raise KeyError(f"no word list {name!r} in {folder}/words.csv")
    return found


def alternation(forms: frozenset[str] | list[str]) -> str:
    """A regex alternation of the forms, longest first, each escaped."""
    return "|".join(re.escape(form) for form in sorted(forms, key=lambda f: (-len(f), f)))


def number_words() -> dict[str, tuple[float, str]]:
    """word -> (value, kind: unit, ten or scale)."""
    return {row["word"]: (float(row["value"]), row["kind"]) for row in table("numbers.csv")}


@dataclass(frozen=True, slots=True)
class Currency:
    form: str
    code: str
    symbol: bool  # written right before the figure ("$41 500")


def currencies() -> tuple[Currency, ...]:
    return _currencies(lexicon_dir())


@cache
def _currencies(folder: str) -> tuple[Currency, ...]:
    return tuple(Currency(row["form"], row["code"], row["symbol"] == "1") for row in _table(folder, "currencies.csv"))


@dataclass(frozen=True, slots=True)
class Month:
    name: str
    number: int
    language: str
    abbreviations: tuple[str, ...]


def months() -> list[Month]:
    return [Month(row["name"], int(row["number"]), row["language"], tuple(row["abbreviation"].split()))
            for row in table("months.csv")]


def spellings() -> tuple[tuple[re.Pattern[str], str], ...]:
    return _spellings(lexicon_dir())


@cache
def _spellings(folder: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(row["pattern"]), row["replacement"]) for row in _table(folder, "spelling.csv"))


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common a word is in English (wordfreq's small list, offline; 0 for an unknown word)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en", wordlist="small"))


@lru_cache(maxsize=65536)
def foreign_zipf(word: str) -> float:
    """How common a word is in French, Spanish or Portuguese (the most of the three)."""
    from wordfreq import zipf_frequency

    return max(float(zipf_frequency(word, language, wordlist="small")) for language in ("fr", "es", "pt"))
