"""Two text columns side by side on a flattened page, and what is not two columns."""

from __future__ import annotations

from extractor.layout.textcolumns import split_text_columns
from extractor.model import Line, Span


def lines_of(rows: list[str]) -> list[Line]:
    return [Line(spans=[Span(row)], page=1, top=float(n)) for n, row in enumerate(rows)]


def texts(lines: list[Line]) -> list[str]:
    return [line.text.rstrip() for line in lines]


LEFT = ["1.   The Office reported on the regional", "     follow-up of the Declaration in Africa",
        "     and in the Americas, with the help of", "     the national focal points appointed by",
        "     the governments of twelve countries", "     during the year under review."]
RIGHT = ["in Asia, where the Office met employers", "and workers of the electronics sector in",
         "Hanoi and Bangkok, and organized two", "workshops for managers of enterprises",
         "owned by foreign investors, with the", "support of the national employers."]


def test_two_columns_read_down_the_left_then_the_right() -> None:
    rows = ["INTERNATIONAL LABOUR OFFICE", ""] + [f"{left:<50}{right}" for left, right in zip(LEFT, RIGHT, strict=True)]
    assert texts(split_text_columns(lines_of(rows))) == ["INTERNATIONAL LABOUR OFFICE", "", *LEFT, "", *RIGHT]


def test_a_table_of_figures_is_no_pair_of_columns() -> None:
    rows = [f"{label:<40}{a:>10}{b:>12}" for label, a, b in [
        ("Staff costs", "41 500", "62 300"), ("Travel", "12 000", "15 500"), ("Interpretation", "8 000", "9 000"),
        ("Documents", "5 500", "6 000"), ("Meeting rooms", "3 000", "3 000"), ("Total", "70 000", "95 800")]]
    assert texts(split_text_columns(lines_of(rows))) == [row.rstrip() for row in rows]


def test_justified_text_with_wide_spaces_is_one_column() -> None:
    rows = ["6.    The     ILO     Helpdesk    for   Business     on", *[f"     {line}" for line in RIGHT]]
    assert texts(split_text_columns(lines_of(rows))) == [row.rstrip() for row in rows]
