"""Readers for an O*NET database release (text and Excel editions).

``load_release(folder)`` returns an :class:`OnetRelease` whose frames load lazily, the first
time they are used: a release folder may hold only some of O*NET's files, and a missing file is
an error only when its frame is asked for.

Both official editions are read: the text edition (tab-separated ``.txt``, UTF-8, a header row)
and the Excel edition (``.xlsx``; it adds ``Title`` and ``Scale Name`` columns and stores numbers
as numbers). Columns are chosen by their O*NET names, so extra columns are ignored. File names of
releases before 30.3 and of 30.3 (``Interests`` / ``Career Interest Types``, ``Technology Skills``
/ ``Software Skills``, ``Skills`` / ``Essential Skills`` + ``Transferable Skills``) are accepted.

Scales and codes follow the O*NET data dictionary (https://www.onetcenter.org/dictionary/):
``OI`` occupational interest 1–7 and ``IH`` interest high points (0 = none, 1 = R … 6 = C);
``IM`` importance 1–5 and ``LV`` level 0–7 for skills and knowledge; ``EX`` work-value extent 1–7
and ``VH`` work-value high points (0 = none, 1–6 = the six values in element order).

O*NET data are licensed CC BY 4.0 by USDOL/ETA; see ``data/README.md`` for the credit.

Frames (snake_case columns; one row per occupation, or per occupation × element):

``occupations``
    soc_code, title, description
``interests`` (wide)
    soc_code, R, I, A, S, E, C (OI, 1–7), high_point_1..3 (letters, "" for none)
``job_zones``
    soc_code, job_zone (Int64, 1–5), date
``skills`` / ``knowledge`` (IM and LV side by side, one row per occupation × element)
    soc_code, element_id, element_name, importance (IM 1–5), level (LV 0–7),
    not_relevant (bool, from the LV row's ``Not Relevant = Y``), suppress (bool, ``Recommend
    Suppress = Y`` on either row); ``skills`` adds skill_group: "" for a ``Skills`` file,
    "essential" / "transferable" for the 30.3 split files
``technology``
    soc_code, example, commodity_code (str), commodity_title, hot_technology (bool),
    in_demand (pandas ``boolean``; <NA> when the release has no ``In Demand`` column, as 27.0)
``work_values`` (wide)
    soc_code, achievement, working_conditions, recognition, relationships, support,
    independence (EX, 1–7), high_point_1..3 (value names as above, "" for none)
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from careerkit.errors import DataError

__all__ = [
    "FRAMES",
    "RIASEC",
    "WORK_VALUES",
    "OnetRelease",
    "UnknownReleaseWarning",
    "load_release",
    "read_table",
]

RIASEC = ("R", "I", "A", "S", "E", "C")
WORK_VALUES = (
    "achievement",
    "working_conditions",
    "recognition",
    "relationships",
    "support",
    "independence",
)
SOC_PATTERN = re.compile(r"\d{2}-\d{4}\.\d{2}")

# O*NET content-model element IDs (data dictionary, "Interests" and "Work Values").
_INTEREST_IDS = dict(
    zip(("1.B.1.a", "1.B.1.b", "1.B.1.c", "1.B.1.d", "1.B.1.e", "1.B.1.f"), RIASEC, strict=True)
)
_INTEREST_NAMES = dict(
    zip(
        ("realistic", "investigative", "artistic", "social", "enterprising", "conventional"),
        RIASEC,
        strict=True,
    )
)
_INTEREST_HIGH_IDS = {
    "1.B.1.g": "high_point_1",
    "1.B.1.h": "high_point_2",
    "1.B.1.i": "high_point_3",
}
_VALUE_IDS = dict(
    zip(
        ("1.B.2.a", "1.B.2.b", "1.B.2.c", "1.B.2.d", "1.B.2.e", "1.B.2.f"), WORK_VALUES, strict=True
    )
)
_VALUE_HIGH_IDS = {"1.B.2.g": "high_point_1", "1.B.2.h": "high_point_2", "1.B.2.i": "high_point_3"}
_HIGH_POINT_NAMES = {"first": "high_point_1", "second": "high_point_2", "third": "high_point_3"}

# Frame name -> accepted file names (without extension), current names first where 30.3 renamed.
FRAMES: dict[str, tuple[str, ...]] = {
    "occupations": ("Occupation Data",),
    "interests": ("Interests", "Career Interest Types"),
    "job_zones": ("Job Zones",),
    "skills": ("Skills", "Essential Skills", "Transferable Skills"),
    "knowledge": ("Knowledge",),
    "technology": ("Technology Skills", "Software Skills"),
    "work_values": ("Work Values",),
}
_SKILL_GROUPS = {
    "skills": "",
    "essential skills": "essential",
    "transferable skills": "transferable",
}

# Release dates of the releases we have met, for folders without ``Read Me.txt`` (O*NET
# database release history, https://www.onetcenter.org/db_releases.html).
KNOWN_RELEASE_DATES = {
    "27.0": "August 2022",
    "29.2": "February 2025",
    "29.3": "May 2025",
    "30.1": "December 2025",
}

_SOC = "O*NET-SOC Code"
_RATING_COLUMNS = {
    _SOC: "soc_code",
    "Element ID": "element_id",
    "Element Name": "element_name",
    "Scale ID": "scale_id",
    "Data Value": "value",
}


class UnknownReleaseWarning(UserWarning):
    """The release number of an O*NET folder could not be found."""


# --------------------------------------------------------------------------- reading files


def _where(path: Path, line: int | None = None) -> str:
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
                f"{_where(path, number)}: {len(fields)} tab-separated fields where the header has "
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
                    f"{_where(path, number)}: a value beyond the last named column "
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


def _check_soc(frame: pd.DataFrame, path: Path) -> None:
    codes = frame["soc_code"]
    bad = ~codes.str.fullmatch(SOC_PATTERN.pattern).astype(bool)
    if bad.any():
        first = frame[bad].iloc[0]
        raise DataError(
            f"{_where(path, first['_line'])}: {first['soc_code']!r} is not an O*NET-SOC code "
            f"({int(bad.sum())} such row(s)). Expected the pattern NN-NNNN.NN, e.g. 15-1252.00."
        )


def _numbers(
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
            f"{_where(path, first['_line'])}: {label} is {first[column]!r}, not a number "
            f"({int(bad.sum())} such row(s)). Expected a number."
        )
    if low is not None and high is not None:
        outside = (values < low) | (values > high)
        if outside.any():
            first = frame[outside].iloc[0]
            raise DataError(
                f"{_where(path, first['_line'])}: {label} is {first[column]}, outside the scale. "
                f"Expected a value from {low:g} to {high:g}."
            )
    return values.astype(float)


def _flags(frame: pd.DataFrame, column: str, path: Path, label: str) -> pd.Series:
    text = frame[column].str.upper()
    bad = ~text.isin(["Y", "N", ""])
    if bad.any():
        first = frame[bad].iloc[0]
        raise DataError(
            f"{_where(path, first['_line'])}: {label} is {first[column]!r}. Expected Y, N or empty."
        )
    return text.eq("Y")


def _no_duplicates(frame: pd.DataFrame, keys: list[str], path: Path, what: str) -> None:
    dup = frame.duplicated(keys, keep="first")
    if dup.any():
        first = frame[dup].iloc[0]
        key = ", ".join(str(first[k]) for k in keys)
        raise DataError(
            f"{_where(path, first['_line'])}: a second {what} row for {key}. Expected one per "
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
            f"{_where(path, first['_line'])}: unknown {what} element {first['element_id']!r} "
            f"({first['element_name']!r}). Expected one of {', '.join(sorted(by_id))}."
        )
    return key


def _high_point_key(frame: pd.DataFrame, by_id: dict[str, str]) -> pd.Series:
    key = frame["element_id"].map(by_id)
    first_word = frame["element_name"].str.split().str[0].str.lower()
    return key.fillna(first_word.map(_HIGH_POINT_NAMES))


def _wide_profile(
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
    _check_soc(frame, path)
    levels = frame[frame["scale_id"] == level_scale].copy()
    if levels.empty:
        raise DataError(
            f"{path.name}: no {level_scale} rows. Expected the {what} ratings "
            f"(Scale ID {level_scale})."
        )
    levels["key"] = _element_key(levels, path, ids, names, what)
    levels["number"] = _numbers(levels, "value", path, f"the {level_scale} value", 1, 7)
    _no_duplicates(levels, ["soc_code", "key"], path, f"{level_scale} rating")
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
    points = pd.DataFrame(index=wide.index, columns=list(_HIGH_POINT_NAMES.values()), data="")
    if not highs.empty:
        highs["key"] = _high_point_key(highs, high_ids)
        highs = highs[highs["key"].notna()]
        number = _numbers(highs, "value", path, f"the {high_scale} high point", 0, len(labels))
        if not number.eq(number.round()).all():
            first = highs[number.ne(number.round())].iloc[0]
            raise DataError(
                f"{_where(path, first['_line'])}: high point {first['value']!r}. "
                f"Expected a whole number from 0 to {len(labels)}."
            )
        highs["label"] = number.astype(int).map(dict(enumerate(("", *labels))))
        _no_duplicates(highs, ["soc_code", "key"], path, f"{high_scale} high-point")
        hp = highs.pivot(index="soc_code", columns="key", values="label")
        hp = hp.reindex(index=wide.index, columns=points.columns).fillna("")
        points = hp
    out = wide.join(points).reset_index()
    out.columns.name = None
    return out


# --------------------------------------------------------------------------- the release


def _release_from_readme(text: str) -> tuple[str | None, str | None]:
    number = re.search(r"O\*NET\s+(\d+\.\d+)\s+Database", text)
    date = re.search(r"^\s*([A-Z][a-z]+ \d{4}) Release", text, re.MULTILINE)
    return (number.group(1) if number else None, date.group(1) if date else None)


def _release_from_name(name: str) -> str | None:
    match = re.search(r"(?<!\d)(\d{2})[._](\d)(?!\d)", name)
    return f"{match.group(1)}.{match.group(2)}" if match else None


@dataclass(frozen=True)
class _Source:
    """Where one frame comes from."""

    release: str
    date: str | None
    files: tuple[Path, ...] = field(default_factory=tuple)


class OnetRelease:
    """One O*NET release folder; frames are read on first use and then cached.

    Use :func:`load_release` to create one. Attributes: ``folder``, ``release`` (e.g. "30.1" or
    "unknown"), ``date`` (e.g. "December 2025" or None), ``edition`` ("text", "excel" or
    "mixed"), and the frames listed in this module's docstring.
    """

    def __init__(
        self,
        folder: Path,
        release: str,
        date: str | None,
        job_zones_from: OnetRelease | None = None,
    ) -> None:
        self.folder = folder
        self.release = release
        self.date = date
        self._job_zones_from = job_zones_from
        self._names = {p.name.lower(): p for p in folder.iterdir() if p.is_file()}

    def __repr__(self) -> str:
        jz = (
            f", job_zones_from={self._job_zones_from.release!r}"
            if self._job_zones_from is not None
            else ""
        )
        return f"OnetRelease({self.release!r}, folder={str(self.folder)!r}{jz})"

    # -- files

    def _find(self, stem: str) -> Path | None:
        for suffix in (".txt", ".xlsx"):  # the text edition is much faster to read
            path = self._names.get(f"{stem}{suffix}".lower())
            if path is not None:
                return path
        return None

    def files(self, frame: str) -> tuple[Path, ...]:
        """The file(s) a frame is read from; empty when the release lacks them."""
        if frame == "job_zones" and self._job_zones_from is not None:
            return self._job_zones_from.files(frame)
        if frame not in FRAMES:
            raise KeyError(f"unknown frame {frame!r}; expected one of {', '.join(FRAMES)}")
        if frame == "skills":
            single = self._find("Skills")
            if single is not None:
                return (single,)
            return tuple(p for s in FRAMES[frame][1:] if (p := self._find(s)) is not None)
        for stem in FRAMES[frame]:
            path = self._find(stem)
            if path is not None:
                return (path,)
        return ()

    def has(self, frame: str) -> bool:
        """Whether the release holds the file(s) for ``frame``."""
        return bool(self.files(frame))

    def _require(self, frame: str) -> tuple[Path, ...]:
        paths = self.files(frame)
        if not paths:
            names = " or ".join(f"'{s}.txt'/'{s}.xlsx'" for s in FRAMES[frame])
            raise DataError(
                f"O*NET {self.release} folder {self.folder} has no {names}: needed for "
                f"{frame.replace('_', ' ')}. Use a release folder that contains it."
            )
        return paths

    def source(self, frame: str) -> dict[str, object]:
        """Provenance of one frame: release, date and file names."""
        owner = self._job_zones_from if (frame == "job_zones" and self._job_zones_from) else self
        return {
            "release": owner.release,
            "date": owner.date,
            "files": [p.name for p in owner.files(frame)],
            "folder": owner.folder.name,
        }

    @property
    def edition(self) -> str:
        kinds = {
            p.suffix.lower()
            for p in self._names.values()
            if p.suffix.lower() in (".txt", ".xlsx") and p.stem.lower() != "read me"
        }
        if kinds == {".xlsx"}:
            return "excel"
        return "mixed" if len(kinds) > 1 else "text"

    # -- frames

    @cached_property
    def occupations(self) -> pd.DataFrame:
        (path,) = self._require("occupations")
        frame = read_table(
            path, {_SOC: "soc_code", "Title": "title"}, {"Description": "description"}
        )
        _check_soc(frame, path)
        _no_duplicates(frame, ["soc_code"], path, "occupation")
        return frame.drop(columns="_line").reset_index(drop=True)

    @cached_property
    def interests(self) -> pd.DataFrame:
        (path,) = self._require("interests")
        frame = read_table(path, _RATING_COLUMNS)
        return _wide_profile(
            frame,
            path,
            level_scale="OI",
            high_scale="IH",
            ids=_INTEREST_IDS,
            names=_INTEREST_NAMES,
            high_ids=_INTEREST_HIGH_IDS,
            labels=RIASEC,
            what="interest",
        )

    @cached_property
    def job_zones(self) -> pd.DataFrame:
        if self._job_zones_from is not None:
            return self._job_zones_from.job_zones
        (path,) = self._require("job_zones")
        frame = read_table(path, {_SOC: "soc_code", "Job Zone": "job_zone"}, {"Date": "date"})
        _check_soc(frame, path)
        zone = _numbers(frame, "job_zone", path, "the Job Zone", 1, 5)
        if not zone.eq(zone.round()).all():
            first = frame[zone.ne(zone.round())].iloc[0]
            raise DataError(
                f"{_where(path, first['_line'])}: Job Zone {first['job_zone']!r}. "
                "Expected a whole number from 1 to 5."
            )
        frame["job_zone"] = zone.astype("Int64")
        _no_duplicates(frame, ["soc_code"], path, "Job Zone")
        return frame.drop(columns="_line").reset_index(drop=True)

    def _ratings(self, frame_name: str) -> pd.DataFrame:
        parts = []
        for path in self._require(frame_name):
            frame = read_table(
                path,
                _RATING_COLUMNS,
                {"Recommend Suppress": "suppress", "Not Relevant": "not_relevant"},
            )
            _check_soc(frame, path)
            frame = frame[frame["scale_id"].isin(["IM", "LV"])].copy()
            if frame.empty:
                raise DataError(
                    f"{path.name}: no IM or LV rows. Expected importance (IM) and "
                    "level (LV) ratings."
                )
            frame["value"] = _numbers(frame, "value", path, "the Data Value", 0, 7)
            frame["suppress"] = _flags(frame, "suppress", path, "Recommend Suppress")
            frame["not_relevant"] = _flags(frame, "not_relevant", path, "Not Relevant")
            _no_duplicates(frame, ["soc_code", "element_id", "scale_id"], path, "rating")
            im = frame[frame["scale_id"] == "IM"].set_index(["soc_code", "element_id"])
            lv = frame[frame["scale_id"] == "LV"].set_index(["soc_code", "element_id"])
            if (im["value"] < 1).any() or (im["value"] > 5).any():
                line = im.loc[(im["value"] < 1) | (im["value"] > 5), "_line"].iloc[0]
                raise DataError(
                    f"{_where(path, line)}: an importance (IM) value outside the "
                    "scale. Expected a value from 1 to 5."
                )
            both = im[["element_name", "value", "suppress"]].join(
                lv[["element_name", "value", "suppress", "not_relevant"]],
                how="outer",
                suffixes=("_im", "_lv"),
            )
            out = pd.DataFrame(
                {
                    "element_name": both["element_name_im"].fillna(both["element_name_lv"]),
                    "importance": both["value_im"],
                    "level": both["value_lv"],
                    "not_relevant": both["not_relevant"].fillna(False).astype(bool),
                    "suppress": (
                        both["suppress_im"].fillna(False).astype(bool)
                        | both["suppress_lv"].fillna(False).astype(bool)
                    ),
                }
            ).reset_index()
            if frame_name == "skills":
                out["skill_group"] = _SKILL_GROUPS.get(path.stem.lower(), "")
            parts.append(out)
        return pd.concat(parts, ignore_index=True)

    @cached_property
    def skills(self) -> pd.DataFrame:
        return self._ratings("skills")

    @cached_property
    def knowledge(self) -> pd.DataFrame:
        return self._ratings("knowledge")

    @cached_property
    def technology(self) -> pd.DataFrame:
        (path,) = self._require("technology")
        frame = read_table(
            path,
            {
                _SOC: "soc_code",
                "Example": "example",
                "Commodity Code": "commodity_code",
                "Commodity Title": "commodity_title",
                "Hot Technology": "hot_technology",
            },
            {"In Demand": "in_demand"},
        )
        _check_soc(frame, path)
        frame["hot_technology"] = _flags(frame, "hot_technology", path, "Hot Technology")
        if frame["in_demand"].eq("").all():
            # Releases before In Demand existed (27.0): unknown, not "no".
            frame["in_demand"] = pd.array([pd.NA] * len(frame), dtype="boolean")
        else:
            frame["in_demand"] = _flags(frame, "in_demand", path, "In Demand").astype("boolean")
        return frame.drop(columns="_line").reset_index(drop=True)

    @cached_property
    def work_values(self) -> pd.DataFrame:
        (path,) = self._require("work_values")
        frame = read_table(path, _RATING_COLUMNS)
        return _wide_profile(
            frame,
            path,
            level_scale="EX",
            high_scale="VH",
            ids=_VALUE_IDS,
            names={v: v for v in WORK_VALUES},
            high_ids=_VALUE_HIGH_IDS,
            labels=WORK_VALUES,
            what="work value",
        )


def load_release(
    folder: Path | str, *, job_zones_from: Path | str | OnetRelease | None = None
) -> OnetRelease:
    """Open an O*NET release folder (text or Excel edition, any release from 27.0 on).

    Parameters
    ----------
    folder
        A folder of O*NET files, e.g. ``db_30_1_text`` from the official zip.
    job_zones_from
        Another release folder (or :class:`OnetRelease`) to take ``job_zones`` from, for a
        release whose Job Zones are missing or older/newer than wanted (careerkit matches 30.1
        interests with 29.3 Job Zones). ``.source("job_zones")`` then names that release.

    Returns
    -------
    OnetRelease
        Frames are read lazily; ``release`` comes from ``Read Me.txt``, else the folder name
        (``db_30_1_text`` -> "30.1"), else "unknown" with an :class:`UnknownReleaseWarning`.

    Examples
    --------
    >>> release = load_release("../shared/data/onet/db_30_1_text")  # doctest: +SKIP
    >>> release.interests.loc[0, ["soc_code", "R"]].tolist()       # doctest: +SKIP
    ['11-1011.00', 1.3]
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise DataError(
            f"{folder} is not a folder: expected an O*NET release folder "
            "(e.g. db_30_1_text from the O*NET database zip)."
        )
    readme = next(
        (p for p in folder.iterdir() if p.name.lower() in ("read me.txt", "readme.txt")), None
    )
    release = date = None
    if readme is not None:
        release, date = _release_from_readme(readme.read_text(encoding="utf-8", errors="replace"))
    if release is None:
        release = _release_from_name(folder.name)
    if release is None:
        warnings.warn(
            f"could not tell which O*NET release {folder} is (no 'Read Me.txt' and no number "
            "such as 30_1 in the folder name); reporting it as 'unknown'.",
            UnknownReleaseWarning,
            stacklevel=2,
        )
        release = "unknown"
    if date is None:
        date = KNOWN_RELEASE_DATES.get(release)
    other = None
    if job_zones_from is not None:
        other = (
            job_zones_from
            if isinstance(job_zones_from, OnetRelease)
            else load_release(job_zones_from)
        )
    return OnetRelease(folder, release, date, job_zones_from=other)
