"""How well the 30-item short form agrees with the 60-item inventory's Holland code.

Run: ``.venv/bin/python benchmarks/bench_short_form.py [--n 5000]``

Held-out: the bundled short form (``data/inventory/riasec_30.csv``) was chosen on the
development sample (seed ``DEV_SEED``) of the seeded simulation in
``careerkit/interests/_short_form.py``; here a separate test sample (seed ``TEST_SEED``, same
item parameters) answers all 60 items, and each shorter form is scored from the same answers.
Printed for each form, against the 60-item result:

* first letter — share of people whose first Holland letter is the same;
* code — share with the same three-letter code (in order; ties broken R-I-A-S-E-C as
  ``InterestProfile.code`` does);
* rank r — mean Spearman correlation of the six area scores per person.

Compared in the same run: the naive choice (the first five items of each area, R01–R05 …),
random choices of five per area (mean over 200 draws), and, for scale, how well the 60 items
themselves recover the simulated true interests. Simulated data, not people: the figures show
how the choice rule behaves under the model's stated assumptions, not the bank's real
reliability; a cohort's own answers can be fed to ``short_form_table`` later.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from careerkit.interests import load_inventory, score
from careerkit.interests._short_form import (
    TEST_N,
    TEST_SEED,
    agreement,
    area_scores,
    item_parameters,
    simulate_answers,
)


def _row(name: str, result: dict) -> str:
    return (
        f"{name:<34} {result['first_letter']:>12.1%} {result['code']:>10.1%} "
        f"{result['rank_r']:>8.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=TEST_N, help="people in the test sample")
    parser.add_argument("--random", type=int, default=200, help="random choices to average")
    args = parser.parse_args()
    start = time.perf_counter()
    long = load_inventory()
    short = load_inventory(form="short")
    params = item_parameters(long)
    answers, latent = simulate_answers(args.n, TEST_SEED, params)
    every = list(long.item_ids)
    full = area_scores(answers, every, long)
    # The vectorised scores are the package's own scoring: check a few people against score().
    for person in range(5):
        row = answers.iloc[person]
        expected = score({i: int(row[i]) for i in short.item_ids}, short).scores
        got = area_scores(answers.iloc[[person]], list(short.item_ids), long)[0]
        assert np.allclose(got, list(expected.values())), (got, expected)

    results = {
        "short form (chosen, riasec_30)": agreement(
            full, area_scores(answers, list(short.item_ids), long)
        ),
        "naive: first five per area": agreement(
            full, area_scores(answers, [i for i in every if int(i[1:]) <= 5], long)
        ),
    }
    rng = np.random.default_rng(TEST_SEED)
    points = answers[every].to_numpy(dtype=float) - 1  # the bank has no reversed items
    assert not long.items["reverse"].any()
    columns = {letter: [n for n, i in enumerate(every) if i[0] == letter] for letter in "RIASEC"}
    draws = []
    for _ in range(args.random):
        picked = np.column_stack([
            points[:, rng.choice(columns[letter], size=5, replace=False)].mean(axis=1) * 10
            for letter in "RIASEC"
        ])
        draws.append(agreement(full, picked))
    results[f"random five per area (mean of {args.random})"] = {
        key: float(np.mean([d[key] for d in draws])) for key in draws[0]
    }
    truth = latent.to_numpy()
    print(f"short form vs 60-item code, simulated test sample of {args.n:,} (seed {TEST_SEED})")
    print(f"{'form':<34} {'first letter':>12} {'code':>10} {'rank r':>8}")
    for name, result in results.items():
        print(_row(name, result))
    print()
    print("for scale: each form vs the simulated true interests")
    print(_row("60 items", agreement(truth, full)))
    print(_row("short form (chosen)", agreement(
        truth, area_scores(answers, list(short.item_ids), long))))
    print(f"\n({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
