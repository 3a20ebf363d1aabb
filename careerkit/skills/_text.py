"""Text normalisation for skill matching, with a way back to the caller's original text.

The extractor searches a *normalised* copy of a posting: HTML tags and entities resolved,
case-folded, and punctuation that separates words turned into spaces. The copy is bytes with
exactly one byte per character of the plain text: ASCII letters lower-cased, word separators
(ASCII or not) a space, and any other non-ASCII character (a letter such as "é" or "ß") the byte
``\x01``, which stays inside a word. So an offset in the copy is an offset in the plain text,
and only HTML needs a map back to the caller's text (the notebook highlights evidence with
those spans). Aliases with non-ASCII letters are searched in the same form and confirmed
against the plain text by the extractor.
"""

from __future__ import annotations

import codecs
import html
import re
import unicodedata
from typing import NamedTuple

import numpy as np

__all__ = [
    "TOKEN_INNER",
    "WORD_BYTE",
    "Normalised",
    "alias_bytes",
    "has_markup",
    "normalise",
    "normalise_alias",
]

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
_TAG_HINT = re.compile(
    r"<(?:/[A-Za-z]|[bB][rR]\b|[pP][\s>]|[lL][iI][\s>]|[hH][rR]\b|[dD][iI][vV]\b|!--)"
)


def has_markup(text: str) -> bool:
    """True when ``text`` holds HTML tags or character entities.

    Cheap tests first: HTML nearly always has a closing tag or one of a few common tags, which
    a regex starting with the literal "<" finds quickly; a "<" alone is often a placeholder such
    as "<ORGANIZATION>" in anonymised postings.
    """
    if "&" in text:
        match = _MARKUP.match
        i = text.find("&")
        while i >= 0:
            if match(text, i):
                return True
            i = text.find("&", i + 1)
    return "<" in text and _TAG_HINT.search(text) is not None


def normalise_alias(alias: str) -> str:
    """The searchable form of an alias: case-folded, separators as single spaces, no padding."""
    return " ".join(alias.casefold().translate(_TABLE).split())


# ASCII separators become spaces in the bytes the automaton searches; UTF-8 bytes of other
# characters (>= 0x80) are left alone, so non-ASCII letters stay inside words.
#: Bytes that belong to a word in ``raw``/``search``: letters, digits and ``\x01`` (the stand-in
#: for a non-ASCII letter).
WORD_BYTE = tuple(chr(i).isalnum() or i == 1 for i in range(256))
_BYTE_TABLE = bytes(32 if i < 128 and i in _TABLE and i != 1 else i for i in range(256))


class Normalised(NamedTuple):
    """A posting prepared for matching.

    ``plain`` is the text with markup resolved, in its original case (used for case and context
    evidence). ``raw`` is ``" " + plain + " "`` as one byte per character: ASCII lower-cased,
    non-ASCII separators a space, other non-ASCII characters ``\x01``. ``search`` is ``raw``
    with ASCII separators turned into spaces too: the bytes the automaton searches. Byte
    ``b`` of ``raw``/``search`` is character ``b - 1`` of ``plain``.
    """

    original: str
    plain: str
    raw: bytes
    search: bytes
    #: plain index -> original start / end (None when there was no markup)
    plain_start: np.ndarray | None
    plain_end: np.ndarray | None

    def original_spans(self, pstarts: list[int], pends: list[int]) -> tuple[list[int], list[int]]:
        """Map spans of ``plain`` to spans of the caller's original text."""
        if self.plain_start is None or self.plain_end is None:
            return pstarts, pends
        s = self.plain_start[np.asarray(pstarts, dtype=np.int64)]
        e = self.plain_end[np.asarray(pends, dtype=np.int64) - 1]
        return s.tolist(), e.tolist()


# entity -> its text (postings repeat the same few: "&amp;", "&nbsp;", "&#39;")
_ENTITIES: dict[str, str] = {}


