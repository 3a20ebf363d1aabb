"""How fast the skills-gap step is: requirements over real postings, and gap() itself.

Run: ``.venv/bin/python benchmarks/bench_gap.py``

1. ``read_postings`` + ``requirements`` over the 542 real HaHu postings
   (``../shared/data/postings/hahu``) with the default taxonomy, beside the bare extraction
   loop (the part of the time that is the extractor's, not ours).
2. ``gap()`` for a real occupation with every item rated and the HaHu requirements as posting
   need, beside a naive per-row Python loop computing the same formulas, in the same run; the
   two rankings are checked to be identical.
"""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

import pandas as pd

from careerkit import skills

ROOT = Path(__file__).resolve().parents[1]
HAHU = ROOT.parent / "shared" / "data" / "postings" / "hahu" / "redacted_hahu_test_with_id.csv"
SOC_CODE = "29-1141.00"  # Registered Nurses: 60 rated items, 29 of importance >= 3


def timed(func, repeat: int) -> float:
    """Median wall time of ``func()`` in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def naive_gap(
    ratings: dict[str, int], need_rows: list[dict], have: set[str], posting_rows: list[dict]
) -> tuple[list[str], list[str], list[str]]:
    """Baseline: the ARCHITECTURE.md formulas, one row at a time in plain Python."""
    onet, strengths = [], []
    for row in need_rows:
        if row["element_id"] not in ratings:
            continue
        level = (ratings[row["element_id"]] - 1) * 7 / 4
        diff = row["level"] - level
        gap = max(0.0, diff) / 7
        onet.append(
            (
                -(gap * row["importance"] / 5),
                -row["importance"],
                row["element_name"],
                row["element_id"],
            )
        )
        if diff < 0:
            strengths.append(
                (
                    -(-diff / 7 * row["importance"] / 5),
                    -row["importance"],
                    row["element_name"],
                    row["element_id"],
                )
            )
    postings = [
        (-row["share"], -row["required_share"], row["label"], row["skill_id"])
        for row in posting_rows
        if row["skill_id"] not in have
    ]
    return (
        [t[-1] for t in sorted(onet)],
        [t[-1] for t in sorted(strengths)],
        [t[-1] for t in sorted(postings)],
    )


def main() -> None:
    if not HAHU.exists():
        raise SystemExit(f"needs the shared data: {HAHU} not found")
    size_mb = HAHU.stat().st_size / 1e6
    print(f"Postings: {HAHU.name} ({size_mb:.2f} MB)")

    read_s = timed(lambda: skills.read_postings(HAHU), 5)
    postings = skills.read_postings(HAHU)
    print(
        f"read_postings: {len(postings)} postings in {read_s * 1000:.0f} ms "
        f"({size_mb / read_s:.1f} MB/s)"
    )

    start = time.perf_counter()
    extractor = skills.SkillExtractor(skills.Taxonomy.default())
    print(
        f"SkillExtractor(Taxonomy.default()): {time.perf_counter() - start:.2f} s "
        "(includes the taxonomy cache on a second start)"
    )
    text_mb = postings["description"].str.len().sum() / 1e6

    def bare():
        for d, c in zip(postings["description"], postings["company"], strict=True):
            extractor.extract(d, employer=c or None)

    bare_s = timed(bare, 3)
    req_s = timed(lambda: skills.requirements(postings, extractor), 3)
    req = skills.requirements(postings, extractor)
    print(f"extract() loop alone: {bare_s * 1000:.0f} ms ({text_mb / bare_s:.1f} MB/s of text)")
    print(
        f"requirements(): {req_s * 1000:.0f} ms for {len(postings)} postings "
        f"({len(postings) / req_s:.0f} postings/s, {len(req)} distinct skills); "
        f"counting overhead {max(0.0, req_s - bare_s) * 1000:.0f} ms "
        f"({max(0.0, req_s / bare_s - 1):.0%})"
    )

    need = skills.occupation_requirements(SOC_CODE)
    rng = random.Random(7)
    ratings = {e: rng.randint(1, 5) for e in skills.items_to_rate(need)["element_id"]}
    have = set(req["skill_id"].head(20))
    need_rows = need.to_dict("records")
    posting_rows = req.to_dict("records")

    ours = skills.gap(ratings, need, have=have, posting_need=req)
    theirs = naive_gap(ratings, need_rows, have, posting_rows)
    assert ours.onet["element_id"].tolist() == theirs[0], "O*NET ranking differs"
    assert ours.strengths["element_id"].tolist() == theirs[1], "strengths ranking differs"
    assert ours.postings["skill_id"].tolist() == theirs[2], "postings ranking differs"
    print(
        f"\ngap(): {len(ratings)} rated items of {need.attrs['title']}, "
        f"{len(req)} posting skills ({len(have)} held); rankings identical to the naive loop"
    )

    gap_s = timed(lambda: skills.gap(ratings, need, have=have, posting_need=req), 50)
    naive_s = timed(
        lambda: naive_gap(ratings, need.to_dict("records"), have, req.to_dict("records")), 50
    )
    naive_pre_s = timed(lambda: naive_gap(ratings, need_rows, have, posting_rows), 50)
    print(f"gap():                         {gap_s * 1000:8.2f} ms per call")
    print(
        f"naive loop (incl. to_dict):    {naive_s * 1000:8.2f} ms per call "
        f"(ours / naive = {gap_s / naive_s:.2f})"
    )
    print(
        f"naive loop (rows prepared):    {naive_pre_s * 1000:8.2f} ms per call "
        f"(ours / naive = {gap_s / naive_pre_s:.2f})"
    )

    # A long posting-need table, as a large upload read with the ESCO taxonomy would give.
    big = pd.concat([req] * 20, ignore_index=True)
    big["skill_id"] = [f"s{i}" for i in range(len(big))]
    big_s = timed(lambda: skills.gap(posting_need=big), 10)
    big_naive_s = timed(lambda: naive_gap({}, [], set(), big.to_dict("records")), 10)
    print(
        f"gap() with {len(big)} posting skills: {big_s * 1000:.2f} ms; naive loop "
        f"{big_naive_s * 1000:.2f} ms (ours / naive = {big_s / big_naive_s:.2f})"
    )


if __name__ == "__main__":
    main()
