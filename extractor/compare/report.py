"""The comparison as files: changes.csv, matrix.csv, series.csv, report.html and report.xlsx.

report.html is one self-contained page (no scripts or styles fetched from
anywhere): the changes, the matrix as a heatmap, and each recurring number
as a small chart. Every text from a document is escaped.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any

from extractor.compare.comparison import Comparison
from extractor.files import write_atomic
from extractor.identity import ENTITY_COLUMNS
from extractor.model import Series
from extractor.review import page_name, review_link
from extractor.rows import write_csv
from extractor.tables import DOCUMENT_COLUMNS, MENTION_COLUMNS, Tables
from extractor.workbook import Sheet, render_workbook

CHANGE_COLUMNS = ["series", "type", "entity", "entity_id", "status", "from_symbol", "to_symbol", "from_date",
                  "to_date", "from_paras", "to_paras"]
SERIES_COLUMNS = ["series", "symbol", "session_date", "measure", "entity_id", "value", "unit", "period", "para",
                  "seg_id", "text", "note"]
STATUS_COLOURS = {"new": "#2e7d32", "returning": "#1565c0", "dropped": "#c62828", "continuing": "#616161"}


def matrix_columns(comparison: Comparison) -> list[str]:
    columns = ["series", "type", "entity", "entity_id"]
    for series in comparison.series:
        for paper in series.papers:
            for suffix in ("mentions", "paragraphs"):
                name = f"{paper.symbol} {suffix}"
                if name not in columns:
                    columns.append(name)
    return columns


COMPARISON_FILES = ("changes.csv", "matrix.csv", "series.csv", "report.html")


def write_comparison(out: Path, comparison: Comparison, tables: Tables | None = None) -> list[Path]:
    """The comparison files (when the papers form a series) and ``report.xlsx`` (always: the run's tables too,
    when ``tables`` are given). Returns the files written."""
    written = write_comparison_files(out, comparison)
    write_workbook(out, comparison, tables)
    return [*written, out / "report.xlsx"]


def write_comparison_files(out: Path, comparison: Comparison) -> list[Path]:
    """changes.csv, matrix.csv, series.csv and report.html, when the papers form a series."""
    out.mkdir(parents=True, exist_ok=True)
    if not comparison.series:
        return []
    paths = {name: out / name for name in COMPARISON_FILES}
    write_csv(paths["changes.csv"], CHANGE_COLUMNS, comparison.changes)
    write_csv(paths["matrix.csv"], matrix_columns(comparison), comparison.matrix)
    write_csv(paths["series.csv"], SERIES_COLUMNS, comparison.values)
    write_atomic(paths["report.html"], render_html(comparison).encode("utf-8"))
    return list(paths.values())


def write_workbook(out: Path, comparison: Comparison, tables: Tables | None = None) -> Path:
    write_atomic(out / "report.xlsx", render_workbook(workbook_sheets(comparison, tables)))
    return out / "report.xlsx"


def workbook_sheets(comparison: Comparison, tables: Tables | None) -> list[Sheet]:
    sheets = []
    if tables is not None:
        sheets += [Sheet("documents", DOCUMENT_COLUMNS, tables.documents),
                   Sheet("mentions", MENTION_COLUMNS, tables.mentions)]
    entities = tables.identities.rows() if tables is not None else comparison.entities
    if entities:
        sheets.append(Sheet("entities", ENTITY_COLUMNS, entities))
    sheets += [Sheet("changes", CHANGE_COLUMNS, comparison.changes), Sheet("series", SERIES_COLUMNS, comparison.values),
               Sheet("matrix", matrix_columns(comparison), comparison.matrix)]
    return sheets


def render_html(comparison: Comparison) -> str:
    parts = [HEAD, "<h1>Year-on-year comparison of GB papers</h1>"]
    if not comparison.series:
        parts.append("<p>No series of two or more papers among the inputs.</p>")
    for series in comparison.series:
        papers = ", ".join(f"{escape(p.symbol)} ({escape(p.session_date or p.date or '?')})" for p in series.papers)
        parts.append(f"<h2>{escape(series.name)}</h2><p>Papers: {papers}</p>")
        pages = {p.symbol: p.doc_id for p in series.papers}
        parts.append(_changes_html([r for r in comparison.changes if r["series"] == series.name], pages))
        parts.append(_heatmap_html(series, [r for r in comparison.matrix if r["series"] == series.name]))
        parts.append(_charts_html([r for r in comparison.values if r["series"] == series.name], series))
    parts.append("</body></html>")
    return "\n".join(parts)


def _para_links(symbol: str, paras: str, pages: dict[str, str]) -> str:
    """ "6, 7, other" as links to those paragraphs on the paper's review page."""
    links = []
    for para in (p.strip() for p in paras.split(",") if p.strip()):
        doc_id = pages.get(symbol, "")
        target = review_link(symbol, doc_id, f"p{para}") if para.isdigit() else f"review/{page_name(symbol, doc_id)}"
        links.append(f"<a href='{escape(target)}'>{escape(para)}</a>")
    return ", ".join(links)


