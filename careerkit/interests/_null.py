"""The null test behind the fit bands: fit under random answers and shuffled occupation profiles.

Pearson correlation between two six-point profiles is high by chance, and the best of ~900
occupations is higher still, so fixed r cut-offs say nothing about a person's real preferences.
This module simulates what fit looks like when there is nothing to find:

* **random answers**: every item of an inventory answered uniformly at random 1–5 (scored 0–4),
  ten items per area for the bundled bank;
* **shuffled occupation profiles**: each occupation's six O*NET ratings with the letters permuted
  at random (the profile keeps its level and spread, but not which areas it favours).

:func:`derive_cutoffs` turns these distributions into careerkit's stored cut-offs
(``data/fit_bands.json``, written by ``scripts/derive_fit_bands.py``), and :func:`null_figures`
measures how often a set of cut-offs calls noise "strong" (``benchmarks/bench_fit_null.py``).
Everything is seeded, so the same seed gives the same figures.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from careerkit.interests._text import RIASEC

__all__ = [
    "PURE_TYPES",
    "derive_cutoffs",
    "null_figures",
    "occupation_units",
    "pure_type_scores",
    "random_answer_scores",
    "shuffled_units",
    "unit_rows",
]

#: Answer values of the two pure-type definitions: "strongly like" (5) every item of one area,
#: and "strongly dislike" (1) or "unsure" (3) every item of the other five.
PURE_TYPES: dict[str, int] = {"dislike elsewhere": 1, "unsure elsewhere": 3}


def random_answer_scores(n: int, seed: int, items_per_area: int = 10) -> np.ndarray:
    """``n`` × 6 area scores from answers drawn uniformly from 1–5 (scored 0–4 and summed)."""
    rng = np.random.default_rng(seed)
    answers = rng.integers(0, 5, size=(n, len(RIASEC), items_per_area))
    return answers.sum(axis=2).astype(float)


def pure_type_scores(items_per_area: int = 10) -> pd.DataFrame:
    """The pure-type profiles: one row per (area, definition) with R … C scores.

    An area answered "strongly like" (5 → 4 points) on every item scores ``4 × items``; the other
    areas score 0 ("strongly dislike") or ``2 × items`` ("unsure") — see :data:`PURE_TYPES`.
    """
    rows = []
    for letter in RIASEC:
        for name, other in PURE_TYPES.items():
            scores = dict.fromkeys(RIASEC, float((other - 1) * items_per_area))
            scores[letter] = float(4 * items_per_area)
            rows.append({"type": letter, "definition": name, **scores})
    return pd.DataFrame(rows)


def unit_rows(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows centred and scaled to unit length (NaN for flat rows), and each row's spread (the
    length of the centred row, i.e. √6 × its standard deviation)."""
    centred = matrix - matrix.mean(axis=1, keepdims=True)
    spread = np.linalg.norm(centred, axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        unit = np.where(spread[:, None] > 1e-12, centred / spread[:, None], np.nan)
    return unit, spread


def occupation_units(occupations: pd.DataFrame) -> np.ndarray:
    """Unit rows of the occupations' O*NET ratings (flat profiles left out)."""
    unit, _ = unit_rows(occupations[list(RIASEC)].to_numpy(dtype=float))
    return unit[~np.isnan(unit).any(axis=1)]


def shuffled_units(units: np.ndarray, seed: int) -> np.ndarray:
    """Each occupation's profile with its six letters permuted at random (seeded)."""
    rng = np.random.default_rng(seed)
    order = np.argsort(rng.random(units.shape), axis=1)
    return np.take_along_axis(units, order, axis=1)


def _quantile(values: np.ndarray, q: float) -> float:
    return float(np.nanquantile(values, q))


def derive_cutoffs(
    occupations: pd.DataFrame,
    *,
    n: int = 20000,
    seed: int = 11,
    items_per_area: int = 10,
    fit_quantiles: Mapping[str, float] | None = None,
    spread_quantiles: Mapping[str, float] | None = None,
) -> dict:
    """Cut-offs from the null distributions (see ``docs/fit_bands.md``).

    * fit bands: a band's lower bound of r is a quantile of single fits under the null — the
      higher of (random answers × real occupations) and (random answers × shuffled
      occupations): strong ≥ 95th, good ≥ 90th, some ≥ 75th percentile;
    * profile confidence: the spread of the person's six scores (in units of one area's
      random-answer standard deviation) against the spread of random answers: "clear" at or
      above the 95th percentile (only then can a fit be "strong"), "near-flat" below the median
      (no more spread than half of all random answer sets: at most "some").

    Returns the dict stored in ``data/fit_bands.json`` (cut-offs, quantiles and the settings).
    """
    fit_q = dict(fit_quantiles or {"strong": 0.95, "good": 0.90, "some": 0.75})
    spread_q = dict(spread_quantiles or {"clear": 0.95, "near_flat": 0.50})
    units = occupation_units(occupations)
    scores = random_answer_scores(n, seed, items_per_area)
    people, spread = unit_rows(scores)
    noise_sd = np.sqrt(2.0 * items_per_area)  # sd of a sum of uniform 0–4 answers
    real = people @ units.T
    shuffled = people @ shuffled_units(units, seed + 1).T
    fit = {
        name: round(max(_quantile(real, q), _quantile(shuffled, q)), 2)
        for name, q in fit_q.items()
    }
    units_spread = spread / noise_sd
    return {
        "fit": dict(sorted(fit.items(), key=lambda kv: -kv[1])),
        "spread_units": {
            name: round(_quantile(units_spread, q), 3) for name, q in spread_q.items()
        },
        "spread_points_bundled": {
            name: round(_quantile(spread, q), 2) for name, q in spread_q.items()
        },
        "quantiles": {"fit": fit_q, "spread": spread_q},
        "null": {
            "fit_real_occupations": {
                f"q{round(q * 100)}": round(_quantile(real, q), 3)
                for q in (0.5, 0.75, 0.9, 0.95, 0.99)
            },
            "fit_shuffled_occupations": {
                f"q{round(q * 100)}": round(_quantile(shuffled, q), 3)
                for q in (0.5, 0.75, 0.9, 0.95, 0.99)
            },
            "spread_units": {
                f"q{round(q * 100)}": round(_quantile(units_spread, q), 3)
                for q in (0.05, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99)
            },
        },
        "settings": {
            "random_answer_sets": n,
            "seed": seed,
            "items_per_area": items_per_area,
            "answers": "uniform 1–5, scored 0–4",
            "occupations": len(units),
            "noise_sd": round(float(noise_sd), 4),
        },
    }


def null_figures(
    matcher, scores: np.ndarray, occupations: pd.DataFrame, *, top: int = 10
) -> dict[str, float]:
    """How often noise is called "strong": run ``matcher(scores_frame, occupations)`` (e.g. a
    wrapper of :func:`careerkit.interests.match_many`) and report the share of people with any
    "strong" in their top ``top`` and the share of all top-``top`` rows that are "strong"."""
    frame = pd.DataFrame(scores, columns=list(RIASEC))
    result = matcher(frame, occupations, top)
    strong = result["band"].eq("strong")
    any_strong = strong.groupby(result["person"]).any()
    return {
        "people": float(len(frame)),
        "any_strong_in_top": float(any_strong.reindex(frame.index, fill_value=False).mean()),
        "strong_rows": float(strong.mean()) if len(result) else 0.0,
    }
