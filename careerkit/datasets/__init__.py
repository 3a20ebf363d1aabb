"""Bundled data: compact tables derived from O*NET by ``scripts/build_data.py``.

Tables (columns are a contract other modules rely on):

``occupations()``
    soc_code, title, job_zone (Int64, may be <NA>), R, I, A, S, E, C (O*NET occupational
    interest, 1–7), high_point_1..3 (letters, "" for none)
``occupation_ratings()``
    soc_code, element_id, element_name, kind ("skill" | "knowledge"), importance (IM 1–5),
    level (LV 0–7), not_relevant (bool), suppress (bool)
``technology()``
    soc_code, example, commodity_code, commodity_title, hot_technology (bool), in_demand (bool;
    pandas ``boolean`` with <NA> if built from a release without In Demand flags)
``work_values()``
    soc_code, achievement, working_conditions, recognition, relationships, support,
    independence (O*NET work-value extent, 1–7)
``elements()``
    element_id, element_name, kind: the skills and knowledge areas rated
``occupation_descriptions()``
    soc_code, description: only after ``careerkit data update`` (O*NET's sentences are not
    bundled); an empty frame otherwise

Where the tables come from: :func:`tables_dir` is the user data folder written by
``careerkit data update`` when one exists (``$CAREERKIT_DATA``, else ``$CAREERKIT_HOME/onet-data``,
else ``~/.local/share/careerkit``), otherwise the bundled copy in :func:`data_dir`. ``data_dir()``
itself always stays the bundled folder, because other bundled files (inventory, skill aliases,
sample postings, goal examples) live there and are not rebuilt by an update.

Every table is validated when first read (columns, codes, ranges, row count against
``provenance.json``); a damaged file gives a :class:`~careerkit.errors.DataError` naming it.
Frames are cached per file and returned as copies, so callers may modify them.

O*NET data: CC BY 4.0, USDOL/ETA; see ``data/README.md`` and :func:`credit`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Hashable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from careerkit import onet
from careerkit.errors import DataError

__all__ = [
    "NOT_FOR_SELECTION",
    "TABLES",
    "coverage",
    "coverage_summary",
    "credit",
    "data_dir",
    "data_source",
    "elements",
    "fit_bands",
    "level_anchors",
    "occupation_descriptions",
    "occupation_ratings",
    "occupations",
    "provenance",
    "rating_sources",
    "tables_dir",
    "technology",
    "user_data_dir",
    "work_values",
]

# the O*NET column names, as the release readers define them (lists: pandas column selections)
RIASEC = list(onet.RIASEC)
WORK_VALUES = list(onet.WORK_VALUES)
HIGH_POINTS = ["high_point_1", "high_point_2", "high_point_3"]
SOC_REGEX = r"\d{2}-\d{4}\.\d{2}"
PROVENANCE_FILE = "provenance.json"

TEXT = {
    "damaged": (
        "{path}: {problem}. The careerkit data table '{table}' is damaged; run "
        "`careerkit data update` with an O*NET release, or reinstall careerkit."
    ),
    "credit": (
        "This product includes information from the O*NET {release} Database by the U.S. "
        "Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the "
        "CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA."
    ),
    "modified": (
        "careerkit has modified all or some of this information. USDOL/ETA has not approved, "
        "endorsed, or tested these modifications."
    ),
    "releases_used": "Releases used: {releases}.",
    "release_parts": "O*NET {release}{date} for {parts}",
}

#: What each part of a build is, in words (for the credit's "Releases used" line).
PART_WORDS = {
    "interests": "interest profiles",
    "titles": "occupation titles",
    "job_zones": "Job Zones",
    "ratings": "skill and knowledge ratings",
    "ratings_fill": "ratings missing from the older release",
    "technology": "technology skills",
    "work_values": "work values",
    "related": "related occupations",
    "anchors": "level anchors",
}


#: The one statement, shown by the app, the report, every cohort export and the README, that
#: careerkit's results are for a person's own exploration, never for selecting people.
NOT_FOR_SELECTION = (
    "careerkit is for exploring careers and reflecting on them. Its interest scores, occupation "
    "fits, skills gaps and goals are not a test and were not built or checked for decisions "
    "about people: do not use them to select, hire, screen, admit, grade or rank anyone."
)


@dataclass(frozen=True)
class Table:
    """One bundled table: its file, columns (with CSV dtypes) and checks."""

    name: str
    file: str
    columns: dict[str, str]
    key: tuple[str, ...]
    ranges: tuple[tuple[str, float, float], ...] = ()


TABLES: dict[str, Table] = {
    "occupations": Table(
        "occupations",
        "occupations.csv",
        {
            "soc_code": "str",
            "title": "str",
            "job_zone": "Int64",
            **dict.fromkeys(RIASEC, "float64"),
            **dict.fromkeys(HIGH_POINTS, "str"),
        },
        key=("soc_code",),
        ranges=(*((c, 1, 7) for c in RIASEC), ("job_zone", 1, 5)),
    ),
    "occupation_ratings": Table(
        "occupation_ratings",
        "occupation_ratings.csv",
        {
            "soc_code": "str",
            "element_id": "str",
            "kind": "str",
            "importance": "float64",
            "level": "float64",
            "not_relevant": "int8",
            "suppress": "int8",
        },
        key=("soc_code", "element_id"),
        ranges=(("importance", 1, 5), ("level", 0, 7), ("not_relevant", 0, 1), ("suppress", 0, 1)),
    ),
    "elements": Table(
        "elements",
        "elements.csv",
        {"element_id": "str", "element_name": "str", "kind": "str"},
        key=("element_id",),
    ),
    "technology": Table(
        "technology",
        "technology.csv",
        {
            "soc_code": "str",
            "example": "str",
            "commodity_code": "str",
            "hot_technology": "int8",
            "in_demand": "Int8",
        },
        key=(),
        ranges=(("hot_technology", 0, 1), ("in_demand", 0, 1)),
    ),
    "commodities": Table(
        "commodities",
        "commodities.csv",
        {"commodity_code": "str", "commodity_title": "str"},
        key=("commodity_code",),
    ),
    "work_values": Table(
        "work_values",
        "work_values.csv",
        {"soc_code": "str", **dict.fromkeys(WORK_VALUES, "float64")},
        key=("soc_code",),
        ranges=tuple((c, 1, 7) for c in WORK_VALUES),
    ),
    "rating_sources": Table(
        "rating_sources",
        "rating_sources.csv",
        {
            "soc_code": "str",
            "source": "str",
            "source_soc_code": "str",
            "source_title": "str",
            "release": "str",
            "tier": "str",
            "index": "Int64",
        },
        key=("soc_code",),
    ),
    "level_anchors": Table(
        "level_anchors",
        "level_anchors.csv",
        {
            "element_id": "str",
            "anchor_value": "float64",
            "anchor_description": "str",
        },
        key=("element_id", "anchor_value"),
        ranges=(("anchor_value", 0, 7),),
    ),
    "descriptions": Table(
        "descriptions",
        "descriptions.csv",
        {"soc_code": "str", "description": "str"},
        key=("soc_code",),
    ),
}
#: Tables that must exist in any complete data folder (descriptions are optional).
REQUIRED = (
    "occupations",
    "occupation_ratings",
    "elements",
    "technology",
    "commodities",
    "work_values",
)


# --------------------------------------------------------------------------- where


def data_dir() -> Path:
    """Folder of the bundled files: ``careerkit/_data`` in a wheel, ``data/`` in a checkout."""
    packaged = Path(__file__).resolve().parents[1] / "_data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


def user_data_dir() -> Path:
    """Where ``careerkit data update`` writes: ``$CAREERKIT_DATA``, else
    ``$CAREERKIT_HOME/onet-data``, else ``$XDG_DATA_HOME/careerkit`` (``~/.local/share``)."""
    explicit = os.environ.get("CAREERKIT_DATA")
    if explicit:
        return Path(explicit).expanduser()
    home = os.environ.get("CAREERKIT_HOME")
    if home:
        return Path(home).expanduser() / "onet-data"
    xdg = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(xdg) / "careerkit"


def tables_dir() -> Path:
    """The folder the O*NET tables are read from: the user's updated copy if there is a complete
    one (it has ``provenance.json``), else the bundled tables."""
    user = user_data_dir()
    if (user / PROVENANCE_FILE).is_file():
        return user
    return data_dir()


def data_source() -> str:
    """``"user"`` when the tables come from ``careerkit data update``, else ``"bundled"``."""
    return "user" if tables_dir() != data_dir() else "bundled"


# --------------------------------------------------------------------------- reading


def _damaged(path: Path, table: str, problem: str) -> DataError:
    return DataError(TEXT["damaged"].format(path=path, table=table, problem=problem))


@cache
def _provenance(folder: str, stamp: int) -> dict:
    path = Path(folder) / PROVENANCE_FILE
    if not path.is_file():
        return {}
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise _damaged(path, "provenance", f"not readable JSON ({exc})") from exc
    if not isinstance(info, dict) or not isinstance(info.get("tables"), dict):
        raise _damaged(path, "provenance", "no 'tables' section")
    return info


def _stamp(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def provenance(folder: Path | None = None) -> dict:
    """Per table: file, release, date, rows and the O*NET source files it was built from.

    Returns the parsed ``provenance.json`` of :func:`tables_dir` (or ``folder``):
    ``{"built": ..., "tables": {name: {"file", "rows", "release", "date", "sources"}}, ...}``.
    """
    folder = Path(folder) if folder is not None else tables_dir()
    info = _provenance(str(folder), _stamp(folder / PROVENANCE_FILE))
    return json.loads(json.dumps(info))  # a deep copy: the cached one stays intact


def _check(frame: pd.DataFrame, table: Table, path: Path, expected_rows: int | None) -> None:
    if "soc_code" in frame.columns:
        bad = ~frame["soc_code"].str.fullmatch(SOC_REGEX).astype(bool)
        if bad.any():
            row = int(bad.to_numpy().argmax()) + 2
            raise _damaged(
                path,
                table.name,
                f"line {row}: {frame['soc_code'][bad].iloc[0]!r} is "
                "not an O*NET-SOC code (expected NN-NNNN.NN)",
            )
    for column, low, high in table.ranges:
        values = frame[column]
        outside = values.notna() & ((values < low) | (values > high))
        if outside.any():
            row = int(outside.to_numpy().argmax()) + 2
            raise _damaged(
                path,
                table.name,
                f"line {row}: {column} is {values[outside].iloc[0]}, expected {low:g} to {high:g}",
            )
    for column, kind in table.columns.items():
        if kind in ("int8", "Int8", "Int64"):
            values = frame[column]
            fractional = values.notna() & (values != values.round())
            if fractional.any():
                row = int(fractional.to_numpy().argmax()) + 2
                raise _damaged(
                    path,
                    table.name,
                    f"line {row}: {column} is "
                    f"{values[fractional].iloc[0]}, expected a whole number",
                )
    required = [c for c, kind in table.columns.items() if kind != "Int64" and c != "in_demand"]
    empty = frame[required].isna().any(axis=1)
    if empty.any():
        row = int(empty.to_numpy().argmax()) + 2
        raise _damaged(path, table.name, f"line {row}: an empty value")
    if table.key and frame.duplicated(list(table.key)).any():
        row = int(frame.duplicated(list(table.key)).to_numpy().argmax()) + 2
        raise _damaged(path, table.name, f"line {row}: a repeated {' + '.join(table.key)}")
    if expected_rows is not None and len(frame) != expected_rows:
        raise _damaged(
            path,
            table.name,
            f"{len(frame)} rows where provenance.json records "
            f"{expected_rows} (the file may be cut off)",
        )


@cache
def _read(folder: str, name: str, stamp: int) -> pd.DataFrame:
    table = TABLES[name]
    path = Path(folder) / table.file
    if not path.is_file():
        raise _damaged(path, name, "the file is missing")
    dtypes: dict[Hashable, str] = {
        c: ("str" if k == "str" else "float64") for c, k in table.columns.items()
    }
    try:
        frame = pd.read_csv(
            path,
            dtype=dtypes,
            keep_default_na=False,
            na_values={c: [""] for c, k in table.columns.items() if k != "str"},
        )
    except (ValueError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        problem = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise _damaged(path, name, f"not a readable CSV table ({problem})") from exc
    missing = [c for c in table.columns if c not in frame.columns]
    if missing:
        raise _damaged(
            path,
            name,
            f"missing column(s) {', '.join(missing)}; found {', '.join(map(str, frame.columns))}",
        )
    frame = frame[list(table.columns)]
    rows = provenance(Path(folder)).get("tables", {}).get(name, {}).get("rows")
    _check(frame, table, path, rows)
    for column, kind in table.columns.items():
        if kind in ("int8", "Int8", "Int64"):
            frame[column] = frame[column].astype(pd.api.types.pandas_dtype(kind))
    return frame


def _table(name: str, folder: Path | None = None) -> pd.DataFrame:
    folder = folder or tables_dir()
    return _read(str(folder), name, _stamp(folder / TABLES[name].file))


# --------------------------------------------------------------------------- public tables


def occupations() -> pd.DataFrame:
    """Occupations with O*NET interest profiles: soc_code, title, job_zone, R … C, high points."""
    return _table("occupations").copy()


def elements() -> pd.DataFrame:
    """Skills and knowledge areas rated by O*NET: element_id, element_name, kind."""
    return _table("elements").copy()


@cache
def _ratings(folder: str, stamps: tuple[int, int]) -> pd.DataFrame:
    path = Path(folder)
    ratings = _table("occupation_ratings", path)
    names = _table("elements", path)[["element_id", "element_name"]]
    out = ratings.merge(names, on="element_id", how="left")
    unknown = out["element_name"].isna()
    if unknown.any():
        raise _damaged(
            path / TABLES["elements"].file,
            "elements",
            f"no name for element {out.loc[unknown, 'element_id'].iloc[0]!r} used in "
            "occupation_ratings.csv",
        )
    out["not_relevant"] = out["not_relevant"].astype(bool)
    out["suppress"] = out["suppress"].astype(bool)
    return out[
        [
            "soc_code",
            "element_id",
            "element_name",
            "kind",
            "importance",
            "level",
            "not_relevant",
            "suppress",
        ]
    ]


def occupation_ratings() -> pd.DataFrame:
    """O*NET skills and knowledge per occupation: soc_code, element_id, element_name, kind,
    importance (IM 1–5), level (LV 0–7), not_relevant, suppress."""
    folder = tables_dir()
    stamps = (_stamp(folder / "occupation_ratings.csv"), _stamp(folder / "elements.csv"))
    return _ratings(str(folder), stamps).copy()


@cache
def _technology(folder: str, stamps: tuple[int, int]) -> pd.DataFrame:
    path = Path(folder)
    tech = _table("technology", path)
    titles = _table("commodities", path)
    out = tech.merge(titles, on="commodity_code", how="left")
    unknown = out["commodity_title"].isna()
    if unknown.any():
        raise _damaged(
            path / TABLES["commodities"].file,
            "commodities",
            f"no title for commodity {out.loc[unknown, 'commodity_code'].iloc[0]!r}",
        )
    out["hot_technology"] = out["hot_technology"].astype(bool)
    if out["in_demand"].isna().any():
        out["in_demand"] = out["in_demand"].astype("boolean")
    else:
        out["in_demand"] = out["in_demand"].astype(bool)
    return out[
        ["soc_code", "example", "commodity_code", "commodity_title", "hot_technology", "in_demand"]
    ]


def technology() -> pd.DataFrame:
    """O*NET technology skills: soc_code, example, commodity_code, commodity_title,
    hot_technology, in_demand."""
    folder = tables_dir()
    stamps = (_stamp(folder / "technology.csv"), _stamp(folder / "commodities.csv"))
    return _technology(str(folder), stamps).copy()


def _optional_table(name: str) -> pd.DataFrame:
    """A table a user's data folder built by an older careerkit may lack: read from the tables
    in use, else from the bundled copy."""
    folder = tables_dir()
    if not (folder / TABLES[name].file).is_file():
        folder = data_dir()
    return _table(name, folder).copy()


def rating_sources() -> pd.DataFrame:
    """Where the skill and knowledge ratings of occupations without their own come from: one
    row per such occupation — soc_code, source ("O*NET <release>" for a newer release that
    rates it, or "related occupation"), source_soc_code and source_title (whose ratings are
    used), release, and for a related occupation O*NET's relatedness tier and index."""
    return _optional_table("rating_sources")