def _change_item(row: dict[str, str], colour: str, pages: dict[str, str]) -> str:
    where = []
    if row["from_paras"] and row["status"] in ("dropped", "continuing"):
        where.append(f"{escape(row['from_symbol'])} ¶ {_para_links(row['from_symbol'], row['from_paras'], pages)}")
    if row["to_paras"] and row["status"] != "dropped":
        where.append(f"{escape(row['to_symbol'])} ¶ {_para_links(row['to_symbol'], row['to_paras'], pages)}")
    return f"<li style='color:{colour}'>{escape(row['entity'])} <small>({'; '.join(where)})</small></li>"


def _changes_html(rows: list[dict[str, str]], pages: dict[str, str]) -> str:
    out = ["<h3>What changed</h3>"]
    pairs = sorted({(r["from_symbol"], r["to_symbol"], r["from_date"], r["to_date"]) for r in rows},
                   key=lambda p: (p[2], p[3]))
    for before, after, _, _ in pairs:
        out.append(f"<h4>{escape(before)} → {escape(after)}</h4><table class='changes'><tr><th>type</th>"
                   + "".join(f"<th>{s}</th>" for s in STATUS_COLOURS) + "</tr>")
        for type_ in ("UNIT", "PARTNER", "PLACE"):
            cells = []
            for status, colour in STATUS_COLOURS.items():
                chosen = [r for r in rows if (r["from_symbol"], r["to_symbol"]) == (before, after)
                          and r["type"] == type_ and r["status"] == status]
                items = "".join(_change_item(r, colour, pages) for r in chosen)
                cells.append(f"<td><ul>{items}</ul></td>")
            out.append(f"<tr><th>{type_}</th>{''.join(cells)}</tr>")
        out.append("</table>")
    return "\n".join(out)


def _heatmap_html(series: Series, rows: list[dict[str, Any]]) -> str:
    papers = series.papers
    peak = max([int(r.get(f"{p.symbol} mentions", 0) or 0) for r in rows for p in papers] + [1])
    head = "".join(f"<th>{escape(p.symbol)}</th>" for p in papers)
    body = []
    for row in rows:
        cells = []
        for paper in papers:
            count = int(row.get(f"{paper.symbol} mentions", 0) or 0)
            paras = row.get(f"{paper.symbol} paragraphs", 0)
            shade = 0.12 + 0.88 * count / peak if count else 0
            style = f"background:rgba(21,101,192,{shade:.2f});color:{'#fff' if shade > 0.5 else '#000'}"
            cells.append(f"<td style='{style}' title='{count} mentions in {paras} paragraphs'>{count or ''}</td>")
        body.append(f"<tr><th>{escape(str(row['type']))}</th><th class='entity'>{escape(str(row['entity']))}</th>"
                    f"{''.join(cells)}</tr>")
    return (f"<h3>Who and where, paper by paper (mentions)</h3><table class='heatmap'><tr><th>type</th><th>entity</th>"
            f"{head}</tr>{''.join(body)}</table>")


def _charts_html(rows: list[dict[str, Any]], series: Series) -> str:
    """One chart per measure and unit (a measure reported in dollars and in euros gets a chart for each),
    every chart on the series' time axis."""
    measures: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        if not row.get("note"):
            measures.setdefault((str(row["measure"]), str(row["unit"])), []).append(row)
    axis = TimeAxis([p.session_date or p.date for p in series.papers])
    pages = {p.symbol: p.doc_id for p in series.papers}
    charts = [_chart(measure, unit, values, axis, series, pages)
              for (measure, unit), values in sorted(measures.items())]
    return "<h3>Numbers that recur</h3><div class='charts'>" + "".join(charts) + "</div>"


