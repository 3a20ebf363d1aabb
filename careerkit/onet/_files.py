"""Reading and checking one O*NET file (text or Excel edition).

Every error names the file (and the line, where there is one), what was found and what was
expected.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from careerkit.errors import DataError

__all__ = [
    "SOC_PATTERN",
    "check_soc",
    "flags",
    "no_duplicates",
    "numbers",
    "read_table",
    "where",
    "wide_profile",
]

SOC_PATTERN = re.compile(r"\d{2}-\d{4}\.\d{2}")
HIGH_POINT_NAMES = {"first": "high_point_1", "second": "high_point_2", "third": "high_point_3"}

# --------------------------------------------------------------------------- reading files


def where(path: Path, line: int | None = None) -> str:
    return f"{path.name}, line {line}" if line is not None else path.name


def _cell_text(value: object) -> str:
    """An Excel cell as the text edition would spell it (5.0 -> "5", None -> "")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _guess_delimiter(header: str) -> str | None:
    for char, name in ((",", "comma"), (";", "semicolon"), ("|", "pipe")):
        if char in header:
            return name
    return None


def _text_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    raw = path.read_bytes()
    if not raw.strip():
        raise DataError(f"{path.name} is empty: expected a tab-separated header row and data rows.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Releases before the switch to UTF-8 were Windows-1252/Latin-1 text.
        text = raw.decode("latin-1")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header = [name.strip() for name in lines[0].split("\t")]
    if len(header) == 1:
        found = _guess_delimiter(lines[0])
        looks = f"it looks {found}-separated" if found else "it has a single column"
        raise DataError(
            f"{path.name}: the header row has no tab characters ({looks}). O*NET text files are "
            "tab-separated; re-export it as tab-delimited text or use the official file."
        )
    width = len(header)
    rows: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue  # blank lines, including the one after a final newline
        fields = line.split("\t")
        if len(fields) != width:
            kind = "a short row" if len(fields) < width else "a row with extra fields"
            raise DataError(
                f"{where(path, number)}: {len(fields)} tab-separated fields where the header has "
                f"{width} ({kind}). Expected every row to have {width} fields; the file may be "
                "cut off or a cell may contain a tab."
            )
        rows.append((number, fields))
    return header, rows


def _excel_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    import openpyxl  # imported here: only Excel editions need it, and it is slow to import

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError, InvalidFileException, ...
        raise DataError(
            f"{path.name} is not a readable Excel workbook ({type(exc).__name__}): expected an "
            "O*NET Excel-edition .xlsx file."
        ) from exc
    try:
        sheet = book.worksheets[0]
        cells = sheet.iter_rows(values_only=True)
        first = next(cells, None)
        if first is None or all(value is None for value in first):
            raise DataError(f"{path.name} is empty: expected a header row and data rows.")
        header = [_cell_text(value) for value in first]
        while header and header[-1] == "":
            header.pop()
        width = len(header)
        rows: list[tuple[int, list[str]]] = []
        for number, values in enumerate(cells, start=2):
            texts = [_cell_text(value) for value in values]
            if not any(texts):
                continue
            if any(texts[width:]):
                raise DataError(
                    f"{where(path, number)}: a value beyond the last named column "
                    f"('{header[-1]}'). Expected {width} columns as in the header row."
                )
            texts = texts[:width] + [""] * (width - len(texts))
            rows.append((number, texts))
    finally:
        book.close()
    return header, rows


def read_table(
    path: Path | str,
    columns: dict[str, str],
    optional: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Read one O*NET file (``.txt`` or ``.xlsx``), keeping the named columns as text.

    Parameters
    ----------
    path
        The file.
    columns
        O*NET column name -> our column name; each must be present.
    optional
        Further columns kept when present (filled with "" when absent).

    Returns
    -------
    A frame of strings with the renamed columns plus ``_line`` (the row's line in the file,
    for error messages).
    """
    path = Path(path)
    optional = optional or {}
    if not path.is_file():
        raise DataError(f"{path} does not exist: expected an O*NET data file there.")
    if path.suffix.lower() == ".xlsx":
        header, rows = _excel_rows(path)
    else:
        header, rows = _text_rows(path)
    missing = [name for name in columns if name not in header]
    if missing:
        raise DataError(
            f"{path.name}: missing column(s) {', '.join(repr(m) for m in missing)}. "
            f"Found: {', '.join(repr(h) for h in header)}. Expected at least: "
            f"{', '.join(repr(c) for c in columns)}."
        )
    if not rows:
        raise DataError(f"{path.name} has a header row but no data rows.")
    wanted = {**columns, **{k: v for k, v in optional.items() if k in header}}
    data: dict[str, list] = {
        ours: [fields[header.index(theirs)] for _, fields in rows]
        for theirs, ours in wanted.items()
    }
    for ours in optional.values():
        data.setdefault(ours, [""] * len(rows))
    data["_line"] = [number for number, _ in rows]
    frame = pd.DataFrame(data)
    for column in frame.columns.drop("_line"):
        frame[column] = frame[column].str.strip()
    return frame


# --------------------------------------------------------------------------- checking values


def check_soc(frame: pd.DataFrame, path: Path) -> None:
    codes = frame["soc_code"]
    bad = ~codes.str.fullmatch(SOC_PATTERN.pattern).astype(bool)
    if bad.any():
        first = frame[bad].iloc[0]
        raise DataError(
            f"{where(path, first['_line'])}: {first['soc_code']!r} is not an O*NET-SOC code "
            f"({int(bad.sum())} such row(s)). Expected the pattern NN-NNNN.NN, e.g. 15-1252.00."
        )


def numbers(
    frame: pd.DataFrame,
    column: str,
    path: Path,
    label: str,
    low: float | None = None,
    high: float | None = None,
) -> pd.Series:
    values = pd.to_numeric(frame[column], errors="coerce")
    bad = values.isna()
    if bad.any():
        first = frame[bad].iloc[0]
        raise DataError(
            f"{where(path, first['_line'])}: {label} is {first[column]!r}, not a number "
            f"({int(bad.sum())} such row(s)). Expected a number."
        )
    if low is not None and high is not None:
        outside = (values < low) | (values > high)
        if outside.any():
            first = frame[outside].iloc[0]
            raise DataError(
                f"{where(path, first['_line'])}: {label} is {first[column]}, outside the scale. "
                f"Expected a value from {low:g} to {high:g}."
            )
    return values.astype(float)


def flags(frame: pd.DataFrame, column: str, path: Path, label: str) -> pd.Series:
    text = frame[column].str.upper()
    bad = ~text.isin(["Y", "N", ""])
    if bad.any():
        first = frame[bad].iloc[0]
        raise DataError(
            f"{where(path, first['_line'])}: {label} is {first[column]!r}. Expected Y, N or empty."
        )
    return text.eq("Y")


def no_duplicates(frame: pd.DataFrame, keys: list[str], path: Path, what: str) -> None:
    dup = frame.duplicated(keys, keep="first")
    if dup.any():
        first = frame[dup].iloc[0]
        key = ", ".join(str(first[k]) for k in keys)
        raise DataError(
            f"{where(path, first['_line'])}: a second {what} row for {key}. Expected one per "
            f"{' × '.join(keys)}."
        )


def _element_key(
    frame: pd.DataFrame, path: Path, by_id: dict[str, str], by_name: dict[str, str], what: str
) -> pd.Series:
    """Map element rows to our names by Element ID, else by Element Name."""
    key = frame["element_id"].map(by_id)
    names = (
        frame["element_name"].str.lower().str.replace(r"[^a-z]+", "_", regex=True).str.strip("_")
    )
    key = key.fillna(names.map(by_name))
    unknown = key.isna()
    if unknown.any():
        first = frame[unknown].iloc[0]
        raise DataError(
            f"{where(path, first['_line'])}: unknown {what} element {first['element_id']!r} "
            f"({first['element_name']!r}). Expected one of {', '.join(sorted(by_id))}."
        )
    return key


def _high_point_key(frame: pd.DataFrame, by_id: dict[str, str]) -> pd.Series:
    key = frame["element_id"].map(by_id)
    first_word = frame["element_name"].str.split().str[0].str.lower()
    return key.fillna(first_word.map(HIGH_POINT_NAMES))


def wide_profile(
    frame: pd.DataFrame,
    path: Path,
    *,
    level_scale: str,
    high_scale: str,
    ids: dict[str, str],
    names: dict[str, str],
    high_ids: dict[str, str],
    labels: tuple[str, ...],
    what: str,
) -> pd.DataFrame:
    """Pivot an Interests / Work Values file into one row per occupation."""
    check_soc(frame, path)
    levels = frame[frame["scale_id"] == level_scale].copy()
    if levels.empty:
        raise DataError(
            f"{path.name}: no {level_scale} rows. Expected the {what} ratings "
            f"(Scale ID {level_scale})."
        )
    levels["key"] = _element_key(levels, path, ids, names, what)
    levels["number"] = numbers(levels, "value", path, f"the {level_scale} value", 1, 7)
    no_duplicates(levels, ["soc_code", "key"], path, f"{level_scale} rating")
    wide = levels.pivot(index="soc_code", columns="key", values="number")
    wide = wide.reindex(columns=list(labels))
    incomplete = wide.isna().any(axis=1)
    if incomplete.any():
        code = wide.index[incomplete][0]
        have = int(wide.loc[code].notna().sum())
        raise DataError(
            f"{path.name}: occupation {code} has {have} of the {len(labels)} {level_scale} "
            f"ratings ({int(incomplete.sum())} occupation(s) incomplete). Expected all "
            f"{len(labels)}."
        )
    highs = frame[frame["scale_id"] == high_scale].copy()
    points = pd.DataFrame(index=wide.index, columns=list(HIGH_POINT_NAMES.values()), data="")
    if not highs.empty:
        highs["key"] = _high_point_key(highs, high_ids)
        highs = highs[highs["key"].notna()]
        number = numbers(highs, "value", path, f"the {high_scale} high point", 0, len(labels))
        if not number.eq(number.round()).all():
            first = highs[number.ne(number.round())].iloc[0]
            raise DataError(
                f"{where(path, first['_line'])}: high point {first['value']!r}. "
                f"Expected a whole number from 0 to {len(labels)}."
            )
        highs["label"] = number.astype(int).map(dict(enumerate(("", *labels))))
        no_duplicates(highs, ["soc_code", "key"], path, f"{high_scale} high-point")
        hp = highs.pivot(index="soc_code", columns="key", values="label")
        hp = hp.reindex(index=wide.index, columns=points.columns).fillna("")
        points = hp
    out = wide.join(points).reset_index()
    out.columns.name = None
    return out