def level_anchors() -> pd.DataFrame:
    """O*NET's level scale anchors for skills and knowledge: element_id, anchor_value (on the
    0–7 level scale), anchor_description (O*NET's example of work at that level)."""
    return _optional_table("level_anchors")


def work_values() -> pd.DataFrame:
    """O*NET work values (extent, 1–7) per occupation: soc_code + six values."""
    return _table("work_values").copy()


def occupation_descriptions() -> pd.DataFrame:
    """O*NET occupation descriptions (soc_code, description), present only after
    ``careerkit data update``; an empty frame with those columns otherwise."""
    folder = tables_dir()
    if not (folder / TABLES["descriptions"].file).is_file():
        return pd.DataFrame(
            {"soc_code": pd.Series(dtype="str"), "description": pd.Series(dtype="str")}
        )
    return _table("descriptions", folder).copy()


# --------------------------------------------------------------------------- fit bands

FIT_BANDS_FILE = "fit_bands.json"


@cache
def _fit_bands(path: str, stamp: int) -> dict:
    file = Path(path)
    try:
        info = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise _damaged(file, "fit_bands", f"not readable JSON ({exc})") from exc
    fit = info.get("fit") if isinstance(info, dict) else None
    spread = info.get("spread_units") if isinstance(info, dict) else None
    if (
        not isinstance(fit, dict)
        or not {"strong", "good", "some"} <= set(fit)
        or not isinstance(spread, dict)
        or not {"clear", "near_flat"} <= set(spread)
    ):
        raise _damaged(
            file,
            "fit_bands",
            "expected 'fit' with strong, good, some and 'spread_units' with clear, near_flat",
        )
    for name, value in [*fit.items(), *spread.items()]:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _damaged(file, "fit_bands", f"{name} is {value!r}, expected a number")
    if not fit["strong"] >= fit["good"] >= fit["some"] or not spread["clear"] > spread["near_flat"]:
        raise _damaged(file, "fit_bands", "the cut-offs are not in order")
    return info


