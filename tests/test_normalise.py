"""Normalised values, case by case."""

from __future__ import annotations

import pytest

from extractor.annotate.normalise.amounts import normalise_count, normalise_money, normalise_percent
from extractor.annotate.normalise.numbers import parse_number
from extractor.dates import normalise_date


@pytest.mark.parametrize(("text", "iso"), [
    ("2007–11", "2007/2011"), ("2005–06", "2005/2006"), ("2007-08", "2007/2008"), ("2014–2017", "2014/2017"),
    ("1998–02", "1998/2002"), ("12–14 September 2007", "2007-09-12/2007-09-14"), ("7 February 2007", "2007-02-07"),
    ("26–27 June 2013", "2013-06-26/2013-06-27"), ("30 June–2 July 2013", "2013-06-30/2013-07-02"),
    ("January–August 2013", "2013-01/2013-08"), ("November 2006", "2006-11"), ("Sept. 2010", "2010-09"),
    ("February 7, 2007", "2007-02-07"), ("2007", "2007"), ("the year to 31 August 2013", "2013-08-31"),
    ("no date", ""),
])
def test_dates(text: str, iso: str) -> None:
    assert normalise_date(text) == iso


@pytest.mark.parametrize(("text", "norm"), [
    ("US$300,000", "300000 USD"), ("US$ 300,000", "300000 USD"), ("€150,000", "150000 EUR"),
    ("US$1.2 million", "1200000 USD"), ("CHF 650,000", "650000 CHF"), ("US$24 million", "24000000 USD"),
    ("300,000 Swiss francs", "300000 CHF"), ("EUR 100,000", "100000 EUR"), ("£5 million", "5000000 GBP"),
    ("$2.5 billion", "2500000000 USD"), ("¥30 million", "30000000 JPY"),
])
def test_money(text: str, norm: str) -> None:
    assert normalise_money(text) == norm


@pytest.mark.parametrize(("text", "norm"), [
    ("38 per cent", "38 percent"), ("12%", "12 percent"), ("4.5 per cent", "4.5 percent"),
    ("five per cent", "5 percent"), ("44 percent", "44 percent"),
])
def test_percent(text: str, norm: str) -> None:
    assert normalise_percent(text) == norm


@pytest.mark.parametrize(("number", "noun", "norm"), [
    ("six", "training activities", "6 training activities"), ("109", "participants", "109 participants"),
    ("1,100", "workers", "1100 workers"), ("4 million", "workers", "4000000 workers"),
    ("twenty-five", "countries", "25 countries"), ("a hundred", "companies", "100 companies"),
])
def test_counts(number: str, noun: str, norm: str) -> None:
    assert normalise_count(number, noun) == norm


@pytest.mark.parametrize(("text", "value"), [
    ("3,500", 3500), ("1.2 million", 1_200_000), ("two hundred", 200), ("a dozen", 12), ("several", None),
])
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value