def _strip_markup(text: str) -> tuple[str, np.ndarray, np.ndarray]:
    """Resolve tags and entities; return the plain text and, per plain character, its original
    start and end offsets."""
    parts: list[str] = []
    starts: list[int] = []  # original start of each part
    ends: list[int] = []  # original end of each part (used for replacements)
    copied: list[bool] = []  # a verbatim copy (offsets advance) or a replacement (one span)
    # bound methods and one groups() call per piece: this loop runs once per tag or entity
    add_part, add_start, add_end, add_copied = (
        parts.append,
        starts.append,
        ends.append,
        copied.append,
    )
    entities = _ENTITIES
    pos = 0
    for m in _HTML_PIECE.finditer(text):
        a, b = m.span()
        if a > pos:
            add_part(text[pos:a])
            add_start(pos)
            add_end(a)
            add_copied(True)
        script, _, tag, entity = m.groups()
        if entity is not None:
            piece = m.group()
            new = entities.get(piece)
            if new is None:
                new = html.unescape(piece).replace("\xa0", " ")
                if len(entities) < 4096:
                    entities[piece] = new
        elif script is not None or (tag or "").lower() in _BLOCK_TAGS:
            new = "\n"
        else:
            new = ""
        if new:
            add_part(new)
            add_start(a)
            add_end(b)
            add_copied(False)
        pos = b
    if pos < len(text):
        parts.append(text[pos:])
        starts.append(pos)
        ends.append(len(text))
        copied.append(True)
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return "", empty, empty
    lens = np.array(list(map(len, parts)), dtype=np.int64)
    total = int(lens.sum())
    first = np.repeat(np.cumsum(lens) - lens, lens)  # plain offset where each part begins
    offset = np.arange(total, dtype=np.int64) - first
    copy = np.repeat(np.array(copied), lens)
    p_start = np.repeat(np.array(starts, dtype=np.int64), lens) + np.where(copy, offset, 0)
    p_end = np.where(copy, p_start + 1, np.repeat(np.array(ends, dtype=np.int64), lens))
    return "".join(parts), p_start, p_end


def _one_byte(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: each non-ASCII character becomes one byte, a space for separators
    and ``\x01`` (a word character for the automaton) for anything else."""
    if not isinstance(error, UnicodeEncodeError):  # registered for encoding only
        raise error
    chunk = error.object[error.start : error.end]
    # postings repeat the same few runs (quotes, dashes, bullets, accented letters): cached
    out = _ONE_BYTE_SEEN.get(chunk)
    if out is None:
        out = "".join(" " if ch in _SEPARATORS else "\x01" for ch in chunk)
        if len(_ONE_BYTE_SEEN) < 4096 and len(chunk) <= 16:
            _ONE_BYTE_SEEN[chunk] = out
    return out, error.end


_ONE_BYTE_SEEN: dict[str, str] = {}


_SEPARATORS = frozenset(chr(c) for c in _TABLE if c >= 128)
codecs.register_error("careerkit-one-byte", _one_byte)

# Typographic separators common in postings (curly quotes, dashes, bullets, the no-break space,
# an ellipsis, and the Windows-1252 bullet and apostrophe as stray control codes): turned into
# spaces before encoding, which is what the handler above makes of each, so the handler (about
# a microsecond per call) runs far less often. Most frequent first.
_COMMON_SEPARATORS = "".join(
    ch
    for ch in "\u2019\u2022\u2013\u201c\u201d\u00b7\u2018\u2014\u00a0\u2026\u25cf\u25aa"
    "\u00a7\x95\x92"
    if ch in _SEPARATORS
)


def alias_bytes(key: str) -> bytes:
    """A normalised alias (:func:`normalise_alias`) in the one-byte form the automaton uses."""
    return key.encode("ascii", "careerkit-one-byte")


def normalise(text: str) -> Normalised:
    """Prepare ``text`` (plain or HTML) for matching; see :class:`Normalised`."""
    if has_markup(text):
        plain, p_start, p_end = _strip_markup(text)
    else:
        plain, p_start, p_end = text, None, None
    # ASCII case-folding is lower-casing, done on bytes; the encoder handles the rest in C,
    # calling the handler once per run of non-ASCII characters
    ascii_form = plain
    if not plain.isascii():
        for ch in _COMMON_SEPARATORS:
            if ch in ascii_form:
                ascii_form = ascii_form.replace(ch, " ")
                if ascii_form.isascii():
                    break
    raw = b" " + ascii_form.encode("ascii", "careerkit-one-byte").lower() + b" "
    # tuple.__new__ directly: the named tuple's own __new__ is a Python-level wrapper
    return tuple.__new__(Normalised, (text, plain, raw, raw.translate(_BYTE_TABLE), p_start, p_end))
