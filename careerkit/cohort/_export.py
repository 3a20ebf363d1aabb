"""Writing the cohort to CSV, XLSX or a zip of CSV files: pseudonymised, without free text unless
asked, and with every text cell guarded against spreadsheet formula injection.

``.csv`` holds the participant table alone (machine-readable column names, as
:meth:`Cohort.progress`); ``.xlsx`` holds every table a counselor sees on the dashboard, one
sheet each, with readable headers, a frozen header row, numbers stored as numbers and an "About"
sheet; ``.zip`` holds the same tables as one CSV file each plus ``about.txt``.

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
import math
import os
import secrets
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from careerkit.cohort._tables import Table, format_value
from careerkit.cohort._text import TEXT
from careerkit.errors import InputError

#: characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"), plus
#: the line feed, which some programs also skip before a formula
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
FILE_MODE = 0o600
EXPORT_SUFFIXES = (".xlsx", ".zip", ".csv")
#: column widths in the XLSX, in characters
_MIN_WIDTH, _MAX_WIDTH, _WRAP_WIDTH, _ABOUT_WIDTH = 8, 50, 60, 90
#: row height per line of wrapped text (points, 11-point font) and the most lines a row grows to
_LINE_HEIGHT, _MAX_LINES = 15, 12
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


def check_suffix(path: Path) -> str:
    """The export format of ``path`` (its suffix, lower case), or a plain error."""
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise InputError(TEXT["bad_export"].format(path=path))
    return suffix


def _xlsx_value(value: Any) -> Any:
    """A cell value for openpyxl: numbers, booleans and times keep their type (times as plain
    UTC), missing values become empty cells, text is guarded and stripped of the control
    characters XML cannot hold."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item") and not isinstance(value, pd.Timestamp):
        value = value.item()
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = pd.Timestamp(value).tz_convert("UTC").tz_localize(None).to_pydatetime()
    if isinstance(value, str):
        return guard_cell(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def _width(value: Any, fmt: str | None) -> int:
    text = format_value(value, fmt)
    return max((len(line) for line in text.splitlines()), default=0)


def _lines(text: str, width: int) -> int:
    """How many lines ``text`` takes when wrapped at ``width`` characters (an estimate)."""
    return sum(max(1, math.ceil(len(part) / width)) for part in text.split("\n"))


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _write_sheet(book: Any, table: Table) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(table.title)
    headers = [str(h) for h in table.frame.columns]
    rows = [[_xlsx_value(v) for v in record] for record in table.frame.itertuples(index=False)]
    # A column of numbers whose suppressed cells hold the marker: align the marker with them.
    numeric = [any(_is_number(row[c]) for row in rows) for c in range(len(headers))]
    widths = [len(h) for h in headers]
    for c, header in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=c, value=guard_cell(header))
        cell.data_type = "s"
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for r, row in enumerate(rows, start=2):
        height = 1
        for c, (header, value) in enumerate(zip(headers, row, strict=True), start=1):
            cell = sheet.cell(row=r, column=c)
            cell.value = value
            fmt = table.formats.get(header)
            if isinstance(value, str):
                # openpyxl reads any text starting with "=" as a formula: force text.
                cell.data_type = "s"
                if numeric[c - 1]:
                    cell.alignment = Alignment(horizontal="right")
            elif fmt and (_is_number(value) or isinstance(value, datetime)):
                cell.number_format = fmt
            if header in table.wrap:
                cell.alignment = Alignment(vertical="top", wrap_text=True)
                if isinstance(value, str):
                    height = max(height, min(_MAX_LINES, _lines(value, _WRAP_WIDTH)))
            widths[c - 1] = max(widths[c - 1], _width(value, fmt))
        if height > 1:
            # Spreadsheet programs do not all grow a row for wrapped text written by a program.
            sheet.row_dimensions[r].height = height * _LINE_HEIGHT
    for c, header in enumerate(headers, start=1):
        width = _WRAP_WIDTH if header in table.wrap else min(_MAX_WIDTH, widths[c - 1])
        sheet.column_dimensions[get_column_letter(c)].width = max(_MIN_WIDTH, width) + 2
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = sheet.dimensions