TICK_ROOM = 70  # pixels two papers' labels need side by side


class TimeAxis:
    """Dates ("2007-03", "2013-10-16") placed by time between the series' first and last paper."""

    def __init__(self, dates: list[str]) -> None:
        years = [year for year in (self.year(d) for d in dates) if year is not None]
        self.start = min(years) if years else 0.0
        self.span = (max(years) - self.start) if years else 0.0

    @staticmethod
    def year(date: str) -> float | None:
        match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", date or "")
        if match is None:
            return None
        month = int(match.group(2) or 6)
        return int(match.group(1)) + (month - 1) / 12 + (int(match.group(3) or 15) - 1) / 365

    def x(self, date: str, left: float, right: float) -> float:
        year = self.year(date)
        if year is None or self.span == 0:
            return (left + right) / 2
        return left + (right - left) * (year - self.start) / self.span


def _chart(measure: str, unit: str, values: list[dict[str, Any]], axis: TimeAxis, series: Series,
           pages: dict[str, str]) -> str:
    width, height, left, right, top, bottom = 440, 215, 40, 400, 30, 150
    peak = max(float(v["value"]) for v in values) or 1.0
    parts = [f"<line x1='{left}' y1='{bottom}' x2='{right}' y2='{bottom}' stroke='#999'/>"]
    previous = -1000.0
    lift = 0
    for paper in series.papers:  # the time axis: every paper of the series at its session date
        date = paper.session_date or paper.date
        x = axis.x(date, left, right)
        lift = 0 if x - previous > TICK_ROOM or lift else 20  # labels of papers close in time stand apart
        previous = x
        parts.append(f"<line x1='{x:.1f}' y1='{bottom}' x2='{x:.1f}' y2='{bottom + 4 + lift}' stroke='#ccc'/>"
                     f"<text x='{x:.1f}' y='{bottom + 16 + lift}' font-size='9' text-anchor='middle'>"
                     f"{escape(date)}</text><text x='{x:.1f}' y='{bottom + 27 + lift}' font-size='8' "
                     f"text-anchor='middle' fill='#666'>{escape(paper.symbol)}</text>")
    points = []
    for value in sorted(values, key=lambda v: (str(v.get("session_date", "")), str(v.get("period", "")))):
        number = float(value["value"])
        date = next((p.session_date or p.date for p in series.papers if p.symbol == value["symbol"]), "")
        x = axis.x(date, left, right)
        y = bottom - (bottom - top) * number / peak
        points.append((x, y))
        label = f"{value['value']:,}" if isinstance(value["value"], int) else str(value["value"])
        period = str(value.get("period", ""))
        link = review_link(str(value["symbol"]), pages.get(str(value["symbol"]), ""), str(value.get("seg_id", "")))
        tip = f"{value['symbol']} para {value['para']}: {label} {unit}" + (f", {period}" if period else "")
        parts.append(f"<a href='{escape(link)}'><circle cx='{x:.1f}' cy='{y:.1f}' r='4' fill='#1565c0'>"
                     f"<title>{escape(tip)}</title></circle>"
                     f"<text x='{x:.1f}' y='{y - 14:.1f}' font-size='10' text-anchor='middle'>{escape(label)}</text>"
                     f"<text x='{x:.1f}' y='{y - 4:.1f}' font-size='8' text-anchor='middle' fill='#555'>"
                     f"{escape(period)}</text></a>")
    if len(points) > 1 and len({x for x, _ in points}) == len(points):  # one value a paper: joined in time order
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in sorted(points))
        parts.insert(1, f"<polyline points='{path}' fill='none' stroke='#90caf9' stroke-width='2'/>")
    return (f"<figure><figcaption>{escape(measure)} ({escape(unit)})</figcaption>"
            f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' role='img'>"
            f"{''.join(parts)}</svg></figure>")


HEAD = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>GB papers compared</title>
<style>
body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:3px 6px;vertical-align:top}
table.changes ul{margin:0;padding-left:1.1em}table.heatmap td{text-align:center;min-width:5em}
th.entity{text-align:left;font-weight:normal}.charts{display:flex;flex-wrap:wrap;gap:1em}
figure{margin:0;border:1px solid #ddd;padding:.5em}figcaption{font-size:.9em;font-weight:600}
</style></head><body>"""
