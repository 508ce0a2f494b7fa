"""The review page: every paper's paragraphs with each mention highlighted, and a table of mentions.

One self-contained HTML file per run, for an analyst to check each row
against its paragraph: mentions are coloured by type (norm, page and rule on
hover), the table filters by type and text and links every row to its
paragraph, and rows corrected through overrides.csv are marked. All text
from documents is escaped, so a paper that contains ``<script>`` shows it.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from extractor.compare import read_csv
from extractor.overrides import apply_overrides, load_overrides

TYPE_COLOURS = {"UNIT": "#ffe082", "PARTNER": "#a5d6a7", "PLACE": "#90caf9", "DATE": "#ce93d8", "AMOUNT": "#ffab91"}
SHOWN_KINDS = ("title", "summary", "heading", "paragraph", "item", "footnote", "closing")


def build_review(run: Path, overrides: Path | None = None) -> str:
    documents = read_csv(run / "documents.csv")
    segments = read_csv(run / "segments.csv")
    rules = load_overrides(run / "overrides.csv") + load_overrides(overrides)
    mentions = apply_overrides(read_csv(run / "mentions.csv"), rules, segments)
    parts = [HEAD, "<h1>Review of extracted mentions</h1>", _legend(), _table(mentions), "<h2>Papers</h2>"]
    for doc in documents:
        own = [s for s in segments if s["doc_id"] == doc["doc_id"] and s["kind"] in SHOWN_KINDS]
        if own:
            found = [m for m in mentions if m.get("doc_id") == doc["doc_id"]]
            parts.append(_paper(doc, own, found))
    parts.append(SCRIPT)
    parts.append("</body></html>")
    return "\n".join(parts)


def anchor(doc_id: str, seg_id: str) -> str:
    return "seg-" + "".join(c if c.isalnum() else "-" for c in f"{doc_id}-{seg_id}")


def _legend() -> str:
    items = "".join(f"<span class='legend t-{t}'>{t}</span> " for t in TYPE_COLOURS)
    return f"<p>Legend: {items} <span class='legend corrected'>corrected by overrides.csv</span></p>"


def _table(mentions: list[dict[str, str]]) -> str:
    options = "".join(f"<option value='{t}'>{t}</option>" for t in TYPE_COLOURS)
    rows = []
    for m in mentions:
        corrected = " class='corrected'" if m.get("correction") else ""
        target = anchor(m.get("doc_id", ""), m.get("seg_id", "")) if m.get("seg_id") else ""
        link = f"<a href='#{target}'>{escape(m.get('seg_id', ''))}</a>" if target else "—"
        rows.append(
            f"<tr data-type='{escape(m['type'])}' data-text='{escape(m['text'].lower())}'{corrected}>"
            f"<td>{escape(m.get('doc_id', ''))}</td><td>{escape(m.get('symbol', ''))}</td>"
            f"<td>{escape(m.get('para', ''))}</td><td>{link}</td>"
            f"<td><span class='t-{escape(m['type'])}'>{escape(m['type'])}</span></td>"
            f"<td>{escape(m['text'])}</td>"
            f"<td>{escape(m.get('norm', ''))}</td><td>{escape(m.get('method', ''))}</td>"
            f"<td>{escape(m.get('correction', ''))}</td></tr>")
    return (
        "<h2>Mentions</h2><p><label>Type <select id='type-filter'><option value=''>all</option>"
        f"{options}</select></label> <label>Text <input id='text-filter' type='search'></label> "
        "<span id='shown'></span></p>"
        "<div class='scroll'><table id='mentions'><thead><tr><th>doc</th><th>symbol</th><th>para</th>"
        "<th>segment</th><th>type</th><th>text</th><th>norm</th><th>rule</th><th>correction</th></tr></thead><tbody>"
        + "".join(rows) + "</tbody></table></div>")


def _paper(doc: dict[str, str], segments: list[dict[str, str]], mentions: list[dict[str, str]]) -> str:
    title = escape(doc.get("symbol") or doc["doc_id"])
    meta = escape(" · ".join(x for x in (doc.get("title", ""), doc.get("session_date", ""), doc["doc_id"]) if x))
    out = [f"<section class='paper'><h3>{title}</h3><p class='meta'>{meta}</p>"]
    for seg in segments:
        own = [m for m in mentions if m.get("seg_id") == seg["seg_id"] and m.get("start", "").isdigit()]
        label = seg["para"] + (f".{seg['item']}" if seg.get("item") else "") if seg["para"] else seg["kind"]
        out.append(f"<p id='{anchor(seg['doc_id'], seg['seg_id'])}' class='seg k-{escape(seg['kind'])}'>"
                   f"<span class='num'>{escape(label)}</span> {highlight(seg['text'], own)}</p>")
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


def write_review(run: Path, out: Path, overrides: Path | None = None) -> Path:
    from extractor.tables import write_atomic

    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, build_review(run, overrides).encode("utf-8"))
    return out


COLOURS_CSS = "".join(f".t-{t}{{background:{c}}}" for t, c in TYPE_COLOURS.items())
HEAD = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
 content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>GB papers: review</title>
<style>
body{{font-family:system-ui,sans-serif;margin:2em;max-width:1200px;color:#222}}
table{{border-collapse:collapse}}th,td{{border:1px solid #ccc;padding:2px 6px;font-size:.9em;vertical-align:top}}
mark{{padding:0 1px;border-radius:2px}}mark mark{{border-bottom:2px solid #333}}
.legend{{padding:1px 6px;border-radius:3px}}.corrected{{outline:2px dashed #c62828}}
tr.corrected td{{background:#fff3f3}}
.seg{{margin:.4em 0;line-height:1.5}}.num{{color:#777;font-size:.8em;margin-right:.4em}}
.scroll{{max-height:38vh;overflow:auto;border:1px solid #ccc}}thead th{{position:sticky;top:0;background:#eee}}
.k-heading{{font-weight:600}}.k-footnote,.k-title,.k-closing{{color:#555;font-size:.9em}}.meta{{color:#666}}
{COLOURS_CSS}
</style></head><body>"""
SCRIPT = """<script>
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
  typeBox.addEventListener('change', apply); textBox.addEventListener('input', apply); apply();
})();
</script>"""
