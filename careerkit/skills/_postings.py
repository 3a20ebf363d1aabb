"""Job postings in, one tidy frame out.

:func:`read_postings` reads the files people bring — CSV (UTF-8, UTF-8 with BOM, UTF-16, cp1252 /
Latin-1 and other single-byte encodings detected with ``charset-normalizer``; comma, semicolon or
tab delimited), JSON (a list of objects, or an object holding one under ``postings``), JSON
Lines, Parquet, Excel (.xlsx) and plain text (one posting per file, or several separated by a
line of ``---``). :func:`postings_from_text` handles text pasted into the workbook; the bundled
illustrative postings are in :mod:`careerkit.skills._samples`.

Every reader returns the same columns: ``title, description, company, location, date, url``
(strings, ``""`` when absent). The file is read from disk exactly once, then decoded and parsed
from memory.
"""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from pathlib import Path
from typing import Any

import pandas as pd

from careerkit import _json
from careerkit.errors import CareerkitError, DataError, InputError

__all__ = [
    "COLUMNS",
    "MAX_PASTE_CHARS",
    "MAX_POSTING_CHARS",
    "postings_from_bytes",
    "postings_from_records",
    "postings_from_text",
    "read_postings",
]

#: Columns of every postings frame, in order.
COLUMNS = ["title", "description", "company", "location", "date", "url"]

#: Longest text one posting field may have to be kept in a workbook (a long posting: ~15,000).
MAX_POSTING_CHARS = 50_000
#: Longest text pasted at once (several postings separated by lines of ``---``).
MAX_PASTE_CHARS = 500_000

#: Column names we recognise for each field, after case-folding and turning spaces, hyphens and
#: dots into underscores. Order matters: the first one present wins.
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "title": (
        "title",
        "job_title",
        "jobtitle",
        "position",
        "position_title",
        "job_position",
        "role",
        "job_role",
        "job_name",
        "name",
        "job",
    ),
    "description": (
        "description",
        "job_description",
        "jobdescription",
        "description_text",
        "full_description",
        "text",
        "body",
        "content",
        "details",
        "posting",
        "job_text",
        "summary",
    ),
    "company": (
        "company",
        "company_name",
        "employer",
        "employer_name",
        "organization",
        "organisation",
        "organization_name",
        "organisation_name",
        "hiring_organization",
        "hiring_organisation",
    ),
    "location": ("location", "job_location", "city", "place", "region"),
    "date": (
        "date",
        "date_posted",
        "posted",
        "posted_date",
        "posting_date",
        "published",
        "date_published",
    ),
    "url": ("url", "link", "job_url", "href", "source_url"),
}

#: Keys under which a JSON object may hold its list of postings.
JSON_LIST_KEYS = ("postings", "jobs", "job_postings", "data", "items", "results")

#: Labelled header lines a pasted posting may start with ("Company: Example Ltd").
_TEXT_FIELD_LABELS = {
    "title": "title",
    "job title": "title",
    "position": "title",
    "role": "title",
    "company": "company",
    "employer": "company",
    "organization": "company",
    "organisation": "company",
    "location": "location",
    "date": "date",
    "posted": "date",
    "url": "url",
    "link": "url",
}

_SEPARATOR = re.compile(r"^[ \t]*-{3,}[ \t]*$", re.MULTILINE)
_LABEL_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z ]{1,20}?)\s*:\s*(.+?)\s*$")

