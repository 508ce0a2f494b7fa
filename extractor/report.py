"""The comparison as files: changes.csv, matrix.csv, series.csv, report.html and report.xlsx.

report.html is one self-contained page (no scripts or styles fetched from
anywhere): the changes, the matrix as a heatmap, and each recurring number
as a small chart. Every text from a document is escaped.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from extractor.compare import Comparison, Series
from extractor.files import write_atomic
from extractor.identity import ENTITY_COLUMNS
from extractor.tables import DOCUMENT_COLUMNS, MENTION_COLUMNS, Tables, write_csv
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
    out.mkdir(parents=True, exist_ok=True)
    written = []
    if comparison.series:
        paths = {name: out / name for name in COMPARISON_FILES}
        write_csv(paths["changes.csv"], CHANGE_COLUMNS, comparison.changes)
        write_csv(paths["matrix.csv"], matrix_columns(comparison), comparison.matrix)
        write_csv(paths["series.csv"], SERIES_COLUMNS, comparison.values)
        write_atomic(paths["report.html"], render_html(comparison).encode("utf-8"))
        written += list(paths.values())
    write_atomic(out / "report.xlsx", render_workbook(workbook_sheets(comparison, tables)))
    return [*written, out / "report.xlsx"]


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
        parts.append(_changes_html([r for r in comparison.changes if r["series"] == series.name]))
        parts.append(_heatmap_html(series, [r for r in comparison.matrix if r["series"] == series.name]))
        parts.append(_charts_html([r for r in comparison.values if r["series"] == series.name], series))
    parts.append("</body></html>")
    return "\n".join(parts)


def _changes_html(rows: list[dict[str, str]]) -> str:
    out = ["<h3>What changed</h3>"]
    pairs = sorted({(r["from_symbol"], r["to_symbol"], r["from_date"], r["to_date"]) for r in rows},
                   key=lambda p: (p[2], p[3]))
    for before, after, _, _ in pairs:
        out.append(f"<h4>{escape(before)} → {escape(after)}</h4><table class='changes'><tr><th>type</th>"
                   + "".join(f"<th>{s}</th>" for s in STATUS_COLOURS) + "</tr>")
        for type_ in ("UNIT", "PARTNER", "PLACE"):
            cells = []
            for status, colour in STATUS_COLOURS.items():
                names = [r["entity"] for r in rows if (r["from_symbol"], r["to_symbol"]) == (before, after)
                         and r["type"] == type_ and r["status"] == status]
                items = "".join(f"<li style='color:{colour}'>{escape(n)}</li>" for n in names)
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
    papers = [p.symbol for p in series.papers]
    measures: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        if not row.get("note"):
            measures.setdefault((str(row["measure"]), str(row["unit"])), []).append(row)
    charts = [_chart(measure, unit, values, papers) for (measure, unit), values in sorted(measures.items())]
    return "<h3>Numbers that recur</h3><div class='charts'>" + "".join(charts) + "</div>"


def _chart(measure: str, unit: str, values: list[dict[str, Any]], papers: list[str]) -> str:
    width, height, pad = 320, 170, 34
    peak = max(float(v["value"]) for v in values) or 1.0
    step = (width - 2 * pad) / max(len(papers), 1)
    bars = []
    for index, symbol in enumerate(papers):
        own = [v for v in values if v["symbol"] == symbol]
        width_each = step * 0.8 / max(len(own), 1)
        for offset, value in enumerate(own):  # several values in one paper (two periods) stand side by side
            number = float(value["value"])
            bar = (height - 2 * pad) * number / peak
            x = pad + index * step + offset * width_each
            y = height - pad - bar
            label = f"{value['value']:,}" if isinstance(value["value"], int) else str(value["value"])
            tip = f"{escape(symbol)}: {escape(label)} (para {escape(str(value['para']))})"
            bars.append(f"<rect x='{x:.1f}' y='{y:.1f}' width='{width_each * 0.9:.1f}' height='{bar:.1f}' "
                        "fill='#1565c0'>"
                        f"<title>{tip}</title></rect>"
                        f"<text x='{x:.1f}' y='{y - 3:.1f}' font-size='10'>{escape(label)}</text>")
        bars.append(f"<text x='{pad + index * step:.1f}' y='{height - pad + 14}' font-size='9'>{escape(symbol)}</text>")
    return (f"<figure><figcaption>{escape(measure)} ({escape(unit)})</figcaption>"
            f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' role='img'>"
            f"<line x1='{pad}' y1='{height - pad}' x2='{width - pad}' y2='{height - pad}' stroke='#999'/>"
            f"{''.join(bars)}</svg></figure>")


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
