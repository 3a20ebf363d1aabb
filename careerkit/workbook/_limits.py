"""What a save accepts: answers within their scales, texts within a length, a file within size.

Checked on write, on the fields changed since the copy was loaded (the rest was checked when it
was written), so a value out of range never reaches the file and every file careerkit writes can
be uploaded again and read by the cohort (both refuse files over :data:`MAX_BYTES`).
"""

from __future__ import annotations

import re
from typing import Any

from careerkit._json import MAX_BYTES
from careerkit.errors import InputError, WorkbookError
from careerkit.workbook._history import value_at
from careerkit.workbook._merge import MISSING, join, split

#: longest text one field may hold (a long job posting is about 15,000 characters)
MAX_TEXT_CHARS = 50_000

#: (path pattern, lowest, highest, what the scale is) for the answers on a scale
_SCALES = (
    (re.compile(r"/interests/responses/[^/]+"), 1, 5, "an interest answer", "1 (strongly "
     "dislike) to 5 (strongly like)"),
    (re.compile(r"/skills/ratings/[^/]+"), 1, 5, "a skill self-rating", "1 to 5"),
    (re.compile(r"/interests/job_zones"), 1, 5, "a Job Zone", "1 to 5"),
    (re.compile(r"/goals/goals/@[^/]+/confidence"), 0, 10, "a goal's confidence", "0 to 10"),
    (re.compile(r"/goals/goals/@[^/]+/percent_complete"), 0, 100, "a goal's progress",
     "0 to 100 (per cent)"),
)


def _where(path: str) -> str:
    return ".".join(key for key, _ in split(path)) or "(the whole workbook)"


def _check_scale(path: str, value: Any) -> None:
    for pattern, low, high, what, scale in _SCALES:
        if not pattern.fullmatch(path):
            continue
        values = value if isinstance(value, list) else [value]
        for item in values:
            # other types are the models' to refuse (the save validates what it writes)
            if not isinstance(item, int) or isinstance(item, bool):
                continue
            if not low <= item <= high:
                raise InputError(
                    f"{item!r} is not {what} ({_where(path)}): it runs from {scale}. "
                    f"Nothing was saved; correct the value and save again."
                )


def _walk(path: str, value: Any) -> None:
    _check_scale(path, value)
    if isinstance(value, str):
        if len(value) > MAX_TEXT_CHARS:
            raise InputError(
                f"The text of {_where(path)} is {len(value):,} characters long; a field holds "
                f"at most {MAX_TEXT_CHARS:,}. Nothing was saved; shorten it (for a job posting: "
                f"keep the description of the job and its requirements) and save again."
            )
    elif isinstance(value, dict):
        for key, child in value.items():
            _walk(join(path, str(key)), child)
    elif isinstance(value, list):
        for child in value:
            item = isinstance(child, dict) and isinstance(child.get("id"), str)
            _walk(join(path, child["id"], item=True) if item else path, child)


def check_changes(content: dict[str, Any], changed: list[str]) -> None:
    """Raise :class:`InputError` naming the field when a changed value is out of its range or
    too long."""
    for path in changed:
        value = value_at(content, path)
        if value is not MISSING:
            _walk(path, value)


def check_size(data: bytes, path: object) -> None:
    """Raise :class:`WorkbookError` when the file would be larger than upload and cohort read."""
    if len(data) > MAX_BYTES:
        raise WorkbookError(
            f"The workbook {path} would be {len(data) / 1e6:.1f} MB; a workbook holds at most "
            f"{MAX_BYTES / 1e6:.0f} MB (so it can be uploaded again and read by a counselor). "
            f"Nothing was saved; remove some long postings or texts and save again."
        )
