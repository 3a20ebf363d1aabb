"""Jobs like my last one: find a past occupation, its O*NET related occupations, and the skills
a move would carry over or add.

Sources: O*NET Related Occupations (each occupation's 20 closest, in three relatedness tiers:
Primary-Short 1–5, Primary-Long 6–10, Supplemental 11–20), bundled as
``data/related_occupations.csv`` by ``scripts/build_data.py``; O*NET skills and knowledge
ratings through :func:`careerkit.skills.occupation_requirements`. CC BY 4.0, USDOL/ETA.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pandas as pd

from careerkit import datasets
from careerkit._frames import table_rows
from careerkit.errors import DataError, InputError
from careerkit.occupations._text import (
    BAD_IMPORTANCE,
    BAD_TIER,
    NO_RELATED,
    NOT_RATED,
    PREFILLED,
    RELATED_SOURCE,
    STATUS_WORDS,
    TIER_WORDS,
    TIERS,
    UNKNOWN_OCCUPATION,
)
from careerkit.onet import read_table
from careerkit.skills import MIN_IMPORTANCE, find_roles, occupation_requirements

__all__ = [
    "RELATED_COLUMNS",
    "RELATED_FILE",
    "SKILL_COLUMNS",
    "ratings_from_past_job",
    "related_from_release",
    "related_occupations",
    "related_table",
    "search_occupations",
    "skill_overlap",
]

RELATED_FILE = "related_occupations.csv"
#: key in ``data/provenance.json`` for tables built beside the main ones (not by data update)
PROVENANCE_KEY = "other_tables"
TABLE_COLUMNS = ["soc_code", "related_soc_code", "tier", "index"]
RELATED_COLUMNS = ["soc_code", "title", "job_zone", "tier", "closeness", "index", "rated"]
SKILL_COLUMNS = [
    "element_id", "element_name", "kind", "status", "status_words", "past_importance",
    "past_level", "importance", "level", "level_change",
]
#: A shared item counts as "more" when the new job's level is this much higher (O*NET 0–7).
MORE_LEVEL = 1.0


def related_from_release(folder: str | Path) -> pd.DataFrame:
    """The compact related-occupations table from an O*NET release folder's
    ``Related Occupations`` file (text or Excel edition): ``soc_code, related_soc_code, tier,
    index`` sorted by code and index. Raises :class:`DataError` naming the file and line for a
    missing file or column, a bad code, tier or index."""
    folder = Path(folder)
    path = next(
        (folder / f"Related Occupations{s}" for s in (".txt", ".xlsx")
         if (folder / f"Related Occupations{s}").is_file()),
        folder / "Related Occupations.txt",
    )
    frame = read_table(
        path,
        {
            "O*NET-SOC Code": "soc_code",
            "Related O*NET-SOC Code": "related_soc_code",
            "Relatedness Tier": "tier",
            "Index": "index",
        },
    )
    pattern = datasets.SOC_REGEX
    for column in ("soc_code", "related_soc_code"):
        bad = ~frame[column].str.fullmatch(pattern)
        if bad.any():
            first = frame[bad].iloc[0]
            raise DataError(
                f"{path.name}, line {first['_line']}: {column} {first[column]!r} is not an "
                "O*NET-SOC code (NN-NNNN.NN)."
            )
    bad = ~frame["tier"].isin(TIERS)
    if bad.any():
        first = frame[bad].iloc[0]
        raise DataError(
            f"{path.name}, line {first['_line']}: Relatedness Tier {first['tier']!r}; expected "
            f"one of {', '.join(TIERS)}."
        )
    index = pd.to_numeric(frame["index"], errors="coerce")
    bad = index.isna() | (index != index.round()) | (index < 1)
    if bad.any():
        first = frame[bad].iloc[0]
        raise DataError(
            f"{path.name}, line {first['_line']}: Index {first['index']!r}; expected a whole "
            "number from 1."
        )
    frame["index"] = index.astype("int64")
    out = frame[TABLE_COLUMNS].sort_values(["soc_code", "index"], kind="stable")
    return out.reset_index(drop=True)


@cache
def _bundled(path: str, stamp: int) -> pd.DataFrame:
    file = Path(path)
    if not file.is_file():
        raise DataError(
            f"{file}: the bundled related-occupations table is missing; reinstall careerkit or "
            "run scripts/build_data.py."
        )
    try:
        frame = pd.read_csv(file, dtype=dict.fromkeys(TABLE_COLUMNS[:3], "str"))
    except (ValueError, pd.errors.ParserError) as exc:
        raise DataError(f"{file}: not a readable CSV table ({exc}).") from exc
    missing = [c for c in TABLE_COLUMNS if c not in frame.columns]
    if missing:
        raise DataError(f"{file}: missing column(s) {', '.join(missing)}.")
    info = datasets.provenance(file.parent).get(PROVENANCE_KEY, {}).get("related_occupations", {})
    rows = info.get("rows")
    if rows is not None and rows != len(frame):
        raise DataError(
            f"{file}: {len(frame)} rows where provenance.json records {rows} (the file may be "
            "cut off); reinstall careerkit or run scripts/build_data.py."
        )
    if not frame["tier"].isin(TIERS).all():
        raise DataError(f"{file}: a tier other than {', '.join(TIERS)}.")
    return frame[TABLE_COLUMNS]


def related_table() -> pd.DataFrame:
    """The bundled O*NET Related Occupations table: ``soc_code, related_soc_code, tier, index``.

    Always the bundled copy (``careerkit data update`` does not rebuild it); validated on first
    read against the row count in ``provenance.json``.
    """
    path = datasets.data_dir() / RELATED_FILE
    stamp = path.stat().st_mtime_ns if path.is_file() else 0
    return _bundled(str(path), stamp).copy()


def related_source() -> str:
    """One line naming the O*NET release the related occupations come from."""
    info = datasets.provenance(datasets.data_dir()).get(PROVENANCE_KEY, {})
    release = info.get("related_occupations", {}).get("release", "")
    return RELATED_SOURCE.format(release=release).replace("O*NET  ", "O*NET ")


def _title(soc_code: str, occupations: pd.DataFrame) -> str:
    code = str(soc_code).strip() if soc_code is not None else ""
    match = occupations.loc[occupations["soc_code"] == code, "title"]
    if match.empty:
        raise InputError(UNKNOWN_OCCUPATION.format(soc_code=soc_code))
    return str(match.iloc[0])


def search_occupations(query: str, limit: int = 20) -> pd.DataFrame:
    """Find a past or current occupation by (part of) its O*NET title or a tool named in it.

    The same search as the skills step's target role (:func:`careerkit.skills.find_roles`):
    ``soc_code, title, job_zone, rated, why``. O*NET's Alternate Titles file is not among the
    data careerkit bundles, so only O*NET's occupation titles and technology examples are
    searched.
    """
    return find_roles(query, limit=limit)


def _tiers(tiers: Iterable[str] | str | None) -> tuple[str, ...]:
    if tiers is None:
        return TIERS
    chosen = (tiers,) if isinstance(tiers, str) else tuple(tiers)
    out = []
    for tier in chosen:
        found = next((t for t in TIERS if t.casefold() == str(tier).strip().casefold()), None)
        if found is None:
            raise InputError(BAD_TIER.format(tier=tier, expected=", ".join(TIERS)))
        out.append(found)
    return tuple(out)


def related_occupations(
    soc_code: str, tiers: Iterable[str] | str | None = None
) -> pd.DataFrame:
    """Occupations O*NET lists as related to ``soc_code``, closest first.

    Parameters
    ----------
    soc_code : str
        The past or current occupation (O*NET-SOC code).
    tiers : str or iterable, optional
        Keep only these relatedness tiers (``"Primary-Short"``, ``"Primary-Long"``,
        ``"Supplemental"``); default all.

    Returns
    -------
    DataFrame
        ``soc_code, title, job_zone, tier, closeness`` (plain words for the tier), ``index``
        (O*NET's order, 1 = closest), ``rated`` (O*NET has skill ratings, so skills can be
        compared). ``attrs``: ``from_soc_code``, ``from_title``, ``source``, ``message`` (when
        O*NET lists none).

    Raises
    ------
    InputError
        Unknown code or tier.
    """
    occupations = datasets.occupations()
    title = _title(soc_code, occupations)
    code = str(soc_code).strip()
    chosen = _tiers(tiers)
    table = related_table()
    rows = table[(table["soc_code"] == code) & table["tier"].isin(chosen)]
    rated = set(datasets.occupation_ratings()["soc_code"])
    out = (
        rows.drop(columns="soc_code")
        .rename(columns={"related_soc_code": "soc_code"})
        .merge(occupations[["soc_code", "title", "job_zone"]], on="soc_code", how="left")
    )
    # A related code outside the bundled occupations keeps its code as the title.
    out["title"] = out["title"].fillna(out["soc_code"])
    out["closeness"] = out["tier"].map(TIER_WORDS)
    out["rated"] = out["soc_code"].isin(rated)
    out = out.sort_values("index", kind="stable")[RELATED_COLUMNS].reset_index(drop=True)
    out.attrs.update(
        from_soc_code=code,
        from_title=title,
        source=related_source(),
        message="" if len(out) else NO_RELATED.format(title=title, soc_code=code),
    )
    return out


def _need(soc_code: str, min_importance: float) -> pd.DataFrame:
    need = occupation_requirements(soc_code)
    if not need.attrs.get("rated", not need.empty):
        raise InputError(NOT_RATED.format(title=need.attrs.get("title", soc_code),
                                          soc_code=soc_code))
    return need


def _check_importance(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not 1 <= float(value) <= 5:
        raise InputError(BAD_IMPORTANCE.format(value=value))
    return float(value)


def skill_overlap(
    past_soc_code: str, new_soc_code: str, min_importance: float = MIN_IMPORTANCE
) -> pd.DataFrame:
    """What a move from a past occupation to another one carries over, and what it adds.

    Both sides are O*NET skills and knowledge (importance IM 1–5, level LV 0–7). Only items
    that matter in the new occupation (importance ≥ ``min_importance``, 3 by default — the same
    items the skills step asks the person to rate) are listed:

    * ``shared`` — important in the past occupation too, at a level the new one does not
      exceed by ``MORE_LEVEL`` (1 point on O*NET's 0–7 scale) or more;
    * ``more`` — important in both, but the new one needs a level at least 1 point higher;
    * ``new`` — not important (or not rated) in the past occupation.

    Returns
    -------
    DataFrame
        ``element_id, element_name, kind, status, status_words, past_importance, past_level,
        importance, level`` (the new occupation's), ``level_change`` (new − past level),
        ordered new → more → shared, then by importance. ``attrs``: ``past_title``,
        ``new_title``, ``counts`` ({"shared", "more", "new"}).

    Raises
    ------
    InputError
        Unknown code, an occupation O*NET has no skill ratings for, a bad ``min_importance``.
    """
    threshold = _check_importance(min_importance)
    past = _need(past_soc_code, threshold)
    new = _need(new_soc_code, threshold)
    wanted = new[new["importance"] >= threshold]
    had = past[["element_id", "importance", "level"]].rename(
        columns={"importance": "past_importance", "level": "past_level"}
    )
    out = wanted[["element_id", "element_name", "kind", "importance", "level"]].merge(
        had, on="element_id", how="left"
    )
    used = out["past_importance"].fillna(0) >= threshold
    out["level_change"] = (out["level"] - out["past_level"]).round(2)
    out["status"] = "new"
    out.loc[used, "status"] = "shared"
    out.loc[used & (out["level_change"] >= MORE_LEVEL), "status"] = "more"
    out["status_words"] = out["status"].map(STATUS_WORDS)
    order = {"new": 0, "more": 1, "shared": 2}
    out = out.sort_values(
        ["status", "importance", "level", "element_name"],
        key=lambda s: s.map(order) if s.name == "status" else s,
        ascending=[True, False, False, True],
        kind="stable",
    )
    out = out[SKILL_COLUMNS].reset_index(drop=True)
    counts = out["status"].value_counts()
    out.attrs.update(
        past_soc_code=str(past_soc_code).strip(),
        new_soc_code=str(new_soc_code).strip(),
        past_title=past.attrs.get("title", ""),
        new_title=new.attrs.get("title", ""),
        counts={s: int(counts.get(s, 0)) for s in ("shared", "more", "new")},
    )
    return out


def ratings_from_past_job(
    past_soc_code: str, new_soc_code: str, min_importance: float = MIN_IMPORTANCE
) -> dict[str, int]:
    """Starting self-ratings (1–5) for the new occupation's items, from the past occupation.

    For each item the skills step asks about for the new occupation (importance ≥
    ``min_importance``) that the past occupation also rates, the starting rating is O*NET's
    level for the past occupation mapped back onto the 1–5 scale, to the nearest whole number:
    ``round(level × 4 / 7 + 1)`` (the inverse of the gap's ``(rating − 1) × 7 / 4``). Items the
    past occupation did not need are left out, so the person rates them. A starting point only:
    the person changes what does not fit (``attrs["note"]`` says so).

    Returns ``{element_id: rating}`` — ready for ``wb.skills.ratings`` with the new occupation
    as ``wb.skills.target_soc_code``.
    """
    overlap = skill_overlap(past_soc_code, new_soc_code, min_importance)
    used = overlap[overlap["status"] != "new"]
    ratings = {
        str(row.element_id): int(min(5, max(1, round(float(row.past_level) * 4 / 7 + 1))))
        for row in table_rows(used)
    }
    return ratings


def prefill_note(past_title: str) -> str:
    """What to tell the person about ratings from :func:`ratings_from_past_job`."""
    return PREFILLED.format(title=past_title)
