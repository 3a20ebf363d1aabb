"""Fit bands that survive a null test, and how much confidence a profile allows.

A fit band needs two things (see ``docs/fit_bands.md``):

1. **the fit itself**: the correlation r must reach the band's lower bound, a quantile of the fit
   that random answers get (strong ≥ the 95th percentile, good ≥ 90th, some ≥ 75th);
2. **a profile that is more than noise**: the spread of the six scores, in units of the standard
   deviation random answering gives one area, must be as large as only 5 % of random answer sets
   reach before a fit can be "strong"; a profile with less spread than half of all random answer
   sets is *near-flat* and gets at most "some", with an explanation and things to try instead. A
   profile whose highest area is below the middle of the scale (no area is liked) gets at most
   "good" (profile elevation).

The cut-offs are derived, seeded, by ``scripts/derive_fit_bands.py`` and read from the bundled
``fit_bands.json`` (:func:`careerkit.datasets.fit_bands`); they are careerkit's own, not O*NET's.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

import numpy as np

from careerkit import datasets
from careerkit.interests._inventory import BUNDLED_ITEMS_PER_AREA
from careerkit.interests._scoring import InterestProfile
from careerkit.interests._text import (
    BAND_LOW,
    CONFIDENCE_WORDS,
    ELEVATION_LOW,
    EXPLORE_SUGGESTIONS,
    NEAR_FLAT,
    RIASEC,
    SPREAD_ASSUMED,
)

__all__ = ["BAND_ORDER", "ProfileConfidence", "band_cutoffs", "profile_confidence"]

#: Band names, strongest first (the lowest, "little", has no lower bound).
BAND_ORDER: tuple[str, ...] = ("strong", "good", "some", BAND_LOW)
#: The strongest band each confidence level allows.
_CAP = {"clear": "strong", "moderate": "good", "near-flat": "some"}


def band_cutoffs() -> dict[str, float]:
    """The stored lower bounds of r per band, strongest first (``{"strong": 0.73, …}``)."""
    fit = datasets.fit_bands()["fit"]
    return {name: float(fit[name]) for name in BAND_ORDER if name in fit}


@cache
def _spread_cutoffs() -> dict[str, float]:
    # read once per process, like DEFAULT_BANDS: the bundled file does not change while running
    spread = datasets.fit_bands()["spread_units"]
    return {"clear": float(spread["clear"]), "near_flat": float(spread["near_flat"])}


@dataclass(frozen=True)
class ProfileConfidence:
    """How far a profile can be trusted to rank occupations.

    Attributes
    ----------
    level : {"clear", "moderate", "near-flat"}
        From the profile's spread against random answers (see the module docstring).
    cap : str
        The strongest band a fit can get with this profile ("strong", "good" or "some").
    spread : float
        Length of the centred six scores (√6 × their standard deviation), in score points.
    spread_units : float
        ``spread`` divided by one area's standard deviation under random answers.
    elevation_low : bool
        The highest area is below the middle of the scale: nothing is actually liked.
    words : str
        One plain sentence for the person.
    notes : tuple of str
        What to tell the person (the near-flat explanation, the elevation remark, an assumption).
    suggestions : tuple of str
        Things to try when the profile is near-flat (empty otherwise).
    """

    level: str
    cap: str
    spread: float
    spread_units: float
    elevation_low: bool
    words: str
    notes: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()


def noise_sd(max_score: float, items_per_area: float) -> float:
    """One area's standard deviation under uniform random answers (variance 2 per 0–4 item),
    on a scale whose top is ``max_score`` with ``items_per_area`` items."""
    items = max(float(items_per_area), 1.0)
    return float(max_score) / (2.0 * math.sqrt(2.0 * items))


def _items_per_area(profile: InterestProfile) -> tuple[float, bool]:
    counts = [profile.answered.get(x, 0) + profile.missing.get(x, 0) for x in RIASEC]
    if all(counts):
        return float(np.mean(counts)), False
    return float(BUNDLED_ITEMS_PER_AREA), True


def profile_confidence(
    profile: InterestProfile | Mapping[str, float],
    max_score: float | None = None,
    items_per_area: float | None = None,
) -> ProfileConfidence:
    """The confidence a profile allows, from its spread and elevation (see module docstring).

    Parameters
    ----------
    profile
        An :class:`InterestProfile` (complete) or six scores R … C.
    max_score, items_per_area
        The scale of the scores; by default the profile's own (``max_score`` and its items per
        area), or 40 and 10 (the bundled bank) for scores without item counts — then a note
        says that this was assumed.
    """
    assumed = False
    if isinstance(profile, InterestProfile):
        scores = [float(profile.scores[x]) for x in RIASEC]  # type: ignore[arg-type]
        top = max_score if max_score is not None else profile.max_score
        if items_per_area is None:
            items_per_area, assumed = _items_per_area(profile)
    else:
        scores = [float(profile[x]) for x in RIASEC]
        top = max_score if max_score is not None else 4.0 * BUNDLED_ITEMS_PER_AREA
        if items_per_area is None:
            items_per_area, assumed = float(BUNDLED_ITEMS_PER_AREA), True
    values = np.array(scores)
    spread = float(np.linalg.norm(values - values.mean()))
    units = spread / noise_sd(top, items_per_area)
    return _confidence(spread, units, float(values.max()) < top / 2.0, assumed)


def _confidence(spread: float, units: float, elevation_low: bool,
                assumed: bool = False) -> ProfileConfidence:
    cut = _spread_cutoffs()
    if units < cut["near_flat"]:
        level = "near-flat"
    elif units < cut["clear"]:
        level = "moderate"
    else:
        level = "clear"
    cap = _CAP[level]
    notes: list[str] = []
    if level == "near-flat":
        notes.append(NEAR_FLAT)
    if elevation_low and BAND_ORDER.index(cap) < BAND_ORDER.index("good"):
        cap = "good"
    if elevation_low:
        notes.append(ELEVATION_LOW)
    if assumed:
        notes.append(SPREAD_ASSUMED)
    return ProfileConfidence(
        level=level,
        cap=cap,
        spread=round(spread, 3),
        spread_units=round(units, 3),
        elevation_low=elevation_low,
        words=CONFIDENCE_WORDS[level],
        notes=tuple(notes),
        suggestions=tuple(EXPLORE_SUGGESTIONS) if level == "near-flat" else (),
    )


def confidence_caps(matrix: np.ndarray, max_score: float, items_per_area: float) -> np.ndarray:
    """For a people × 6 score matrix: the index in :data:`BAND_ORDER` of each person's cap."""
    cut = _spread_cutoffs()
    spread = np.linalg.norm(matrix - matrix.mean(axis=1, keepdims=True), axis=1)
    units = spread / noise_sd(max_score, items_per_area)
    cap = np.where(units < cut["near_flat"], 2, np.where(units < cut["clear"], 1, 0))
    low = matrix.max(axis=1) < max_score / 2.0
    return np.where(low, np.maximum(cap, 1), cap)


def band_labels(
    fit: np.ndarray, pairs: list[tuple[str, float]], cap: np.ndarray | int
) -> np.ndarray:
    """Band of each fit: the strongest band whose bound it reaches, no stronger than ``cap``
    (an index into ``pairs``; custom bands are capped by position)."""
    fit = np.asarray(fit, dtype=float)
    index = np.full(fit.shape, len(pairs), dtype=int)
    for i in range(len(pairs) - 1, -1, -1):
        index = np.where(fit >= pairs[i][1], i, index)
    index = np.where(index < len(pairs), np.maximum(index, np.minimum(cap, len(pairs))), index)
    names = np.array([name for name, _ in pairs] + [BAND_LOW], dtype=object)
    return names[index]