_TABLE_SUFFIXES = {".csv", ".tsv", ".tab"}
_TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
_JSON_SUFFIXES = {".json"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonlines"}
_PARQUET_SUFFIXES = {".parquet", ".pq"}
_EXCEL_SUFFIXES = {".xlsx", ".xlsm"}

# Magic numbers of binary files people are likely to pick by mistake, with what to do instead.
_BINARY_KINDS = (
    (b"%PDF", "a PDF document; copy its text into a .txt file, or paste it into the workbook"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file; save it as CSV or plain text"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive; unpack it first"),
    (b"7z\xbc\xaf", "a 7-Zip archive; unpack it first"),
)


# --------------------------------------------------------------------------- public functions


def read_postings(path: str | Path) -> pd.DataFrame:
    """Read job postings from a file into a frame ``title, description, company, location, date,
    url``.

    Parameters
    ----------
    path
        A ``.csv``/``.tsv`` table, ``.json``, ``.jsonl``, ``.parquet``, ``.xlsx`` or a text file
        (``.txt``; several postings separated by a line of ``---``). The format is chosen from the
        suffix and confirmed from the content.

    Returns
    -------
    pandas.DataFrame
        One row per posting. Columns are found by common names (``job_title``, ``position``,
        ``job_description``, ``text``, ``employer``, ``organization`` …; see ``COLUMN_NAMES``).
        Without a title column, the title is the first line of the description. ``attrs`` holds
        ``source`` (the path), ``format``, ``encoding``, ``columns`` (which input column fed each
        field) and ``skipped_rows`` (1-based data rows without a description, left out).

    Raises
    ------
    DataError
        The file is missing, empty, binary, malformed (with the line), or has no description
        column (listing the columns found).

    Examples
    --------
    >>> frame = read_postings("postings.csv")  # doctest: +SKIP
    >>> list(frame.columns)  # doctest: +SKIP
    ['title', 'description', 'company', 'location', 'date', 'url']
    """
    path = Path(path)
    if path.is_dir():
        raise DataError(f"{path} is a folder; choose a postings file inside it.")
    try:
        data = _read_bytes(path)
    except FileNotFoundError:
        raise DataError(f"postings file not found: {path}") from None
    except OSError as exc:
        raise DataError(f"cannot read postings file {path}: {exc.strerror or exc}") from None
    return _parse_bytes(data, path.name, path.suffix.casefold(), str(path))


def postings_from_bytes(data: bytes, filename: str) -> pd.DataFrame:
    """Postings from the bytes of an uploaded file (``filename`` gives the format and appears in
    messages), exactly as :func:`read_postings` reads a file on disk.

    These go into a workbook: a posting with a text longer than :data:`MAX_POSTING_CHARS` is
    refused (:class:`DataError` naming it).
    """
    name = Path(filename or "upload").name
    return _within_limit(_parse_bytes(bytes(data), name, Path(name).suffix.casefold(), name), name)


def postings_from_text(text: str, *, source: str = "pasted text") -> pd.DataFrame:
    """Postings from text pasted into the workbook: one posting, or several separated by a line
    of ``---``.

    The first line of each posting is its title, unless the posting starts with labelled lines
    such as ``Title: …``, ``Company: …``, ``Location: …``, which fill those fields.

    Raises
    ------
    InputError
        The text is empty, longer than :data:`MAX_PASTE_CHARS`, or holds a posting longer than
        :data:`MAX_POSTING_CHARS`.
    """
    if not isinstance(text, str):
        raise InputError(f"postings text must be a string, got {type(text).__name__}")
    if not text.strip():
        raise InputError("The posting is empty: paste the text of a job posting first.")
    if len(text) > MAX_PASTE_CHARS:
        raise InputError(
            f"The {source} is {len(text):,} characters long; paste at most "
            f"{MAX_PASTE_CHARS:,} at a time (a long job posting is about 15,000). Was a whole "
            f"document or web page copied? Paste the job's description and requirements only."
        )
    frame = _from_text(text, source)
    frame.attrs.update(source=source, format="text", encoding="")
    return _within_limit(frame, source, InputError)


def postings_from_records(records: Any, *, source: str = "records") -> pd.DataFrame:
    """Postings from a DataFrame, a list of dicts, or a list of objects with ``title`` and
    ``description`` attributes (such as :class:`careerkit.skills.Posting`), normalised to the
    standard columns."""
    if isinstance(records, pd.DataFrame):
        frame = records
    else:
        rows = []
        for item in records:
            if isinstance(item, str):
                rows.append({"description": item})
            elif isinstance(item, dict):
                found = _find_columns(list(item))
                rows.append({f: item[c] for f, c in found.items()} if found else item)
            elif hasattr(item, "model_dump"):
                rows.append(item.model_dump())
            else:
                rows.append({c: getattr(item, c, "") for c in COLUMNS})
        frame = pd.DataFrame(rows)
    if frame.empty and not len(frame.columns):
        return _empty_frame(source)
    return _normalise(frame, source)


def _within_limit(
    frame: pd.DataFrame, name: str, error: type[CareerkitError] = DataError
) -> pd.DataFrame:
    """``frame``, unless one of its postings has a text too long to keep in a workbook."""
    for column in COLUMNS:
        if column not in frame:
            continue
        lengths = frame[column].str.len()
        if len(lengths) and lengths.max() > MAX_POSTING_CHARS:
            row = int(lengths.to_numpy().argmax())
            raise error(
                f"{name}: the {column} of posting {row + 1} is {int(lengths.iloc[row]):,} "
                f"characters long; a posting kept in the workbook has at most "
                f"{MAX_POSTING_CHARS:,} per field (a long job posting is about 15,000). Keep "
                f"the job's description and requirements only."
            )
    return frame


# --------------------------------------------------------------------------- reading


def _read_bytes(path: Path) -> bytes:
    """The one read of a postings file (tests count calls to make sure there is only one)."""
    return path.read_bytes()


def _parse_bytes(data: bytes, name: str, suffix: str, source: str) -> pd.DataFrame:
    if not data.strip():
        raise DataError(f"{name} is empty: there are no postings in it.")
    if data[:4] == b"PAR1" or suffix in _PARQUET_SUFFIXES:
        return _from_parquet(data, name, source)
    if data[:2] == b"PK":
        if suffix in _EXCEL_SUFFIXES:
            return _from_excel(data, name, source)
        raise DataError(
            f"{name} is a compressed (zip) file such as a Word document or archive, not postings. "
            "Save it as CSV, JSON or plain text, or paste the text into the workbook."
        )
    for magic, what in _BINARY_KINDS:
        if data.startswith(magic):
            raise DataError(f"{name} is {what}; it cannot be read as job postings.")
    text, encoding = _decode(data, name)
    fmt = _guess_format(text, suffix)
    if fmt == "json":
        frame = _from_json(text, name, source)
    elif fmt == "jsonl":
        frame = _from_jsonl(text, name, source)
    elif fmt == "table":
        frame = _from_table(text, name, source)
    else:
        frame = _from_text(text, source)
    frame.attrs.update(source=source, format=fmt, encoding=encoding)
    return frame


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """Bytes to text: UTF-16/UTF-8 by BOM, UTF-8, then the best of charset-normalizer's guesses."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise DataError(
                f"{name} starts like UTF-16 text but cannot be decoded as such."
            ) from None
    # NUL bytes do not occur in text in any single-byte encoding or in UTF-8.
    if b"\x00" in data[:8192]:
        raise DataError(
            f"{name} looks like a binary file (it contains NUL bytes), not text or a table of "
            "postings. Use CSV, JSON, JSON Lines, Parquet, Excel or plain text."
        )
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    else:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    encoding = _guess_encoding(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        # Latin-1 maps every byte, so this cannot fail; it is the last resort for Western text.
        encoding, text = "latin-1", data.decode("latin-1")
    if _control_share(text) > 0.05:
        raise DataError(
            f"{name} looks like a binary file (many control characters), not text or a table of "
            "postings. Use CSV, JSON, JSON Lines, Parquet, Excel or plain text."
        )
    return text, encoding


def _guess_encoding(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        return "cp1252"
    encoding = best.encoding
    # Guesses between near-identical Western code pages on short samples are noisy; cp1252 is
    # what spreadsheet programs on Windows write and covers Latin-1's printable range.
    if encoding in {"latin_1", "iso8859_15", "cp1250", "iso8859_2", "mac_roman"}:
        return "cp1252"
    return encoding


def _control_share(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return bad / len(sample)


def _guess_format(text: str, suffix: str) -> str:
    if suffix in _JSONL_SUFFIXES:
        return "jsonl"
    if suffix in _JSON_SUFFIXES:
        # Some tools write JSON Lines under .json; one object per line gives it away.
        return "jsonl" if _looks_like_jsonl(text) else "json"
    if suffix in _TABLE_SUFFIXES:
        return "table"
    head = text.lstrip()[:1]
    if head == "[":
        return "json"
    if head == "{":
        return "jsonl" if _looks_like_jsonl(text) else "json"
    if suffix in _TEXT_SUFFIXES and _looks_like_table(text):
        return "table"
    return "text" if suffix in _TEXT_SUFFIXES else "table"


def _looks_like_jsonl(text: str) -> bool:
    lines = [line for line in text.lstrip().splitlines()[:2] if line.strip()]
    if len(lines) < 2:
        return False
    try:
        return all(isinstance(_load(line), dict) for line in lines)
    except (json.JSONDecodeError, DataError):
        return False


def _looks_like_table(text: str) -> bool:
    """A .txt file is a table when its first line is a delimited header naming a description."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = _delimiter(first)
    if delimiter is None:
        return False
    names = {_key(n) for n in next(csv.reader([first], delimiter=delimiter), [])}
    return bool(names & set(COLUMN_NAMES["description"]))


def _delimiter(header: str) -> str | None:
    counts = {d: _count_outside_quotes(header, d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else None


def _count_outside_quotes(line: str, char: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == char and not quoted:
            count += 1
    return count


def _from_table(text: str, name: str, source: str) -> pd.DataFrame:
    text = text.lstrip("\ufeff")
    header = text.split("\n", 1)[0]
    delimiter = _delimiter(header) or ","
    _check_row_lengths(text, name, delimiter)
    try:
        with warnings.catch_warnings():
            # rows longer than the header hold only empty fields here (checked above)
            warnings.simplefilter("ignore", pd.errors.ParserWarning)
            frame = pd.read_csv(
                io.StringIO(text),
                sep=delimiter,
                dtype=str,
                keep_default_na=False,
                skip_blank_lines=True,
                index_col=False,  # a longer first row must not become an index (columns shift)
            )
    except pd.errors.EmptyDataError:
        raise DataError(f"{name} is empty: there are no postings in it.") from None
    except (pd.errors.ParserError, csv.Error, ValueError) as exc:
        raise DataError(
            f"{name} cannot be read as a {_delimiter_name(delimiter)}-separated table: "
            f"{_short(exc)}. Check that fields containing the separator or line breaks are "
            'enclosed in double quotes (").'
        ) from None
    # An index column written by pandas has an empty or "Unnamed: 0" header: drop it.
    frame = frame.loc[:, [c for c in frame.columns if c.strip() and not c.startswith("Unnamed:")]]
    return _normalise(frame, name)


def _check_row_lengths(text: str, name: str, delimiter: str) -> None:
    """Refuse a row with more (non-empty) fields than the header: pandas would shift its
    columns, putting one posting's text under another column's name."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        width = len(next(reader, []))
        for row in reader:
            if len(row) > width and any(cell.strip() for cell in row[width:]):
                raise DataError(
                    f"{name}, line {reader.line_num}: {len(row)} fields, but the header has "
                    f"{width}. Check that fields containing the separator "
                    f"({_delimiter_name(delimiter)}) are enclosed in double quotes (\")."
                )
    except csv.Error:
        return  # pandas reports malformed quoting with its own message


def _delimiter_name(delimiter: str) -> str:
    return {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}.get(delimiter, delimiter)


def _load(text: str, name: str = "the text") -> Any:
    """``json.loads``, refusing text nested too deep to read (a :class:`DataError`)."""
    if _json.depth(text.encode("utf-8")) > _json.MAX_DEPTH:
        raise DataError(
            f"{name} is not postings careerkit can read: its data is nested more than "
            f"{_json.MAX_DEPTH} levels deep."
        )
    return json.loads(text)


def _from_json(text: str, name: str, source: str) -> pd.DataFrame:
    try:
        data = _load(text, name)
    except json.JSONDecodeError as exc:
        raise DataError(
            f"{name} is not valid JSON: {_json.json_problem(exc)}."
        ) from None
    if isinstance(data, dict):
        for key in JSON_LIST_KEYS:
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            if any(_key(k) in COLUMN_NAMES["description"] for k in data):
                data = [data]
            else:
                raise DataError(
                    f"{name}: expected a list of postings, or an object with a "
                    f"{' / '.join(repr(k) for k in JSON_LIST_KEYS[:2])} list; found an object "
                    f"with keys {_names(list(data))}."
                )
    if not isinstance(data, list):
        raise DataError(f"{name}: expected a list of postings, found {type(data).__name__}.")
    bad = next((i for i, item in enumerate(data, 1) if not isinstance(item, dict)), None)
    if bad is not None:
        raise DataError(
            f"{name}: posting {bad} is {type(data[bad - 1]).__name__}, expected an object with "
            "title and description."
        )
    if not data:
        raise DataError(f"{name} holds an empty list: there are no postings in it.")
    return _normalise(pd.DataFrame(data), name)


def _from_jsonl(text: str, name: str, source: str) -> pd.DataFrame:
    rows = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = _load(line, f"{name}, line {lineno}")
        except json.JSONDecodeError as exc:
            raise DataError(
                f"{name}, line {lineno}: not valid JSON "
                f"({exc.msg.removesuffix(' at').removesuffix(' starting')}, column {exc.colno})."
            ) from None
        if not isinstance(item, dict):
            raise DataError(
                f"{name}, line {lineno}: expected an object with title and description, found "
                f"{type(item).__name__}."
            )
        rows.append(item)
    if not rows:
        raise DataError(f"{name} is empty: there are no postings in it.")
    return _normalise(pd.DataFrame(rows), name)


def _from_parquet(data: bytes, name: str, source: str) -> pd.DataFrame:
    try:
        frame = pd.read_parquet(io.BytesIO(data))
    except Exception as exc:  # pyarrow raises several unrelated types for a damaged file
        raise DataError(f"{name} cannot be read as Parquet: {_short(exc)}.") from None
    frame.attrs.clear()
    out = _normalise(frame, name)
    out.attrs.update(source=source, format="parquet", encoding="")
    return out


def _from_excel(data: bytes, name: str, source: str) -> pd.DataFrame:
    try:
        frame = pd.read_excel(io.BytesIO(data), dtype=str, keep_default_na=False)
    except Exception as exc:  # openpyxl raises several unrelated types for a damaged file
        raise DataError(f"{name} cannot be read as an Excel workbook: {_short(exc)}.") from None
    out = _normalise(frame, name)
    out.attrs.update(source=source, format="excel", encoding="")
    return out


def _from_text(text: str, source: str) -> pd.DataFrame:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    rows = []
    for block in _SEPARATOR.split(text):
        row = _posting_from_block(block)
        if row is not None:
            rows.append(row)
    if not rows:
        raise DataError(f"{source} has no posting text (only separators or blank lines).")
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame.attrs.update(source=source, columns={}, skipped_rows=[])
    return frame


def _posting_from_block(block: str) -> dict[str, str] | None:
    lines = block.strip("\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not any(line.strip() for line in lines):
        return None
    row = dict.fromkeys(COLUMNS, "")
    # Leading "Label: value" lines fill fields; the first other line is the title otherwise.
    while lines:
        match = _LABEL_LINE.match(lines[0])
        field = _TEXT_FIELD_LABELS.get(match.group(1).strip().casefold()) if match else None
        if not match or field is None or row[field]:
            break
        row[field] = match.group(2)
        lines.pop(0)
    body = "\n".join(lines).strip()
    if not row["title"]:
        first, _, rest = body.partition("\n")
        row["title"] = first.strip()
        body = rest.strip() or first.strip()
    row["description"] = body
    return row


# --------------------------------------------------------------------------- normalising


def _key(name: object) -> str:
    return re.sub(r"[\s\-.]+", "_", str(name).strip().casefold())


def _names(columns: list[Any]) -> str:
    shown = ", ".join(repr(str(c)) for c in columns[:20])
    return (
        shown + (f" … ({len(columns)} in all)" if len(columns) > 20 else "") if columns else "none"
    )


def _find_columns(columns: list[Any]) -> dict[str, Any]:
    keys: dict[str, Any] = {}
    for column in columns:
        keys.setdefault(_key(column), column)
    found: dict[str, Any] = {}
    used: set[Any] = set()
    # Description first: "text" must not be taken as anything else, and "name" may be a title.
    for field in ("description", "title", "company", "location", "date", "url"):
        for candidate in COLUMN_NAMES[field]:
            column = keys.get(candidate)
            if column is not None and column not in used:
                found[field] = column
                used.add(column)
                break
    return found


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN
        return ""
    if isinstance(value, (list, tuple)):
        return "\n".join(_cell_text(v) for v in value if _cell_text(v))
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


def _normalise(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    columns = list(frame.columns)
    found = _find_columns(columns)
    if frame.empty and "description" in found:
        raise DataError(f"{name} has column names but no rows: there are no postings in it.")
    if "description" not in found:
        raise DataError(
            f"{name}: no column with the posting text. Found columns: {_names(columns)}. "
            f"Expected one named {', '.join(COLUMN_NAMES['description'][:6])} or similar "
            "(and optionally title, company, location, date, url)."
        )
    out = pd.DataFrame(
        {
            field: (
                [_cell_text(v) for v in frame[found[field]].tolist()]
                if field in found
                else [""] * len(frame)
            )
            for field in COLUMNS
        },
        dtype=object,
    )
    empty = out["description"].str.len() == 0
    skipped = [int(i) + 1 for i in out.index[empty]]
    out = out[~empty].reset_index(drop=True)
    if out.empty:
        raise DataError(
            f"{name}: the description column {str(found['description'])!r} is empty in every row; "
            "there are no postings to read."
        )
    if "title" not in found:
        out["title"] = [d.strip().split("\n", 1)[0].strip()[:120] for d in out["description"]]
    out.attrs.update(
        source=name, columns={k: str(v) for k, v in found.items()}, skipped_rows=skipped
    )
    return out


def _empty_frame(source: str) -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype=str) for c in COLUMNS})
    frame.attrs.update(source=source, columns={}, skipped_rows=[])
    return frame


def _short(exc: Exception) -> str:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return message[:200]
