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
from bisect import bisect_left
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

# Markup is recognised by common HTML tag names or character entities, so that placeholders
# such as "<ORGANIZATION>" in anonymised postings are left as text.
_MARKUP = re.compile(
    r"<(?:!--|/?(?:p|div|br|li|ul|ol|h[1-6]|span|strong|b|i|u|em|a|table|tr|td|th|tbody|thead|"
    r"font|section|article|header|footer|img|hr|small|sup|sub|blockquote|pre|code|dl|dt|dd|nav|"
    r"main|html|body|head|meta|style|script)\b)"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});",
    re.I,
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


# starts with a literal "<", which the regex engine finds quickly
_BARE_TAGS = re.compile(r"<(?:br|p>|li>|hr|!--)", re.I)


def has_markup(text: str) -> bool:
    """True when ``text`` holds HTML tags or character entities.

    Substring tests first (far faster than a regex scan): HTML nearly always has a closing tag
    or one of a few bare tags; a "<" alone is often a placeholder such as "<ORGANIZATION>".
    """
    if "&" in text:
        match = _MARKUP.match
        i = text.find("&")
        while i >= 0:
            if match(text, i):
                return True
            i = text.find("&", i + 1)
    if "<" not in text:
        return False
    if "</" in text or "/>" in text:
        return _MARKUP.search(text) is not None
    return _BARE_TAGS.search(text) is not None


def normalise_alias(alias: str) -> str:
    """The searchable form of an alias: case-folded, separators as single spaces, no padding."""
    return " ".join(alias.casefold().translate(_TABLE).split())


def _separator_class() -> re.Pattern[str]:
    """A character class of the non-ASCII separators in ``_TABLE`` (no-break space, bullets,
    dashes, curly quotes, arrows ...), as ranges."""
    codes = sorted(c for c in _TABLE if c >= 128)
    ranges = []
    lo = prev = codes[0]
    for c in codes[1:]:
        if c != prev + 1:
            ranges.append((lo, prev))
            lo = c
        prev = c
    ranges.append((lo, prev))
    body = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return re.compile(f"[{body}]")


_NON_ASCII_SEPARATOR = _separator_class()
# ASCII separators become spaces in the bytes the automaton searches; UTF-8 bytes of other
# characters (>= 0x80) are left alone, so non-ASCII letters stay inside words.
_BYTE_TABLE = bytes(32 if i < 128 and i in _TABLE else i for i in range(256))


