"""Text normalisation for skill matching, with a way back to the caller's original text.

The extractor searches a *normalised* copy of a posting: HTML tags and entities resolved,
case-folded, and punctuation that separates words turned into spaces. Every step keeps a map so
that a span found in the normalised copy can be reported in the coordinates of the text the
caller passed in (the notebook highlights evidence with those spans).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

__all__ = ["TOKEN_INNER", "Normalised", "has_markup", "normalise", "normalise_alias"]

#: Characters that stay inside a token: ``C++``, ``C#``, ``.NET``, ``Node.js``, ``snake_case``.
#: The hyphen is turned into a space for matching (so "problem-solving" finds "problem solving"),
#: and the extractor checks the original text so that ``T-SQL`` does not yield ``SQL``.
TOKEN_INNER = frozenset("+#._")


def _build_table() -> dict[int, int]:
    table: dict[int, int] = {}
    space = ord(" ")
    for code in range(0x3000):
        ch = chr(code)
        if ch in TOKEN_INNER or ch.isalnum():
            continue
        cat = unicodedata.category(ch)
        # punctuation, symbols, separators and controls all separate words
        if cat[0] in "PSZC":
            table[code] = space
    table[0x3000] = space
    return table


_TABLE = _build_table()

_MARKUP = re.compile(
    r"<[A-Za-z/!]|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
_HTML_PIECE = re.compile(
    r"<!--.*?-->"
    r"|<(script|style)\b[^>]*>.*?</\1\s*>"
    r"|<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*>"
    r"|&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});",
    re.S | re.I,
)
# Tags that start a new line when rendered: they separate sentences and section headings.
_BLOCK_TAGS = frozenset(
    (
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    )
)


def has_markup(text: str) -> bool:
    """True when ``text`` holds HTML tags or character entities."""
    return _MARKUP.search(text) is not None


def normalise_alias(alias: str) -> str:
    """The searchable form of an alias: case-folded, separators as single spaces, no padding."""
    return " ".join(alias.casefold().translate(_TABLE).split())


@dataclass(frozen=True, slots=True)
class Normalised:
    """A posting prepared for matching.

    ``plain`` is the text with markup resolved, in its original case (used for case and context
    evidence); ``folded`` is ``plain`` case-folded (used for section headings); ``search`` is
    ``" " + folded`` with word separators turned into spaces (searched by the automaton).
    ``folded[i]`` and ``search[i + 1]`` are the same position.
    """

    original: str
    plain: str
    folded: str
    search: str
    #: folded index -> plain index (None when case-folding kept every length)
    fold_to_plain: np.ndarray | None
    #: plain index -> original start / end (None when there was no markup)
    plain_start: np.ndarray | None
    plain_end: np.ndarray | None

    def plain_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``folded`` to a span of ``plain``."""
        if self.fold_to_plain is None:
            return start, end
        f2p = self.fold_to_plain
        return int(f2p[start]), int(f2p[end - 1]) + 1

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``plain`` to a span of the caller's original text."""
        if self.plain_start is None:
            return start, end
        return int(self.plain_start[start]), int(self.plain_end[end - 1])


def _strip_markup(text: str) -> tuple[str, np.ndarray, np.ndarray]:
    """Resolve tags and entities; return the plain text and, per plain character, its original
    start and end offsets."""
    parts: list[str] = []
    starts: list[np.ndarray] = []
    ends: list[np.ndarray] = []
    pos = 0

    def copy(a: int, b: int) -> None:
        if b > a:
            parts.append(text[a:b])
            rng = np.arange(a, b, dtype=np.int64)
            starts.append(rng)
            ends.append(rng + 1)

    def put(s: str, a: int, b: int) -> None:
        if s:
            parts.append(s)
            starts.append(np.full(len(s), a, dtype=np.int64))
            ends.append(np.full(len(s), b, dtype=np.int64))

    for m in _HTML_PIECE.finditer(text):
        copy(pos, m.start())
        a, b = m.span()
        if m.group(4) is not None:
            put(html.unescape(m.group(0)).replace("\xa0", " "), a, b)
        elif m.group(1) is not None or (m.group(3) or "").lower() in _BLOCK_TAGS:
            put("\n", a, b)
        pos = b
    copy(pos, len(text))
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return "", empty, empty
    return "".join(parts), np.concatenate(starts), np.concatenate(ends)


def _fold(plain: str) -> tuple[str, np.ndarray | None]:
    folded = plain.casefold()
    if len(folded) == len(plain):
        return folded, None
    # A few characters fold to several (ß -> ss, ligatures): map each folded char back.
    pieces = [ch.casefold() for ch in plain]
    f2p = np.repeat(np.arange(len(plain), dtype=np.int64), [len(p) for p in pieces])
    return "".join(pieces), f2p


def normalise(text: str) -> Normalised:
    """Prepare ``text`` (plain or HTML) for matching; see :class:`Normalised`."""
    if has_markup(text):
        plain, p_start, p_end = _strip_markup(text)
    else:
        plain, p_start, p_end = text, None, None
    folded, f2p = _fold(plain)
    search = " " + folded.translate(_TABLE)
    return Normalised(text, plain, folded, search, f2p, p_start, p_end)
