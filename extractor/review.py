"""Review pages: an index of the run's papers, and one page per paper with its paragraphs and mentions.

``OUT/review/index.html`` lists the papers (one row per symbol: dates, body, title, the files it came as,
its mentions by type, a link) with a filter. ``OUT/review/<symbol>.html`` shows one paper once, from the
file the tables used (the others are named): every paragraph with its mentions highlighted by type (norm,
page and rule on hover), and a table of the mentions that filters by type and by text or normalised name.
A click on a row scrolls to its paragraph, outlines it and offers a link back to the row. Rows corrected
through overrides.csv are marked. Pages are self-contained (no network) and every text from a document is
escaped, so a paper that contains ``<script>`` shows it.
"""

from __future__ import annotations

import re
from collections import Counter
from html import escape
from pathlib import Path

from extractor.compare.papers import one_render_per_symbol
from extractor.files import write_atomic
from extractor.overrides import apply_overrides, load_overrides
from extractor.rows import read_table

TYPE_COLOURS = {"UNIT": "#ffe082", "PARTNER": "#a5d6a7", "PLACE": "#90caf9", "DATE": "#ce93d8", "AMOUNT": "#ffab91"}
SHOWN_KINDS = ("site", "title", "summary", "heading", "paragraph", "item", "table", "footnote", "closing", "appendix")


def page_name(symbol: str, doc_id: str = "") -> str:
    """The file name of a paper's review page: "GB.298/MNE/2/1" -> "GB.298-MNE-2-1.html"."""
    return re.sub(r"[^\w.()-]+", "-", symbol or doc_id).strip("-") + ".html"


def anchor(doc_id: str, seg_id: str) -> str:
    return "seg-" + "".join(c if c.isalnum() else "-" for c in f"{doc_id}-{seg_id}")


def review_link(symbol: str, doc_id: str, seg_id: str) -> str:
    """A link (relative to the run's folder) to a paragraph on its paper's review page."""
    return f"review/{page_name(symbol, doc_id)}#{anchor(doc_id, seg_id)}"


def write_review(run: Path, out: Path | None = None, overrides: Path | None = None) -> Path:
    """The index and one page per paper in ``out`` (default ``RUN/review``); pages of papers no longer in the
    run are removed. Returns the index's path."""
    documents = read_table(run / "documents.csv")
    segments = read_table(run / "segments.csv")
    rules = load_overrides(run / "overrides.csv") + load_overrides(overrides)
    mentions = apply_overrides(read_table(run / "mentions.csv"), rules, segments)
    return write_pages(out or run / "review", documents, segments, mentions)


def write_pages(folder: Path, documents: list[dict[str, str]], segments: list[dict[str, str]],
                mentions: list[dict[str, str]]) -> Path:
    """The review pages of a run's rows (text values); returns the index's path."""
    written = []
    chosen = one_render_per_symbol(documents, mentions)
    renders: dict[str, list[str]] = {}
    for doc in documents:
        if doc.get("symbol"):
            renders.setdefault(doc["symbol"], []).append(doc["doc_id"])
    for doc in chosen:
        own_segments = [s for s in segments if s["doc_id"] == doc["doc_id"] and s["kind"] in SHOWN_KINDS]
        own_mentions = [m for m in mentions if m.get("doc_id") == doc["doc_id"]]
        path = folder / page_name(doc["symbol"], doc["doc_id"])
        write_atomic(path, paper_page(doc, own_segments, own_mentions, renders.get(doc["symbol"], [])).encode())
        written.append(path)
    index = folder / "index.html"
    write_atomic(index, index_page(chosen, mentions, renders).encode("utf-8"))
    for stale in folder.glob("*.html"):
        if stale not in written and stale != index:
            stale.unlink()
    return index


