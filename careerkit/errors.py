"""One family of exceptions, written for people.

Every message names the file, row or field, what was found and what was expected, in words a
counselor understands. Catch :class:`CareerkitError` to catch them all.
"""

from __future__ import annotations

__all__ = ["CareerkitError", "DataError", "InputError", "WorkbookError"]


class CareerkitError(Exception):
    """Base of every error careerkit raises on purpose."""


class DataError(CareerkitError):
    """A data file (O*NET release, taxonomy, inventory, postings) is missing or malformed."""


class InputError(CareerkitError, ValueError):
    """Something a person or a caller passed in is not acceptable (an answer, a code, an id)."""


class WorkbookError(CareerkitError):
    """A participant's workbook file cannot be read, written or merged safely."""
