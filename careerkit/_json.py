"""JSON from files people hand in (workbooks, comment files, postings), read within limits.

``json.loads`` recurses once per level of nesting: a small file nested 100,000 deep raises
``RecursionError``, which no ``except CareerkitError`` catches. :func:`loads` measures the depth
first (a scan over the brackets outside strings) and refuses a file that is too big or too deep
with a plain error naming it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from careerkit.errors import CareerkitError

#: deepest nesting accepted (a workbook is about 8 deep; files from newer versions get room)
MAX_DEPTH = 64
#: largest file accepted, in bytes (the workbook's upload limit; postings have their own)
MAX_BYTES = 5_000_000

_STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_OPEN = frozenset(b"[{")


def depth(raw: bytes) -> int:
    """How deep the arrays and objects of JSON text ``raw`` nest (0 for a plain value)."""
    brackets = _STRING.sub(b"", raw).translate(None, _NOT_BRACKET)
    level = deepest = 0
    for byte in brackets:
        if byte in _OPEN:
            level += 1
            deepest = max(deepest, level)
        else:
            level -= 1
    return deepest


def json_problem(exc: json.JSONDecodeError) -> str:
    """What is wrong and where, e.g. "invalid control character, line 3, column 7".

    Some of ``json``'s messages end in "at" ("Invalid control character at", "Unterminated
    string starting at"): "… at at line 3" read badly, so the place follows after a comma.
    """
    problem = exc.msg.removesuffix(" at").removesuffix(" starting")
    return f"{problem}, line {exc.lineno}, column {exc.colno}"


def loads(
    raw: bytes | str,
    source: object,
    error: type[CareerkitError],
    *,
    max_bytes: int = MAX_BYTES,
    what: str = "file",
) -> Any:
    """Parse JSON ``raw`` read from ``source`` (named in messages), or raise ``error``.

    Refused: more than ``max_bytes``, nested deeper than :data:`MAX_DEPTH`, not UTF-8, not
    JSON. ``json.JSONDecodeError`` and ``UnicodeDecodeError`` are chained as the cause.
    """
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    if len(data) > max_bytes:
        raise error(
            f"{source} is {len(data) / 1e6:.1f} MB; a {what} is at most "
            f"{max_bytes / 1e6:.0f} MB. Is it the right file?"
        )
    if depth(data) > MAX_DEPTH:
        raise error(
            f"{source} is not a {what} careerkit can read: its data is nested more than "
            f"{MAX_DEPTH} levels deep."
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(f"{source} is not a {what}: it is not UTF-8 text.") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(f"{source} is damaged: not valid JSON ({json_problem(exc)}).") from exc
    except RecursionError as exc:  # pragma: no cover - the depth check comes first
        raise error(f"{source} is nested too deeply to read.") from exc