def _write_about(book: Any, lines: Sequence[str]) -> None:
    from openpyxl.styles import Alignment, Font

    sheet = book.create_sheet(TEXT["title_about"])
    sheet.column_dimensions["A"].width = _ABOUT_WIDTH
    for r, line in enumerate(lines, start=1):
        cell = sheet.cell(row=r, column=1, value=_xlsx_value(line) or None)
        if cell.value is not None:
            cell.data_type = "s"
            sheet.row_dimensions[r].height = _lines(cell.value, _ABOUT_WIDTH - 10) * _LINE_HEIGHT
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        if r == 1:
            cell.font = Font(bold=True, size=14)
            sheet.row_dimensions[r].height = 2 * _LINE_HEIGHT


def _write_xlsx(path: Path, tables: Sequence[Table], about: Sequence[str]) -> None:
    from openpyxl import Workbook as XlsxWorkbook

    book = XlsxWorkbook()
    book.remove(book.active)
    for table in tables:
        _write_sheet(book, table)
    _write_about(book, about)
    buffer = io.BytesIO()
    book.save(buffer)
    with _open_private(path, binary=True) as fh:
        fh.write(buffer.getvalue())


def _csv_value(value: Any) -> Any:
    value = _cell_text(value)
    if isinstance(value, float):
        # Shares and means: four decimals say all there is to say, and read well.
        value = round(value, 4)
    return guard_cell(value)


def _csv_bytes(table: Table) -> bytes:
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow([guard_cell(str(c)) for c in table.frame.columns])
    for record in table.frame.itertuples(index=False, name=None):
        writer.writerow([_csv_value(v) for v in record])
    return text.getvalue().encode("utf-8-sig")


def _write_zip(path: Path, tables: Sequence[Table], about: Sequence[str]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in tables:
            archive.writestr(f"{table.key}.csv", _csv_bytes(table))
        archive.writestr("about.txt", ("\n".join(about) + "\n").encode("utf-8"))
    with _open_private(path, binary=True) as fh:
        fh.write(buffer.getvalue())


def _write_key(path: Path, key: Mapping[str, str]) -> None:
    key_rows = [["code", "pseudonym"]]
    key_rows += [[guard_cell(code), guard_cell(p)] for p, code in key.items()]
    _write_csv(key_path(path), key_rows)


@contextlib.contextmanager
def _plain_errors(path: Path) -> Iterator[None]:
    """A file-system error while writing ``path`` becomes an :class:`InputError` naming it."""
    try:
        yield
    except OSError as exc:
        raise InputError(
            TEXT["export_failed"].format(path=path, reason=exc.strerror or str(exc))
        ) from exc


def about_path(path: Path) -> Path:
    """The text file beside a CSV export that says what it is: ``<path>.about.txt``."""
    return path.with_name(path.name + ".about.txt")


def write_table(
    path: Path, frame: pd.DataFrame, key: Mapping[str, str] | None, about: Sequence[str] = ()
) -> Path:
    """Write ``frame`` to the CSV ``path`` (0600), the key file when ``key`` is given, and the
    ``about`` lines (the not-for-selection statement, the O*NET credit) to
    :func:`about_path`."""
    with _plain_errors(path):
        _write_csv(path, rows_of(frame))
        if key is not None:
            _write_key(path, key)
        if about:
            with _open_private(about_path(path)) as fh:
                fh.write("\n".join(about) + "\n")
    return path


def write_tables(
    path: Path, tables: Sequence[Table], about: Sequence[str], key: Mapping[str, str] | None
) -> Path:
    """Write ``tables`` and the about text to ``path`` (.xlsx: one sheet each; .zip: one CSV
    each), owner-only (0600), and the key file when ``key`` is given."""
    suffix = check_suffix(path)
    with _plain_errors(path):
        if suffix == ".zip":
            _write_zip(path, tables, about)
        else:
            _write_xlsx(path, tables, about)
        if key is not None:
            _write_key(path, key)
    return path