def fit_bands() -> dict:
    """careerkit's fit-band cut-offs, derived from a null test by ``scripts/derive_fit_bands.py``
    and stored (with the settings and null quantiles behind them) in the bundled
    ``fit_bands.json``: ``fit`` (band → lower bound of r) and ``spread_units`` (profile
    confidence cut-offs). See ``docs/fit_bands.md``."""
    path = data_dir() / FIT_BANDS_FILE
    if not path.is_file():
        raise _damaged(path, "fit_bands", "the file is missing")
    return json.loads(json.dumps(_fit_bands(str(path), _stamp(path))))


# --------------------------------------------------------------------------- provenance, coverage


def _release_key(release: object) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in str(release).split("."))


def credit(folder: Path | None = None) -> str:
    """The O*NET credit for the tables in use, generated from ``provenance.json``: one sentence
    per release (the form O*NET asks for; see data/README.md), the notice that careerkit
    modified the data, and a line naming what each release supplies."""
    sources = [
        source
        for info in provenance(folder).get("tables", {}).values()
        for source in info.get("sources", [])
    ]
    releases = sorted({s["release"] for s in sources}, key=_release_key, reverse=True)
    lines = [TEXT["credit"].format(release=r) for r in releases]
    parts = []
    for release in releases:
        mine = [s for s in sources if s["release"] == release]
        words = list(dict.fromkeys(PART_WORDS.get(s["part"], s["part"]) for s in mine))
        date = next((s.get("date") for s in mine if s.get("date")), None)
        listed = ", ".join(words[:-1]) + f" and {words[-1]}" if len(words) > 1 else words[0]
        parts.append(
            TEXT["release_parts"].format(
                release=release, date=f" ({date})" if date else "", parts=listed
            )
        )
    used = [TEXT["releases_used"].format(releases="; ".join(parts))] if parts else []
    return "\n".join([*lines, TEXT["modified"], *used])


