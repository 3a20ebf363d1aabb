"""Value fit per occupation, and matches that combine interest fit with value fit.

Value fit is the Pearson correlation between the person's six value scores and the
occupation's six O*NET Work Values extents (EX, 1–7; ``careerkit.datasets.work_values``) — the
same kind of profile comparison the interest fit uses, so the two can be weighed on one scale.
The weighing is careerkit's own choice, shown with every result and adjustable.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from careerkit import datasets
from careerkit.errors import InputError
from careerkit.interests import InterestProfile, match_occupations
from careerkit.values._profile import DEFAULT_VALUES_WEIGHT, ValueProfile, value_profile
from careerkit.values._text import (
    BAD_WEIGHT,
    DEFAULT_WEIGHT_REASON,
    FLAT_VALUES,
    NO_VALUE_DATA,
    VALUE_FIT_NOTE,
    VALUE_NAMES,
    VALUE_WHY,
    VALUE_WHY_ITEM,
    VALUES,
    WEIGHTS_NOTE,
)

__all__ = ["FlatValuesError", "check_weight", "match_with_values", "value_fit"]

VALUE_FIT_COLUMNS = ["soc_code", "title", "job_zone", "value_fit", "value_why", *VALUES]
MATCH_COLUMNS = [
    "soc_code", "title", "job_zone", "interest_fit", "value_fit", "combined", "band", "code",
    "why", "value_why",
]


class FlatValuesError(InputError):
    """Every value has the same score: occupations cannot be ranked by values."""


def _profile(values: ValueProfile | Any) -> ValueProfile:
    profile = values if isinstance(values, ValueProfile) else value_profile(values)
    if profile.flat:
        raise FlatValuesError(FLAT_VALUES.format(value=f"{profile.scores[VALUES[0]]:g}"))
    return profile


def check_weight(values_weight: object) -> float:
    """``values_weight`` as a float in 0–1, else :class:`InputError`."""
    if isinstance(values_weight, bool) or not isinstance(values_weight, numbers.Real):
        raise InputError(BAD_WEIGHT.format(weight=values_weight))
    weight = float(values_weight)
    if not 0.0 <= weight <= 1.0:
        raise InputError(BAD_WEIGHT.format(weight=values_weight))
    return weight


def _why(profile: ValueProfile, extents: np.ndarray) -> list[str]:
    top = profile.top_three()[:3]
    index = [VALUES.index(k) for k in top]
    out = []
    for row in extents:
        items = ", ".join(
            VALUE_WHY_ITEM.format(name=VALUE_NAMES[k], extent=row[i])
            for k, i in zip(top, index, strict=True)
        )
        out.append(VALUE_WHY.format(items=items))
    return out


def value_fit(
    values: ValueProfile | Any, work_values: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Every occupation with O*NET work values, ranked by how well it fits the person's values.

    Parameters
    ----------
    values : ValueProfile, ValuesAnswers, ratings mapping or ranking
        Anything :func:`~careerkit.values.value_profile` accepts.
    work_values : DataFrame, optional
        ``soc_code`` + the six value columns (O*NET extent 1–7). Default: the bundled O*NET
        Work Values (:func:`careerkit.datasets.work_values`).

    Returns
    -------
    DataFrame
        ``soc_code, title, job_zone, value_fit`` (Pearson r, −1…1), ``value_why`` (the person's
        top values and how much of each the occupation offers) and the six extents; best first.
        ``attrs["notes"]`` says what value fit is.

    Raises
    ------
    FlatValuesError
        All six values have the same score.
    InputError
        Incomplete or invalid answers.
    """
    profile = _profile(values)
    table = datasets.work_values() if work_values is None else work_values
    missing = [c for c in ("soc_code", *VALUES) if c not in table.columns]
    if missing:
        raise InputError(f"work_values has no column(s) {', '.join(missing)}.")
    person = np.array([profile.scores[k] for k in VALUES], dtype=float)
    person = (person - person.mean()) / np.linalg.norm(person - person.mean())
    extents = table[list(VALUES)].to_numpy(dtype=float)
    centred = extents - extents.mean(axis=1, keepdims=True)
    norms = np.linalg.norm(centred, axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        fit = (centred @ person) / norms
    names = datasets.occupations()[["soc_code", "title", "job_zone"]]
    out = table[["soc_code", *VALUES]].reset_index(drop=True).assign(value_fit=np.round(fit, 3))
    out = out.merge(names, on="soc_code", how="left")
    out = out[out["value_fit"].notna()]
    out["value_why"] = _why(profile, out[list(VALUES)].to_numpy(dtype=float))
    out = out.sort_values(["value_fit", "soc_code"], ascending=[False, True], kind="stable")
    out = out[VALUE_FIT_COLUMNS].reset_index(drop=True)
    out.attrs["notes"] = [VALUE_FIT_NOTE]
    return out


def match_with_values(
    interests: InterestProfile | Mapping[str, float],
    values: ValueProfile | Any,
    values_weight: float = DEFAULT_VALUES_WEIGHT,
    job_zones: Iterable[int] | int | None = None,
    top: int | None = 20,
) -> pd.DataFrame:
    """Occupations ranked by interest fit and value fit combined, with both parts shown.

    ``combined = (1 − values_weight) × interest_fit + values_weight × value_fit``. Interest fit
    comes from :func:`careerkit.interests.match_occupations` (Pearson r with O*NET's interest
    profile), value fit from :func:`value_fit` (Pearson r with O*NET's work-value extents).
    The default weight (0.4 for values) is careerkit's choice, not a standard; the notes say so.

    Parameters
    ----------
    interests : InterestProfile or mapping
        The person's six RIASEC scores (complete, not flat).
    values : ValueProfile, ValuesAnswers, ratings mapping or ranking
        The person's work values (not all equal).
    values_weight : float
        0 (interests only) … 1 (values only).
    job_zones : int or iterable of int, optional
        Keep only these Job Zones (as in ``match_occupations``).
    top : int or None
        How many rows (``None``: all).

    Returns
    -------
    DataFrame
        ``soc_code, title, job_zone, interest_fit, value_fit, combined, band`` (the interest
        band), ``code`` (the occupation's Holland code), ``why`` (interest reason),
        ``value_why``; best combined fit first. Occupations without O*NET work values are left
        out (the notes count them). ``attrs``: ``weights`` ({"interests": …, "values": …}),
        ``notes``.

    Raises
    ------
    FlatProfileError, FlatValuesError, InputError
        As the two fits raise them; a weight outside 0–1.
    """
    weight = check_weight(values_weight)
    if top is not None and (isinstance(top, bool) or not isinstance(top, numbers.Integral)
                            or top < 1):
        raise InputError(f"top must be a positive whole number or None; got {top!r}.")
    by_values = value_fit(values)
    by_interests = match_occupations(interests, job_zones=job_zones, top=None)
    both = by_interests.rename(columns={"fit": "interest_fit"}).merge(
        by_values[["soc_code", "value_fit", "value_why"]], on="soc_code", how="left"
    )
    without = int(both["value_fit"].isna().sum())
    both = both[both["value_fit"].notna()].copy()
    both["combined"] = np.round(
        (1.0 - weight) * both["interest_fit"] + weight * both["value_fit"], 3
    )
    both = both.sort_values(
        ["combined", "interest_fit", "soc_code"], ascending=[False, False, True], kind="stable"
    )
    if top is not None:
        both = both.head(int(top))
    out = both[MATCH_COLUMNS].reset_index(drop=True)
    notes = [
        WEIGHTS_NOTE.format(wi=round(1.0 - weight, 3), wv=round(weight, 3)),
        VALUE_FIT_NOTE,
    ]
    if weight == DEFAULT_VALUES_WEIGHT:
        notes.insert(1, DEFAULT_WEIGHT_REASON)
    if without:
        notes.append(NO_VALUE_DATA.format(n=without))
    notes.extend(by_interests.attrs.get("notes", []))
    out.attrs.update(
        weights={"interests": round(1.0 - weight, 3), "values": round(weight, 3)},
        notes=notes,
        job_zone_filter=by_interests.attrs.get("job_zone_filter"),
    )
    return out
