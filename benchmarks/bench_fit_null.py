"""The null test of the fit bands: how often is noise called a "strong" fit?

Run: ``.venv/bin/python benchmarks/bench_fit_null.py [--n 5000] [--seed 2026]``

In one run, on fresh random answer sets (a different seed from the one the cut-offs were
derived with, ``scripts/derive_fit_bands.py``):

1. random answers (uniform 1–5 to the bundled 60-item inventory) against the bundled O*NET
   occupations: the share of answer sets with any "strong" match in their top ten, with the old
   fixed cut-offs (r ≥ 0.70, no profile check) beside careerkit's calibrated bands;
2. the same answer sets against the occupations with their six letters shuffled;
3. the six pure-type profiles ("strongly like" every item of one area; "strongly dislike", or
   "unsure", every other item): their best matches and bands, old and new;
4. the issue's example: one "like" among 59 "unsure".

It also prints the stored cut-offs and the null quantiles they come from (docs/fit_bands.md).
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

from careerkit import datasets
from careerkit.interests import (
    DEFAULT_BANDS,
    FIXED_BANDS_BEFORE,
    RIASEC,
    match_many,
    match_occupations,
    profile_confidence,
    profile_from_scores,
)
from careerkit.interests._null import pure_type_scores, random_answer_scores, unit_rows

TOP = 10


def old_any_strong(scores: np.ndarray, occupations: pd.DataFrame) -> tuple[float, float]:
    """The fixed cut-off, as before: any of the top ten with r ≥ 0.70 is "strong"."""
    people, _ = unit_rows(scores)
    occ, _ = unit_rows(occupations[list(RIASEC)].to_numpy(dtype=float))
    occ = occ[~np.isnan(occ).any(axis=1)]
    fits = people @ occ.T
    top = -np.sort(-fits, axis=1)[:, :TOP]
    strong = top >= FIXED_BANDS_BEFORE["strong"]
    return float(strong.any(axis=1).mean()), float(strong.mean())


def new_any_strong(scores: np.ndarray, occupations: pd.DataFrame) -> tuple[float, float]:
    frame = pd.DataFrame(scores, columns=list(RIASEC))
    result = match_many(frame, occupations, top=TOP)
    strong = result["band"].eq("strong")
    anyone = strong.groupby(result["person"]).any().reindex(frame.index, fill_value=False)
    return float(anyone.mean()), float(strong.mean())


def shuffled(occupations: pd.DataFrame, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    values = occupations[list(RIASEC)].to_numpy(dtype=float)
    order = np.argsort(rng.random(values.shape), axis=1)
    out = occupations[["soc_code", "title", "job_zone"]].copy()
    out[list(RIASEC)] = np.take_along_axis(values, order, axis=1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000, help="random answer sets (default 5000)")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the fresh answer sets")
    args = parser.parse_args()
    started = time.perf_counter()
    occupations = datasets.occupations()
    stored = datasets.fit_bands()
    print(f"occupations: {len(occupations)} (bundled); cut-offs derived by {stored['derived_by']}")
    print(f"  with {stored['settings']['random_answer_sets']} random answer sets, seed "
          f"{stored['settings']['seed']}")
    null = stored["null"]
    print("null fit of random answers (r), real occupations:    "
          + ", ".join(f"{k} {v:.3f}" for k, v in null["fit_real_occupations"].items()))
    print("null fit of random answers (r), shuffled occupations: "
          + ", ".join(f"{k} {v:.3f}" for k, v in null["fit_shuffled_occupations"].items()))
    print("null spread of random answers (noise units):         "
          + ", ".join(f"{k} {v:.2f}" for k, v in stored["null"]["spread_units"].items()))
    print("cut-offs  old (fixed): " + ", ".join(f"{k} ≥ {v:.2f}" for k, v in
                                                 FIXED_BANDS_BEFORE.items()) + "; no profile check")
    print("          new (null):  " + ", ".join(f"{k} ≥ {v:.2f}" for k, v in DEFAULT_BANDS.items())
          + f"; strong needs spread ≥ {stored['spread_units']['clear']:.2f}, near-flat below "
          f"{stored['spread_units']['near_flat']:.2f} (noise units)")

    scores = random_answer_scores(args.n, args.seed)
    print(f"\n1. {args.n} fresh random answer sets (seed {args.seed}) vs real occupations, "
          f"top {TOP}")
    old_any, old_rows = old_any_strong(scores, occupations)
    new_any, new_rows = new_any_strong(scores, occupations)
    print(f"   any 'strong' in top {TOP}:   old {old_any:6.1%}   new {new_any:6.1%}   "
          "(target < 10 %)")
    print(f"   'strong' among top-{TOP} rows: old {old_rows:6.1%}   new {new_rows:6.1%}")

    mixed = shuffled(occupations, args.seed + 1)
    print(f"\n2. the same answer sets vs occupations with shuffled letters, top {TOP}")
    old_any, old_rows = old_any_strong(scores, mixed)
    new_any, new_rows = new_any_strong(scores, mixed)
    print(f"   any 'strong' in top {TOP}:   old {old_any:6.1%}   new {new_any:6.1%}")
    print(f"   'strong' among top-{TOP} rows: old {old_rows:6.1%}   new {new_rows:6.1%}")

    print(f"\n3. pure-type profiles (their top {TOP}: strong count old → new; best three)")
    for row in pure_type_scores().itertuples(index=False):
        profile = profile_from_scores({x: getattr(row, x) for x in RIASEC})
        result = match_occupations(profile, top=TOP)
        old = int((result["fit"] >= FIXED_BANDS_BEFORE["strong"]).sum())
        new = int(result["band"].eq("strong").sum())
        best = "; ".join(f"{r.title[:34]} {r.fit:.2f} {r.band}"
                         for r in result.head(3).itertuples())
        print(f"   {row.type} ({row.definition:17}) {old:2d} → {new:2d}   {best}")
        print(f"   {'':22} confidence {profile_confidence(profile).level}, "
              f"worst of top {TOP}: {result['fit'].iloc[-1]:.2f} {result['band'].iloc[-1]}")
    shuffled_pure = []
    for row in pure_type_scores().itertuples(index=False):
        profile = profile_from_scores({x: getattr(row, x) for x in RIASEC})
        result = match_occupations(profile, mixed, top=TOP)
        shuffled_pure.append(result["band"].eq("strong").any())
    print(f"   against shuffled occupations: {sum(shuffled_pure)} of {len(shuffled_pure)} still "
          "get a 'strong' (a shuffled profile with the same top letter is a real match in shape)")

    answers = dict.fromkeys(RIASEC, 20.0)
    answers["R"] = 21.0
    result = match_occupations(profile_from_scores(answers), top=TOP)
    print("\n4. one 'like' among 59 'unsure' (R 21, others 20): "
          f"old {int((result['fit'] >= 0.7).sum())} strong of {TOP}; new bands "
          f"{dict(result['band'].value_counts())}; confidence "
          f"{result.attrs['confidence']['level']}")
    print(f"\n(ran in {time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
