"""How fast occupation matching is: one profile and a cohort against all bundled occupations.

Run: ``.venv/bin/python benchmarks/bench_matching.py``

Compares careerkit's vectorised Pearson fit (one matrix product) with a naive baseline that
loops over occupations in Python and computes each correlation on its own, in the same run, and
prints the ratio. Also checks that both give the same ranking, so the speed is not bought with
a different answer.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import pandas as pd

from careerkit import datasets
from careerkit.interests import match_many, match_occupations, profile_from_scores

RIASEC = list("RIASEC")


def naive_fits(person: list[float], occupations: pd.DataFrame) -> list[tuple[float, str]]:
    """Baseline: a Python loop over occupations, one Pearson r at a time."""
    n = 6
    mp = sum(person) / n
    dp = [x - mp for x in person]
    sp = sum(d * d for d in dp) ** 0.5
    out = []
    for row in occupations.itertuples(index=False):
        occ = [row.R, row.I, row.A, row.S, row.E, row.C]
        mo = sum(occ) / n
        do = [x - mo for x in occ]
        so = sum(d * d for d in do) ** 0.5
        if so == 0:
            continue
        out.append((sum(a * b for a, b in zip(dp, do, strict=True)) / (sp * so), row.soc_code))
    out.sort(key=lambda t: -t[0])
    return out


def timed(func, repeat: int) -> float:
    """Median wall time of ``func()`` in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true",
                        help="time the naive loop on all 10,000 people (about a minute)")
    args = parser.parse_args()
    occupations = datasets.occupations()
    n_occ = len(occupations)
    rng = np.random.default_rng(2026)
    person = {"R": 8, "I": 30, "A": 14, "S": 36, "E": 20, "C": 5}
    profile = profile_from_scores(person)
    match_occupations(profile)  # warm the prepared occupation matrix once

    ours = timed(lambda: match_occupations(profile, top=20), repeat=200)
    vec = [float(person[x]) for x in RIASEC]
    naive = timed(lambda: naive_fits(vec, occupations), repeat=20)
    ranked = naive_fits(vec, occupations)
    same = [soc for _, soc in ranked[:20]] == match_occupations(profile)["soc_code"].tolist()
    print(f"one profile vs {n_occ} occupations (top 20, full result frame)")
    print(f"  careerkit match_occupations : {ours * 1e3:8.3f} ms")
    print(f"  naive per-occupation loop   : {naive * 1e3:8.3f} ms")
    print(f"  ratio naive / ours          : {naive / ours:8.1f}x   same top 20: {same}")

    n_people = 10_000
    cohort = pd.DataFrame(rng.integers(0, 41, size=(n_people, 6)), columns=RIASEC)
    many = timed(lambda: match_many(cohort, top=5), repeat=5)
    sample = cohort if args.full else cohort.iloc[:200]
    loop_sample = timed(
        lambda: [naive_fits([float(v) for v in row], occupations) for row in sample.to_numpy()],
        repeat=1,
    )
    loop_estimate = loop_sample * n_people / len(sample)
    print(f"\n{n_people:,} profiles vs {n_occ} occupations (top 5 each)")
    print(f"  careerkit match_many        : {many * 1e3:8.1f} ms")
    how = "all people" if args.full else f"timed on {len(sample)} people, scaled; --full runs all"
    print(f"  naive per-occupation loop   : {loop_estimate:8.1f} s   ({how})")
    print(f"  ratio naive / ours          : {loop_estimate / many:8.0f}x")


if __name__ == "__main__":
    main()
