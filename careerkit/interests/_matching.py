"""Ranking occupations by how well their O*NET interest profile fits a person's scores.

Fit is the Pearson correlation between the person's six RIASEC scores and the occupation's six
O*NET Occupational Interest (``OI``, 1–7) ratings — the profile-shape comparison the O*NET
Interest Profiler and CareerOneStop use to suggest occupations. Correlation ignores level and
scale, so a 0–40 inventory score and a 1–7 O*NET rating compare directly. It is computed for all
occupations at once (z-scored matrix times vector), and for a cohort as one matrix product.

Bands (strong, good, some, little) are careerkit's own and survive a null test: the r cut-offs
and the profile confidence that caps them come from the fit of random answers (see
``_bands`` and ``docs/fit_bands.md``).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from careerkit import datasets
from careerkit.errors import DataError, InputError
from careerkit.interests._bands import (
    BAND_ORDER,
    ProfileConfidence,
    band_cutoffs,
    band_labels,
    confidence_caps,
    profile_confidence,
)
from careerkit.interests._inventory import BUNDLED_ITEMS_PER_AREA
from careerkit.interests._scoring import InterestProfile, profile_from_scores
from careerkit.interests._text import (
    AND,
    BAND_LOW,
    BANDS_NOTE,
    FLAT_PROFILE,
    INCOMPLETE_PROFILE,
    NO_JOB_ZONES,
    RIASEC,
    TYPE_NAMES,
    WHY_NONE,
    WHY_SHARED,
    WHY_SHARED_ONE,
    WHY_TIED,
    ZONE_FILTER,
    ZONE_FIRST,
    ZONE_UNKNOWN,
)
from careerkit.interests._ties import HollandTies, holland_ties

__all__ = [
    "DEFAULT_BANDS",
    "FIXED_BANDS_BEFORE",
    "FlatProfileError",
    "fit_matrix",
    "match_many",
    "match_occupations",
    "occupations_from_release",
]

#: careerkit's own fit bands (lower bounds of Pearson r), strongest first. Not an O*NET standard:
#: derived from a null test by scripts/derive_fit_bands.py and stored in data/fit_bands.json.
DEFAULT_BANDS: dict[str, float] = band_cutoffs()
#: The fixed cut-offs used before the null test (kept to compare against, never applied).
FIXED_BANDS_BEFORE: dict[str, float] = {"strong": 0.70, "good": 0.50, "some": 0.30}

_COLUMNS = ["soc_code", "title", "job_zone", "fit", "band", "code", "why"]
_LETTERS = np.array(RIASEC)


class FlatProfileError(InputError):
    """The profile has no variance (all areas equal), so it cannot be correlated."""


@dataclass(frozen=True, eq=False)
class _Occupations:
    """Occupations prepared once for matching: z-scored OI rows and display columns."""

    soc_code: np.ndarray
    title: np.ndarray
    job_zone: pd.Series  # Int64, may be NA
    code: np.ndarray
    unit: np.ndarray  # (n, 6) centred rows scaled to unit length; NaN rows for flat profiles
    has_zones: bool
    source: str


def occupations_from_release(release: Any, job_zones: pd.DataFrame | None = None) -> pd.DataFrame:
    """An occupations frame for matching from an O*NET release (``careerkit.onet.load_release``).

    Joins the release's wide ``interests`` (R … C, high points) with its occupation titles and,
    when available, Job Zones — its own, those passed as ``job_zones`` (a frame with
    ``soc_code, job_zone``), or another release's via ``load_release(folder,
    job_zones_from=...)``. Without Job Zones the frame has no ``job_zone`` column, and
    :func:`match_occupations` says that no zone filter is possible.
    """
    interests = release.interests.copy()
    if release.has("occupations"):
        titles = release.occupations[["soc_code", "title"]]
        interests = interests.merge(titles, on="soc_code", how="left")
        interests["title"] = interests["title"].fillna(interests["soc_code"])
    else:
        interests["title"] = interests["soc_code"]
    zones = job_zones
    if zones is None and release.has("job_zones"):
        zones = release.job_zones
    if zones is not None:
        interests = interests.merge(zones[["soc_code", "job_zone"]], on="soc_code", how="left")
        interests["job_zone"] = interests["job_zone"].astype("Int64")
    interests.attrs["source"] = f"O*NET {release.release}"
    return interests


def _prepare(occupations: Any) -> _Occupations:
    if occupations is None:
        return _bundled()
    if not isinstance(occupations, pd.DataFrame):
        if hasattr(occupations, "interests") and hasattr(occupations, "has"):
            occupations = occupations_from_release(occupations)
        else:
            raise InputError(
                "occupations must be a DataFrame with soc_code, title, R … C (and optionally "
                f"job_zone), or an O*NET release from careerkit.onet.load_release; got "
                f"{type(occupations).__name__}."
            )
    return _prepare_frame(occupations, str(occupations.attrs.get("source", "your table")))


def _prepare_frame(frame: pd.DataFrame, source: str) -> _Occupations:
    missing = [c for c in ("soc_code", "title", *RIASEC) if c not in frame.columns]
    if missing:
        raise DataError(
            f"Occupations table ({source}) is missing column {', '.join(map(repr, missing))}; "
            "expected soc_code, title, R, I, A, S, E, C and optionally job_zone."
        )
    values = frame[list(RIASEC)].apply(pd.to_numeric, errors="coerce")
    bad = values.isna() & frame[list(RIASEC)].notna()
    if bad.to_numpy().any():
        row, col = np.argwhere(bad.to_numpy())[0]
        raise DataError(
            f"Occupations table ({source}), row {row + 1} ({frame['soc_code'].iloc[row]}): "
            f"{RIASEC[col]} is {frame[RIASEC[col]].iloc[row]!r}; expected an O*NET interest "
            "rating 1–7."
        )
    matrix = values.to_numpy(dtype=float)
    centred = matrix - matrix.mean(axis=1, keepdims=True)
    norms = np.linalg.norm(centred, axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        unit = np.where(norms > 1e-12, centred / norms, np.nan)
    has_zones = "job_zone" in frame.columns and frame["job_zone"].notna().any()
    zones = (
        frame["job_zone"].astype("Int64") if has_zones
        else pd.Series(pd.NA, index=frame.index, dtype="Int64")
    )
    return _Occupations(
        soc_code=frame["soc_code"].astype(str).to_numpy(),
        title=frame["title"].astype(str).to_numpy(),
        job_zone=zones.reset_index(drop=True),
        code=_codes(frame, matrix),
        unit=unit,
        has_zones=bool(has_zones),
        source=source,
    )


_BUNDLED: list[_Occupations] = []


def _bundled() -> _Occupations:
    # Prepared once per process: matching one profile then costs one matrix-vector product.
    if not _BUNDLED:
        frame = datasets.occupations()
        _BUNDLED.append(_prepare_frame(frame, "bundled O*NET occupations"))
    return _BUNDLED[0]


def _codes(frame: pd.DataFrame, matrix: np.ndarray) -> np.ndarray:
    """Each occupation's Holland code: O*NET's high points where given, else its top three."""
    order = np.argsort(-matrix, axis=1, kind="stable")[:, :3]
    computed = np.array(["".join(row) for row in _LETTERS[order]], dtype=object)
    hp = [c for c in ("high_point_1", "high_point_2", "high_point_3") if c in frame.columns]
    if not hp:
        return computed
    given = frame[hp].fillna("").astype(str).agg("".join, axis=1).to_numpy(dtype=object)
    return np.where(given != "", given, computed)


@dataclass(frozen=True)
class _Person:
    unit: np.ndarray
    code: str
    ties: HollandTies | None
    confidence: ProfileConfidence


def _person(
    profile: InterestProfile | Mapping[str, float],
    max_score: float | None,
    items_per_area: float | None,
) -> _Person:
    scores: Mapping[str, float | None]
    if isinstance(profile, InterestProfile):
        if not profile.complete:
            raise InputError(_incomplete_message(profile))
        scores = profile.scores
    elif isinstance(profile, Mapping):
        scores = profile
    else:
        raise InputError(
            f"Expected an InterestProfile or a mapping R … C → score; got {type(profile).__name__}."
        )
    vector: list[float] = []
    for letter in RIASEC:
        value = scores.get(letter)
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or math.isnan(value):
            raise InputError(f"Score for {TYPE_NAMES[letter]} ({letter}) is {value!r}; expected a "
                             "number for each of R, I, A, S, E, C.")
        vector.append(float(value))
    person = np.array(vector)
    centred = person - person.mean()
    norm = float(np.linalg.norm(centred))
    if norm <= 1e-12:
        raise FlatProfileError(FLAT_PROFILE.format(value=f"{person[0]:g}"))
    order = np.argsort(-person, kind="stable")[:3]
    if isinstance(profile, InterestProfile):
        ties = holland_ties(profile)
        confidence = profile_confidence(profile, max_score, items_per_area)
    else:
        top = max_score if max_score is not None else max(4.0 * BUNDLED_ITEMS_PER_AREA,
                                                          float(person.max()))
        ties = None
        confidence = profile_confidence(dict(zip(RIASEC, vector, strict=True)), top,
                                        items_per_area)
        # ties of a plain mapping: the same helper, through a profile of these scores
        if person.min() >= 0 and person.max() <= top:
            ties = holland_ties(profile_from_scores(dict(zip(RIASEC, vector, strict=True)), top))
    return _Person(centred / norm, "".join(_LETTERS[order]), ties, confidence)


def _incomplete_message(profile: InterestProfile) -> str:
    detail = "; ".join(
        f"{TYPE_NAMES[x]} ({profile.missing[x]} unanswered)" if x in profile.missing
        else TYPE_NAMES[x]
        for x in profile.incomplete
    )
    return INCOMPLETE_PROFILE.format(detail=detail)


def _check_bands(bands: Mapping[str, float] | None) -> list[tuple[str, float]]:
    chosen = DEFAULT_BANDS if bands is None else bands
    pairs = sorted(((str(k), float(v)) for k, v in chosen.items()), key=lambda kv: -kv[1])
    if not pairs or any(not -1.0 <= v <= 1.0 for _, v in pairs):
        raise InputError(f"Fit bands must map names to correlations between -1 and 1; got "
                         f"{dict(chosen)!r}.")
    return pairs


def _cap_index(cap: str) -> int:
    """A confidence cap as a position among the bands (custom bands are capped by position)."""
    return BAND_ORDER.index(cap)


def _zone_mask(prepared: _Occupations, job_zones: Iterable[int] | int | None,
               notes: list[str]) -> tuple[np.ndarray, str]:
    n = len(prepared.soc_code)
    if not prepared.has_zones:
        notes.append(NO_JOB_ZONES)
        return np.ones(n, dtype=bool), "unavailable"
    if job_zones is None:
        return np.ones(n, dtype=bool), "none"
    if isinstance(job_zones, (int, numbers.Integral)):
        job_zones = [int(job_zones)]
    zones = sorted({int(z) for z in job_zones})
    if not zones or any(z not in range(1, 6) for z in zones):
        raise InputError(f"Job Zones are whole numbers 1–5; got {list(job_zones)!r}.")
    known = prepared.job_zone.notna().to_numpy()
    mask = prepared.job_zone.isin(zones).fillna(False).to_numpy(dtype=bool)
    notes.append(ZONE_FILTER.format(zones=", ".join(map(str, zones))))
    if (~known).sum():
        notes.append(ZONE_UNKNOWN.format(count=int((~known).sum())))
    return mask, "applied"


def _why(person: _Person, occupation_code: str) -> str:
    possible = person.ties.top_three if person.ties else tuple(person.code[:3])
    certain = person.ties.certain if person.ties else tuple(person.code[:3])
    letters = [x for x in occupation_code if x in possible]
    shared = [TYPE_NAMES[x] for x in letters]
    if not shared:
        return WHY_NONE.format(area=TYPE_NAMES[occupation_code[0]]) if occupation_code else ""
    if len(shared) == 1:
        text = WHY_SHARED_ONE.format(area=shared[0])
    else:
        text = WHY_SHARED.format(areas=", ".join(shared[:-1]) + f" {AND} {shared[-1]}")
    tied = [TYPE_NAMES[x] for x in letters if x not in certain]
    if tied:
        text += WHY_TIED.format(areas=f" {AND} ".join(tied))
    return text


def _zone_bands(
    prepared: _Occupations, fit: np.ndarray, pairs: list[tuple[str, float]], cap: int
) -> dict[int, dict[str, int]]:
    """Per Job Zone (all zones, whatever the filter): how many occupations fall in each band,
    so a screen can offer the zone first, as O*NET does."""
    if not prepared.has_zones:
        return {}
    ok = ~np.isnan(fit)
    labels = band_labels(fit[ok], pairs, cap)
    zones = prepared.job_zone.to_numpy(dtype=float, na_value=np.nan)[ok]
    names = [name for name, _ in pairs] + [BAND_LOW]
    return {
        zone: {name: int(((zones == zone) & (labels == name)).sum()) for name in names}
        for zone in range(1, 6)
    }


def _bands_note(pairs: list[tuple[str, float]]) -> str:
    thresholds = ", ".join(f"{name} ≥ {value:.2f}" for name, value in pairs)
    return BANDS_NOTE.format(thresholds=thresholds + f", {BAND_LOW} below")


def match_occupations(
    profile: InterestProfile | Mapping[str, float],
    occupations: Any = None,
    job_zones: Iterable[int] | int | None = None,
    top: int | None = 20,
    bands: Mapping[str, float] | None = None,
    *,
    max_score: float | None = None,
    items_per_area: float | None = None,
) -> pd.DataFrame:
    """Occupations ranked by the fit of their interest profile to the person's.

    Parameters
    ----------
    profile : InterestProfile or mapping
        The person's six scores (any scale). Must be complete and not flat.
    occupations : DataFrame or OnetRelease, optional
        Any frame with ``soc_code, title, R … C`` (O*NET ``OI`` 1–7) and optionally
        ``job_zone`` and ``high_point_1..3``; or a release from ``careerkit.onet.load_release``
        (see :func:`occupations_from_release`). Default: the bundled O*NET occupations.
    job_zones : int or iterable of int, optional
        Keep only these Job Zones (1–5); ``None`` keeps all (and the notes suggest choosing a
        zone first, as O*NET does). Ignored, with a note, when the data have no Job Zones.
    top : int or None
        How many to return (``None``: all).
    bands : mapping, optional
        Band name → lower bound of r. Default :data:`DEFAULT_BANDS`, careerkit's own, derived
        from a null test (``docs/fit_bands.md``); below the lowest bound the band is
        ``"little"``. Whatever the bounds, the profile's confidence caps the band
        (:func:`careerkit.interests.profile_confidence`): only a clear profile can reach the
        first band, a moderate one the second, a near-flat one the third.
    max_score, items_per_area
        The scale of a mapping of scores, for the confidence (default 40 and 10, the bundled
        bank; a profile knows its own).

    Returns
    -------
    DataFrame
        ``soc_code, title, job_zone, fit`` (Pearson r, −1…1), ``band, code`` (the occupation's
        Holland code: O*NET high points, else its top three), ``why`` (one line; tied areas of
        the person are named as tied), best first. ``frame.attrs`` holds ``notes`` (what to tell
        the person: the bands are ours, the profile's confidence, the zone filter),
        ``bands``, ``confidence`` (the profile's level, cap, spread, words), ``suggestions``
        (things to try when the profile is near-flat), ``by_zone`` (Job Zone → band → number
        of occupations, over all zones, to choose a zone first), ``job_zone_filter``
        ("applied" | "none" | "unavailable"), ``person_code`` (tie-broken), ``person_codes``
        (every tied order) and ``source``.

    Raises
    ------
    FlatProfileError
        All six scores are equal: the message says why nothing can be ranked and what to do.
    InputError
        The profile is incomplete, or arguments are invalid.
    """
    person = _person(profile, max_score, items_per_area)
    pairs = _check_bands(bands)
    prepared = _prepare(occupations)
    notes: list[str] = []
    mask, zone_state = _zone_mask(prepared, job_zones, notes)
    fit = prepared.unit @ person.unit
    keep = np.flatnonzero(mask & ~np.isnan(fit))
    order = keep[np.argsort(-fit[keep], kind="stable")]
    if top is not None:
        if isinstance(top, bool) or not isinstance(top, numbers.Integral) or top < 1:
            raise InputError(f"top must be a positive whole number or None; got {top!r}.")
        order = order[: int(top)]
    codes = prepared.code[order]
    confidence = person.confidence
    result = pd.DataFrame(
        {
            "soc_code": prepared.soc_code[order],
            "title": prepared.title[order],
            "job_zone": prepared.job_zone.take(order).reset_index(drop=True),
            "fit": np.round(fit[order], 3),
            "band": band_labels(fit[order], pairs, _cap_index(confidence.cap)),
            "code": codes,
            "why": [_why(person, str(code)) for code in codes],
        },
        columns=_COLUMNS,
    )
    notes[:0] = [_bands_note(pairs), confidence.words, *confidence.notes]
    by_zone = _zone_bands(prepared, fit, pairs, _cap_index(confidence.cap))
    if zone_state == "none":
        notes.append(ZONE_FIRST)
    result.attrs.update(
        notes=notes,
        bands=dict(pairs),
        bands_are_ours=True,
        confidence={
            "level": confidence.level,
            "cap": confidence.cap,
            "spread": confidence.spread,
            "spread_units": confidence.spread_units,
            "elevation_low": confidence.elevation_low,
            "words": confidence.words,
        },
        suggestions=list(confidence.suggestions),
        by_zone=by_zone,
        job_zone_filter=zone_state,
        person_code=person.code,
        person_codes=list(person.ties.codes) if person.ties else [person.code],
        source=prepared.source,
        considered=int(mask.sum()),
    )
    return result


def _score_matrix(scores: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    missing = [c for c in RIASEC if c not in scores.columns]
    if missing:
        raise InputError(f"Scores table is missing column {', '.join(missing)}; expected the "
                         "six columns R, I, A, S, E, C, one row per person.")
    matrix = scores[list(RIASEC)].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
    bad = np.isnan(matrix) & scores[list(RIASEC)].notna().to_numpy()
    if bad.any():
        row, col = np.argwhere(bad)[0]
        raise InputError(f"Scores table, row {scores.index[row]!r}: {RIASEC[col]} is "
                         f"{scores[RIASEC[col]].iloc[row]!r}; expected a number.")
    centred = matrix - matrix.mean(axis=1, keepdims=True)
    norms = np.linalg.norm(centred, axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        unit = np.where(norms > 1e-12, centred / norms, np.nan)
    usable = np.asarray(~np.isnan(unit).any(axis=1))
    return unit, usable, matrix


def fit_matrix(scores: pd.DataFrame, occupations: Any = None) -> pd.DataFrame:
    """Pearson fit of every person (rows of ``scores``, columns R … C) with every occupation.

    Returns a people × ``soc_code`` frame; rows of flat or incomplete profiles are NaN.
    """
    unit, _, _ = _score_matrix(scores)
    prepared = _prepare(occupations)
    return pd.DataFrame(unit @ prepared.unit.T, index=scores.index, columns=prepared.soc_code)


def match_many(
    scores: pd.DataFrame,
    occupations: Any = None,
    job_zones: Iterable[int] | int | None = None,
    top: int = 5,
    bands: Mapping[str, float] | None = None,
    *,
    max_score: float = 4.0 * BUNDLED_ITEMS_PER_AREA,
    items_per_area: float = BUNDLED_ITEMS_PER_AREA,
) -> pd.DataFrame:
    """:func:`match_occupations` for a cohort, vectorised: the top ``top`` occupations per person.

    Parameters
    ----------
    scores : DataFrame
        One row per person (the index identifies them), columns R, I, A, S, E, C.
    occupations, job_zones, bands
        As for :func:`match_occupations`; each person's band is capped by their profile's
        confidence.
    max_score, items_per_area
        The scale of the scores (default: the bundled bank, 0–40 from ten items per area).
    top : int
        Occupations per person.

    Returns
    -------
    DataFrame
        Long format: ``person`` (the index value), ``rank`` (1 = best), ``soc_code, title,
        job_zone, fit, band, code``. People with a flat or incomplete profile get no rows and
        are listed in ``attrs["unmatched"]``; ``attrs`` also carries the notes and bands.
    """
    if isinstance(top, bool) or not isinstance(top, numbers.Integral) or top < 1:
        raise InputError(f"top must be a positive whole number; got {top!r}.")
    unit, usable, matrix = _score_matrix(scores)
    pairs = _check_bands(bands)
    prepared = _prepare(occupations)
    notes: list[str] = []
    mask, zone_state = _zone_mask(prepared, job_zones, notes)
    columns = np.flatnonzero(mask & ~np.isnan(prepared.unit).any(axis=1))
    people = np.flatnonzero(usable)
    fits = unit[people] @ prepared.unit[columns].T  # (people, occupations)
    k = min(int(top), len(columns))
    if k == 0 or len(people) == 0:
        best = np.empty((len(people), 0), dtype=int)
    else:
        part = np.argpartition(-fits, k - 1, axis=1)[:, :k]
        part_fit = np.take_along_axis(fits, part, axis=1)
        best = np.take_along_axis(part, np.argsort(-part_fit, axis=1, kind="stable"), axis=1)
    best_fit = np.take_along_axis(fits, best, axis=1).ravel()
    caps = np.repeat(confidence_caps(matrix[people], max_score, items_per_area), best.shape[1])
    occ = columns[best.ravel()]
    result = pd.DataFrame(
        {
            "person": np.repeat(scores.index.to_numpy()[people], best.shape[1]),
            "rank": np.tile(np.arange(1, best.shape[1] + 1), len(people)),
            "soc_code": prepared.soc_code[occ],
            "title": prepared.title[occ],
            "job_zone": prepared.job_zone.take(occ).reset_index(drop=True),
            "fit": np.round(best_fit, 3),
            "band": band_labels(best_fit, pairs, caps),
            "code": prepared.code[occ],
        }
    )
    notes.insert(0, _bands_note(pairs))
    result.attrs.update(
        notes=notes,
        bands=dict(pairs),
        bands_are_ours=True,
        job_zone_filter=zone_state,
        unmatched=list(scores.index[~usable]),
        source=prepared.source,
    )
    return result