def index_page(chosen: list[dict[str, str]], mentions: list[dict[str, str]], renders: dict[str, list[str]]) -> str:
    counts = Counter((m.get("doc_id", ""), m["type"]) for m in mentions)
    rows = []
    for doc in sorted(chosen, key=lambda d: (d.get("session_date") or "9999", d.get("symbol", ""))):
        name = page_name(doc["symbol"], doc["doc_id"])
        files = ", ".join(escape(r) + (" (shown)" if r == doc["doc_id"] else "")
                          for r in renders.get(doc["symbol"], []))
        cells = "".join(f"<td class='n'>{counts[(doc['doc_id'], t)]}</td>" for t in TYPE_COLOURS)
        search = " ".join(doc.get(k, "") for k in ("symbol", "title", "committee_code", "session_date")).lower()
        rows.append(
            f"<tr data-text='{escape(search)}'><td><a href='{escape(name)}'>{escape(doc['symbol'])}</a></td>"
            f"<td>{escape(doc.get('session_date', ''))}</td><td>{escape(doc.get('date', ''))}</td>"
            f"<td>{escape(doc.get('committee_code', ''))}</td><td>{escape(doc.get('title', ''))}</td>"
            f"<td>{files}</td>{cells}</tr>")
    heads = "".join(f"<th class='t-{t}'>{t}</th>" for t in TYPE_COLOURS)
    return (_head("GB papers: review") + "<h1>Review of the run's papers</h1>"
            "<p><label>Filter <input id='paper-filter' type='search' placeholder='symbol, title, body, date'>"
            "</label> <span id='shown'></span></p>"
            "<table id='papers'><thead><tr><th>symbol</th><th>session</th><th>date</th><th>body</th><th>title</th>"
            f"<th>files</th>{heads}</tr></thead><tbody>{''.join(rows)}</tbody></table>" + INDEX_SCRIPT
            + "</body></html>")


def paper_page(doc: dict[str, str], segments: list[dict[str, str]], mentions: list[dict[str, str]],
               renders: list[str]) -> str:
    symbol = doc.get("symbol") or doc["doc_id"]
    others = [r for r in renders if r != doc["doc_id"]]
    facts = " · ".join(escape(x) for x in (doc.get("title", ""), doc.get("session_date", ""), doc.get("date", ""),
                                           doc.get("committee_code", "")) if x)
    shown = f"Shown from <b>{escape(doc['doc_id'])}</b>" + (
        f"; also read from {', '.join(escape(o) for o in others)}" if others else "")
    return (_head(f"{escape(symbol)}: review") + "<p><a href='index.html'>All papers</a></p>"
            f"<h1>{escape(symbol)}</h1><p class='meta'>{facts}</p><p class='meta'>{shown}</p>" + _legend()
            + _table(mentions) + "<h2>Paragraphs</h2>" + _paper(segments, mentions) + PAPER_SCRIPT
            + "</body></html>")


def _head(title: str) -> str:
    return HEAD.replace("%TITLE%", title)


def _legend() -> str:
    items = "".join(f"<span class='legend t-{t}'>{t}</span> " for t in TYPE_COLOURS)
    return f"<p>Legend: {items} <span class='legend corrected'>corrected by overrides.csv</span></p>"


def _table(mentions: list[dict[str, str]]) -> str:
    options = "".join(f"<option value='{t}'>{t}</option>" for t in TYPE_COLOURS)
    rows = []
    for number, m in enumerate(mentions):
        corrected = " corrected" if m.get("correction") else ""
        target = anchor(m.get("doc_id", ""), m.get("seg_id", "")) if m.get("seg_id") else ""
        search = f"{m['text']} {m.get('norm', '')}".lower()
        rows.append(
            f"<tr id='m{number}' class='mention{corrected}' data-type='{escape(m['type'])}' "
            f"data-text='{escape(search)}' data-target='{escape(target)}'>"
            f"<td>{escape(m.get('para', '') or 'other')}</td><td>{escape(m.get('seg_id', ''))}</td>"
            f"<td><span class='t-{escape(m['type'])}'>{escape(m['type'])}</span></td><td>{escape(m['text'])}</td>"
            f"<td>{escape(m.get('norm', ''))}</td><td>{escape(m.get('method', ''))}</td>"
            f"<td>{escape(m.get('correction', ''))}</td></tr>")
    return (
        "<h2>Mentions</h2><p><label>Type <select id='type-filter'><option value=''>all</option>"
        f"{options}</select></label> <label>Text or normalised name <input id='text-filter' type='search'></label> "
        "<span id='shown'></span></p>"
        "<div class='scroll'><table id='mentions'><thead><tr><th>para</th><th>segment</th><th>type</th><th>text</th>"
        "<th>norm</th><th>rule</th><th>correction</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>")


def _paper(segments: list[dict[str, str]], mentions: list[dict[str, str]]) -> str:
    by_segment: dict[str, list[dict[str, str]]] = {}
    for m in mentions:
        if m.get("start", "").isdigit():
            by_segment.setdefault(m.get("seg_id", ""), []).append(m)
    out = ["<section class='paper'>"]
    for seg in segments:
        label = seg["para"] + (f".{seg['item']}" if seg.get("item") else "") if seg["para"] else seg["kind"]
        marked = highlight(seg["text"], by_segment.get(seg["seg_id"], []))
        out.append(f"<p id='{anchor(seg['doc_id'], seg['seg_id'])}' class='seg k-{escape(seg['kind'])}'>"
                   f"<span class='num'>{escape(label)}</span> {marked}</p>")
    out.append("</section>")
    return "\n".join(out)


