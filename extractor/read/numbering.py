"""Word's automatic numbering: the labels ("1.", "–", "(a)") that list formatting prints.

In GB papers the paragraph numbers and dashes are list formatting, not text,
so the label has to be computed from ``numbering.xml`` the way Word counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SYMBOL_BULLETS = {"\uf0b7": "•", "\uf02d": "–", "\uf0a7": "▪", "\uf076": "❖", "\uf0d8": "➢", "\uf0fc": "✓",
                  "\uf0a8": "□", "\uf06e": "■", "\uf0e8": "➔", "o": "◦", "§": "▪", "-": "–"}
ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


@dataclass(slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: restart after this (1-based) level; None = after any higher


@dataclass(slots=True)
class Numbering:
    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # abstractNumId -> levels
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[tuple[str, int], int] = field(default_factory=dict)  # (numId, level) -> start
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, num_id: str, level: int) -> str:
        """The label of the next paragraph in list ``num_id`` at ``level``; advances the count."""
        abstract = self.nums.get(num_id)
        if abstract is None or num_id == "0":
            return ""
        levels = self.levels.get(abstract, {})
        spec = levels.get(level, Level())
        # lists that restart numbering count on their own; the others share their abstract list's count
        key = num_id if any(n == num_id for n, _ in self.overrides) else f"a{abstract}"
        counts = self.counters.setdefault(key, {})
        if level not in counts:
            counts[level] = self.overrides.get((num_id, level), spec.start)
        else:
            counts[level] += 1
        for deeper in [lvl for lvl in counts if lvl > level]:
            deeper_spec = levels.get(deeper, Level())
            if deeper_spec.restart is None or deeper_spec.restart > level:
                del counts[deeper]
        return _render(spec, levels, counts)


def _render(spec: Level, levels: dict[int, Level], counts: dict[int, int]) -> str:
    if spec.fmt == "bullet":
        return SYMBOL_BULLETS.get(spec.text, spec.text)
    if spec.fmt == "none":
        return ""
    text = spec.text
    for lvl in range(9):
        placeholder = f"%{lvl + 1}"
        if placeholder in text:
            fmt = levels.get(lvl, Level()).fmt
            text = text.replace(placeholder, format_number(counts.get(lvl, 1), fmt))
    return text


def format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        n = value
        while n > 0:
            n, rem = divmod(n - 1, 26)
            letters = chr(ord("a") + rem) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman, n = "", value
        for number, numeral in ROMAN:
            while n >= number:
                roman, n = roman + numeral, n - number
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def parse_numbering(xml: bytes | None) -> Numbering:
    numbering = Numbering()
    if not xml:
        return numbering
    root = etree.fromstring(xml, parser=safe_parser())
    for abstract in root.iter(f"{W}abstractNum"):
        levels: dict[int, Level] = {}
        for lvl in abstract.iter(f"{W}lvl"):
            levels[int(lvl.get(f"{W}ilvl", "0"))] = _level(lvl)
        numbering.levels[abstract.get(f"{W}abstractNumId", "")] = levels
    for num in root.iter(f"{W}num"):
        num_id = num.get(f"{W}numId", "")
        ref = num.find(f"{W}abstractNumId")
        numbering.nums[num_id] = ref.get(f"{W}val", "") if ref is not None else ""
        for override in num.iter(f"{W}lvlOverride"):
            start = override.find(f"{W}startOverride")
            if start is not None:
                level = int(override.get(f"{W}ilvl", "0"))
                numbering.overrides[(num_id, level)] = int(start.get(f"{W}val", "1"))
    return numbering


def _level(lvl: etree._Element) -> Level:
    def val(tag: str) -> str | None:
        node = lvl.find(f"{W}{tag}")
        return node.get(f"{W}val") if node is not None else None

    restart = val("lvlRestart")
    return Level(
        start=int(val("start") or 1),
        fmt=val("numFmt") or "decimal",
        text=val("lvlText") or "",
        restart=int(restart) if restart is not None else None,
    )


def safe_parser() -> etree.XMLParser:
    """No entities, no network, no huge trees: document XML is untrusted input."""
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