@dataclass(frozen=True, slots=True)
class Normalised:
    """A posting prepared for matching.

    ``plain`` is the text with markup resolved, in its original case (used for case and context
    evidence); *folded* below means ``plain`` case-folded. ``raw`` is the UTF-8 encoding of
    ``" " + folded + " "`` (non-ASCII separators already spaces), and ``search`` is ``raw``
    with ASCII separators turned into spaces: the bytes the automaton searches. Byte offset ``b`` in
    ``raw``/``search`` is character ``char(b) - 1`` of the folded text.
    """

    original: str
    plain: str
    raw: bytes
    search: bytes
    #: byte offset -> folded character offset + 1 (None for ASCII text, where they are equal)
    byte_to_char: np.ndarray | _ShortMap | None
    #: folded index -> plain index (None when case-folding kept every length)
    fold_to_plain: np.ndarray | None
    #: plain index -> original start / end (None when there was no markup)
    plain_start: np.ndarray | None
    plain_end: np.ndarray | None

    def original_spans(self, bstarts: list[int], bends: list[int]) -> tuple[list[int], list[int]]:
        """Map many byte spans of ``search`` at once to spans of the caller's original text."""
        b2c = self.byte_to_char
        if self.fold_to_plain is None and self.plain_start is None:
            if b2c is None:
                return [b - 1 for b in bstarts], [b - 1 for b in bends]
            if isinstance(b2c, _ShortMap):  # plain Python beats numpy on a handful of spans
                return [b2c[b] - 1 for b in bstarts], [b2c[b] - 1 for b in bends]
        s = np.asarray(bstarts, dtype=np.int64)
        e = np.asarray(bends, dtype=np.int64)
        if self.byte_to_char is not None:
            s, e = self.byte_to_char[s], self.byte_to_char[e]
        s, e = s - 1, e - 1  # folded offsets, end exclusive
        if self.fold_to_plain is not None:
            s, e = self.fold_to_plain[s], self.fold_to_plain[e - 1] + 1
        if self.plain_start is not None:
            s, e = self.plain_start[s], self.plain_end[e - 1]
        return s.tolist(), e.tolist()

    def folded_span(self, bstart: int, bend: int) -> tuple[int, int]:
        """Map a byte span of ``search`` (after the padding space) to a span of the folded text."""
        if self.byte_to_char is None:
            return bstart - 1, bend - 1
        b2c = self.byte_to_char
        return int(b2c[bstart]) - 1, int(b2c[bend]) - 1

    def plain_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the folded text to a span of ``plain``."""
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
    starts: list[int] = []  # original start of each part
    ends: list[int] = []  # original end of each part (used for replacements)
    copied: list[bool] = []  # a verbatim copy (offsets advance) or a replacement (one span)
    pos = 0
    for m in _HTML_PIECE.finditer(text):
        a, b = m.span()
        if a > pos:
            parts.append(text[pos:a])
            starts.append(pos)
            ends.append(a)
            copied.append(True)
        if m.group(4) is not None:
            new = html.unescape(m.group(0)).replace("\xa0", " ")
        elif m.group(1) is not None or (m.group(3) or "").lower() in _BLOCK_TAGS:
            new = "\n"
        else:
            new = ""
        if new:
            parts.append(new)
            starts.append(a)
            ends.append(b)
            copied.append(False)
        pos = b
    if pos < len(text):
        parts.append(text[pos:])
        starts.append(pos)
        ends.append(len(text))
        copied.append(True)
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return "", empty, empty
    lens = np.fromiter((len(p) for p in parts), dtype=np.int64, count=len(parts))
    total = int(lens.sum())
    first = np.repeat(np.cumsum(lens) - lens, lens)  # plain offset where each part begins
    offset = np.arange(total, dtype=np.int64) - first
    copy = np.repeat(np.array(copied), lens)
    p_start = np.repeat(np.array(starts, dtype=np.int64), lens) + np.where(copy, offset, 0)
    p_end = np.where(copy, p_start + 1, np.repeat(np.array(ends, dtype=np.int64), lens))
    return "".join(parts), p_start, p_end


def _fold(plain: str) -> tuple[str, np.ndarray | None]:
    folded = plain.casefold()
    if len(folded) == len(plain):
        return folded, None
    # A few characters fold to several (ß -> ss, ligatures): map each folded char back.
    pieces = [ch.casefold() for ch in plain]
    f2p = np.repeat(np.arange(len(plain), dtype=np.int64), [len(p) for p in pieces])
    return "".join(pieces), f2p


class _ShortMap:
    """Byte offset -> character offset when only a few characters take several bytes: each
    multi-byte character starting before a byte offset shifts it by its extra bytes."""

    __slots__ = ("extra", "starts")

    def __init__(self, starts: list[int], extra: list[int]) -> None:
        self.starts, self.extra = starts, extra

    def __getitem__(self, b):
        if isinstance(b, np.ndarray):
            k = np.searchsorted(self.starts, b, side="left")
            cum = np.concatenate(([0], self.extra))
            return b - cum[k]
        k = bisect_left(self.starts, b)
        return b - (self.extra[k - 1] if k else 0)


_NON_ASCII_CHAR = re.compile(r"[^\x00-\x7f]")
_SEPARATORS = frozenset(chr(c) for c in _TABLE if c >= 128)
_FEW = 64  # up to this many non-ASCII characters, map offsets with a short table


def _few_caseless(plain: str) -> list[tuple[int, str]] | None:
    """Positions of the non-ASCII characters when they are few and have no case, else None."""
    out = []
    for m in _NON_ASCII_CHAR.finditer(plain):
        ch = m.group()
        if len(out) == _FEW or ch.casefold() != ch:
            return None
        out.append((m.start(), ch))
    return out


def normalise(text: str) -> Normalised:
    """Prepare ``text`` (plain or HTML) for matching; see :class:`Normalised`."""
    if has_markup(text):
        plain, p_start, p_end = _strip_markup(text)
    else:
        plain, p_start, p_end = text, None, None
    if plain.isascii():
        # ASCII case-folding is lower-casing, done on bytes (several times faster)
        raw = b" " + plain.encode("ascii").lower() + b" "
        return Normalised(text, plain, raw, raw.translate(_BYTE_TABLE), None, None, p_start, p_end)
    fast = _few_caseless(plain)
    if fast is not None:
        # Only a few non-ASCII characters, none with a case (curly quotes, dashes, bullets,
        # accented lower-case letters): fold on bytes and patch the separators in place.
        buf = bytearray(b" " + plain.encode("utf-8").lower() + b" ")
        starts: list[int] = []
        extra: list[int] = []
        shift = 1  # the padding space
        for pos, ch in fast:
            width = len(ch.encode("utf-8"))
            bpos = pos + shift
            if ch in _SEPARATORS:
                buf[bpos : bpos + width] = b" " * width
            shift += width - 1
            starts.append(bpos)
            extra.append(shift - 1)
        raw = bytes(buf)
        return Normalised(
            text,
            plain,
            raw,
            raw.translate(_BYTE_TABLE),
            _ShortMap(starts, extra),
            None,
            p_start,
            p_end,
        )
    folded, f2p = _fold(plain)
    raw = (" " + _NON_ASCII_SEPARATOR.sub(" ", folded) + " ").encode("utf-8")
    if len(raw) == len(folded) + 2:
        b2c = None  # only one-byte characters left: byte and character offsets agree
    else:
        arr = np.frombuffer(raw, dtype=np.uint8)
        # a character starts at every byte that is not a UTF-8 continuation byte (10xxxxxx);
        # the extra entry maps the end of the text
        b2c = np.cumsum(np.append((arr & 0xC0) != 0x80, True), dtype=np.int64) - 1
    return Normalised(text, plain, raw, raw.translate(_BYTE_TABLE), b2c, f2p, p_start, p_end)
