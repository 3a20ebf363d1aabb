"""Writing the cohort table to CSV or XLSX: pseudonymised, without free text unless asked, and
with every text cell guarded against spreadsheet formula injection.

Formula injection ("CSV injection", OWASP): a spreadsheet program runs a cell that starts with
``=``, ``+``, ``-`` or ``@`` (and, in some programs, a tab or a carriage return before one) as a
formula, so a participant's note such as ``=HYPERLINK(...)`` would run on the counselor's
computer. Every text cell that starts with one of these characters gets a leading apostrophe;
in XLSX every text cell is also written with the string type, never as a formula.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import secrets
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from careerkit.cohort._text import TEXT
from careerkit.errors import InputError

#: characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"), plus
#: the line feed, which some programs also skip before a formula
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
FILE_MODE = 0o600
#: alphabet of the random participant codes (no 0/O, 1/I/L: easy to read aloud)
_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
_CODE_LENGTH = 8


def guard_cell(value: Any) -> Any:
    """``value`` made safe for a spreadsheet: text starting with a formula character gets a
    leading apostrophe; other values are returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def new_codes(pseudonyms: Iterable[str]) -> dict[str, str]:
    """A random, unique code per pseudonym (``secrets``: not derivable from the pseudonym)."""
    codes: dict[str, str] = {}
    used: set[str] = set()
    for pseudonym in pseudonyms:
        while True:
            code = "P-" + "".join(secrets.choice(_CODE_ALPHABET) for _ in range(_CODE_LENGTH))
            if code not in used:
                break
        used.add(code)
        codes[pseudonym] = code
    return codes


def key_path(path: Path) -> Path:
    """The key file beside an export: ``<path>.key.csv``."""
    return path.with_name(path.name + ".key.csv")


def _cell_text(value: Any) -> Any:
    """Plain cell values: missing → "", times → ISO text, numpy scalars → Python."""
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, float) and value != value:
        return ""
    if isinstance(value, pd.Timestamp):
        return value.isoformat(timespec="seconds")
    if hasattr(value, "isoformat"):
        return value.isoformat(timespec="seconds") if hasattr(value, "hour") else value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def rows_of(frame: pd.DataFrame) -> list[list[Any]]:
    """The frame's cells, plain and guarded, header first."""
    rows: list[list[Any]] = [[guard_cell(str(c)) for c in frame.columns]]
    for record in frame.itertuples(index=False, name=None):
        rows.append([guard_cell(_cell_text(v)) for v in record])
    return rows


def _open_private(path: Path, binary: bool = False) -> Any:
    """Open ``path`` for writing, owner-only (0600) even when it existed with other rights."""
    fd = os.open(
        path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0), FILE_MODE
    )
    with contextlib.suppress(OSError):
        os.fchmod(fd, FILE_MODE)
    if binary:
        return os.fdopen(fd, "wb")
    return os.fdopen(fd, "w", encoding="utf-8-sig", newline="")


def _write_csv(path: Path, rows: Sequence[Sequence[Any]]) -> None:
    with _open_private(path) as fh:
        csv.writer(fh).writerows(rows)


def _write_xlsx(path: Path, sheets: Mapping[str, Sequence[Sequence[Any]]]) -> None:
    from openpyxl import Workbook as XlsxWorkbook

    book = XlsxWorkbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=c)
                cell.value = value
                if isinstance(value, str):
                    # openpyxl reads any text starting with "=" as a formula: force text.
                    cell.data_type = "s"
        sheet.freeze_panes = "A2" if title != "about" else None
    buffer = io.BytesIO()
    book.save(buffer)
    with _open_private(path, binary=True) as fh:
        fh.write(buffer.getvalue())


def write_table(
    path: Path, frame: pd.DataFrame, about: Sequence[str], key: Mapping[str, str] | None
) -> Path:
    """Write ``frame`` to ``path`` (.csv or .xlsx, 0600) and the key file when ``key`` is given."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InputError(TEXT["bad_export"].format(path=path))
    rows = rows_of(frame)
    try:
        if suffix == ".csv":
            _write_csv(path, rows)
        else:
            about_rows = [[guard_cell(line)] for line in about]
            _write_xlsx(path, {"participants": rows, "about": about_rows})
        if key is not None:
            key_rows = [["code", "pseudonym"]]
            key_rows += [[guard_cell(code), guard_cell(p)] for p, code in key.items()]
            _write_csv(key_path(path), key_rows)
    except OSError as exc:
        raise InputError(
            TEXT["export_failed"].format(path=path, reason=exc.strerror or str(exc))
        ) from exc
    return path