def coverage_frame(
    occupations: pd.DataFrame,
    ratings: pd.DataFrame,
    technology: pd.DataFrame,
    work_values: pd.DataFrame,
) -> pd.DataFrame:
    """Which tables hold data for each occupation with an interest profile."""
    out = occupations[["soc_code", "title"]].copy()
    out["job_zone"] = occupations["job_zone"].notna().to_numpy()
    kinds = ratings.groupby("kind")["soc_code"].agg(set)
    out["skills"] = out["soc_code"].isin(kinds.get("skill", set()))
    out["knowledge"] = out["soc_code"].isin(kinds.get("knowledge", set()))
    out["technology"] = out["soc_code"].isin(set(technology["soc_code"]))
    out["work_values"] = out["soc_code"].isin(set(work_values["soc_code"]))
    return out.reset_index(drop=True)


def coverage() -> pd.DataFrame:
    """Per occupation in :func:`occupations`: whether it has a Job Zone, skill ratings,
    knowledge ratings, technology skills and work values (bool columns job_zone, skills,
    knowledge, technology, work_values), so callers can say what is missing instead of failing."""
    folder = tables_dir()
    return coverage_frame(
        _table("occupations", folder),
        _table("occupation_ratings", folder),
        _table("technology", folder),
        _table("work_values", folder),
    )


def coverage_summary(frame: pd.DataFrame | None = None) -> dict[str, int]:
    """Counts from :func:`coverage`: occupations, and how many lack each kind of data."""
    frame = coverage() if frame is None else frame
    counts = {"occupations": len(frame)}
    for column in ("job_zone", "skills", "knowledge", "technology", "work_values"):
        counts[f"without_{column}"] = int((~frame[column]).sum())
    return counts