def highlight(text: str, mentions: list[dict[str, str]]) -> str:
    """The text, escaped, with each mention wrapped in a <mark>; a mention inside another is nested."""
    spans = sorted(((int(m["start"]), int(m["end"]), m) for m in mentions if int(m["end"]) <= len(text)),
                   key=lambda s: (s[0], -s[1]))
    out: list[str] = []
    open_ends: list[int] = []
    position = 0
    for start, end, mention in spans:
        while open_ends and open_ends[-1] <= start:
            out.append(escape(text[position:open_ends[-1]]) + "</mark>")
            position = open_ends.pop()
        if open_ends and end > open_ends[-1]:
            continue  # crosses the boundary of an open mark: listed in the table, not drawn
        out.append(escape(text[position:start]))
        page = f"page {mention['page']}" if mention.get("page") else ""
        tip = " · ".join(x for x in (mention.get("norm", ""), page, mention.get("method", "")) if x)
        corrected = " corrected" if mention.get("correction") else ""
        out.append(f"<mark class='t-{escape(mention['type'])}{corrected}' title='{escape(mention['type'])}: "
                   f"{escape(tip)}'>")
        position = start
        open_ends.append(end)
    while open_ends:
        out.append(escape(text[position:open_ends[-1]]) + "</mark>")
        position = open_ends.pop()
    out.append(escape(text[position:]))
    return "".join(out)


COLOURS_CSS = "".join(f".t-{t}{{background:{c}}}" for t, c in TYPE_COLOURS.items())
HEAD = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
 content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>%TITLE%</title>
<style>
body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px;color:#222}
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:2px 6px;font-size:.9em;vertical-align:top}
td.n{text-align:right}mark{padding:0 1px;border-radius:2px}mark mark{border-bottom:2px solid #333}
.legend{padding:1px 6px;border-radius:3px}.corrected{outline:2px dashed #c62828}
tr.corrected td{background:#fff3f3}tr.mention{cursor:pointer}tr.mention:hover td{background:#f0f4ff}
.seg{margin:.4em 0;line-height:1.5;padding:2px 4px}.seg.outlined{outline:3px solid #1565c0;background:#f5f9ff}
.num{color:#777;font-size:.8em;margin-right:.4em}.back{margin-left:.6em;font-size:.85em}
.scroll{max-height:38vh;overflow:auto;border:1px solid #ccc}thead th{position:sticky;top:0;background:#eee}
.k-heading{font-weight:600}.k-footnote,.k-title,.k-closing,.k-site{color:#555;font-size:.9em}.meta{color:#666}
.k-table{font-family:monospace;white-space:pre-wrap}
""" + COLOURS_CSS + """
</style></head><body>"""
INDEX_SCRIPT = """<script>
(function () {
  var box = document.getElementById('paper-filter');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#papers tbody tr'));
  function apply() {
    var text = box.value.trim().toLowerCase(), shown = 0;
    rows.forEach(function (row) {
      var ok = !text || row.dataset.text.indexOf(text) >= 0;
      row.hidden = !ok; if (ok) { shown += 1; }
    });
    document.getElementById('shown').textContent = shown + ' of ' + rows.length + ' papers';
  }
  box.addEventListener('input', apply); apply();
})();
</script>"""
PAPER_SCRIPT = """<script>
(function () {
  var typeBox = document.getElementById('type-filter'), textBox = document.getElementById('text-filter');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#mentions tbody tr'));
  function apply() {
    var type = typeBox.value, text = textBox.value.trim().toLowerCase(), shown = 0;
    rows.forEach(function (row) {
      var ok = (!type || row.dataset.type === type) && (!text || row.dataset.text.indexOf(text) >= 0);
      row.hidden = !ok; if (ok) { shown += 1; }
    });
    document.getElementById('shown').textContent = shown + ' of ' + rows.length + ' mentions';
  }
  function show(row) {
    var target = document.getElementById(row.dataset.target);
    if (!target) { return; }
    document.querySelectorAll('.seg.outlined').forEach(function (seg) { seg.classList.remove('outlined'); });
    document.querySelectorAll('a.back').forEach(function (link) { link.remove(); });
    target.classList.add('outlined');
    var back = document.createElement('a');
    back.className = 'back'; back.href = '#' + row.id; back.textContent = '\\u21a9 back to the mention';
    back.addEventListener('click', function () { target.classList.remove('outlined'); back.remove(); });
    target.appendChild(back);
    target.scrollIntoView({block: 'center'});
  }
  rows.forEach(function (row) { row.addEventListener('click', function () { show(row); }); });
  typeBox.addEventListener('change', apply); textBox.addEventListener('input', apply); apply();
})();
</script>"""
