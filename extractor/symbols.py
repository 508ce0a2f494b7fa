"""The GB document symbol: one grammar for title blocks, running headers, "Related documents" fields,
footnotes, file names and web-archive paths.

A symbol is ``GB.<session>/<parts>`` with an optional suffix:

- plenary papers: ``GB.267/12``, ``GB.310/PV`` (minutes), ``GB.300/INF/2``;
- papers of a body: ``GB.298/MNE/2/1``, ``GB.329/POL/PV/Draft``;
- suffixes: ``(Rev.)``, ``(Rev.1)``, ``(Add.1)``, ``(Corr.)``, ``(&Corr.)``.

File names carry the same parts with other separators: ``GB264-STM-3``, ``GB276-4-Rev1``,
``GB335-POL_5_[ENTER-190128-1]-En.docx``, ``GB283-MNE-2-2002-02-0131-1-EN.Doc``,
``GB310_PV-Final-[2011-04-0012-1]-En.doc``; a web archive keeps the session in the folder and the rest
in the page name: ``gb267/mne-2.htm``, ``gb267/gb-12.htm``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# series of documents that are not bodies: minutes and information papers belong to the plenary
NOT_BODIES = {"PV", "INF"}
SUFFIX = r"\s?\((?:&\s?)?(?:Rev|Corr|Add)\.?\s?\d*(?:\s?(?:&|and)\s?(?:Rev|Corr|Add)\.?\s?\d*)*\)"
PART = r"(?:[A-Z]{2,8}(?:-[A-Z]{2,8})?|\d{1,3}|Draft)"
SYMBOL = re.compile(rf"\bGB\.(\d{{2,3}})/({PART}(?:/{PART})*)((?:{SUFFIX})*)")

FILE_SESSION = re.compile(r"(?<![A-Za-z])GB\.?[-_ ]?(\d{3})(?!\d)", re.I)
WEB_FOLDER = re.compile(r"(?:^|/)gb\.?(\d{3})/([^/]+?)(?:\.\w+)?$", re.I)
FILE_PART = re.compile(r"[A-Za-z]+\d*|\d+|\[|\(")
LANGUAGE_CODES = {"EN", "FR", "SP", "ES"}


@dataclass(frozen=True, slots=True)
class Symbol:
    session: int
    parts: tuple[str, ...]  # ("MNE", "2", "1"), ("12",), ("POL", "PV", "Draft")
    suffix: str = ""  # "(Rev.1)"

    @property
    def body(self) -> str:
        """The committee, section or subcommittee code; empty for a plenary paper."""
        first = self.parts[0] if self.parts else ""
        return first if first.isalpha() and first.isupper() and first not in NOT_BODIES else ""

    @property
    def is_plenary(self) -> bool:
        return not self.body

    def __str__(self) -> str:
        return f"GB.{self.session}/{'/'.join(self.parts)}{self.suffix}"


def find_symbols(text: str) -> list[str]:
    """Every symbol printed in a text, in order, as printed (suffix spacing normalised)."""
    return [str(parse_symbol(m.group(0))) for m in SYMBOL.finditer(text)]


def parse_symbol(text: str) -> Symbol | None:
    """The symbol a text starts with (after spaces), or None."""
    match = SYMBOL.match(text.strip())
    if match is None:
        return None
    parts = tuple(p for p in match.group(2).split("/") if p)
    return Symbol(int(match.group(1)), parts, _suffix(match.group(3)))


def is_symbol(text: str) -> bool:
    match = SYMBOL.match(text.strip())
    return match is not None and match.end() == len(text.strip())


def _suffix(text: str) -> str:
    return re.sub(r"\s+", "", text)


def symbol_from_file_name(name: str) -> str:
    """The symbol a file name or a web-archive path encodes, or ""."""
    path = name.replace("\\", "/")
    base = path.rsplit("/", 1)[-1]
    match = FILE_SESSION.search(base)
    if match is not None:
        return _from_parts(int(match.group(1)), base[match.end():])
    web = WEB_FOLDER.search(path)  # gb267/mne-2.htm, gb267/gb-12.htm
    if web is not None:
        return _from_parts(int(web.group(1)), "-" + re.sub(r"^gb(?=[-_])", "", web.group(2), flags=re.I))
    return ""


def _from_parts(session: int, rest: str) -> str:
    """``rest`` is what follows the session: "-MNE-2-1-margin.pdf", "_PV-Final-[…]", "-4-Rev1"."""
    parts: list[str] = []
    suffix = ""
    for token in FILE_PART.findall(rest.rsplit(".", 1)[0] if re.search(r"\.\w{2,4}$", rest) else rest):
        upper = token.upper()
        if token in ("[", "(") or (token.isdigit() and len(token) >= 4):
            break  # a job number or a date follows the symbol's parts
        revision = re.fullmatch(r"(REV|CORR|ADD)(\d*)", upper)
        if revision and parts:
            suffix = f"({revision.group(1).capitalize()}.{revision.group(2)})"
            break
        if token.isdigit() and len(parts) < 4:
            parts.append(str(int(token)))
        elif token.isalpha() and not parts and 2 <= len(token) <= 6 and upper not in LANGUAGE_CODES \
                and (token.isupper() or token.islower()):
            parts.append(upper)
        elif upper == "PV" and parts and parts[-1].isalpha():
            parts.append("PV")
        elif upper == "DRAFT" and parts and parts[-1] == "PV":
            parts.append("Draft")
        else:
            break
    return str(Symbol(session, tuple(parts), suffix)) if parts else ""


def session_of(symbol: str) -> str:
    parsed = parse_symbol(symbol)
    return str(parsed.session) if parsed else ""


def body_of(symbol: str) -> str:
    parsed = parse_symbol(symbol)
    return parsed.body if parsed else ""
