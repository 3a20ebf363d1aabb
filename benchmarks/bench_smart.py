"""The SMART check on goal statements it never saw, and its time on long inputs.

Run: ``.venv/bin/python benchmarks/bench_smart.py [--show dev|test|test2|test3|all]
[--no-time]`` (also run by ``make bench``); ``--show`` lists the statements the rules score
differently from the labels.

1. Agreement with our held-out labels (``benchmarks/data/smart_eval.csv``, 173 statements
   written and labelled before the rules of issue 12; rubric in ``benchmarks/data/README.md``),
   for the development part (the rules were tuned on it), the test part (scored once after
   round 1, then used for tuning in round 2) and the round-2 test part ``test2`` (81
   statements written and labelled after round 1, before round 2's changes; reported only in
   round 2, then used for tuning in round 3 – all 254 statements are development data now) and
   the round-3 test part ``test3`` (120 statements written and labelled after round 2 was
   reported, before round 3's changes, by someone who did not see the rules; round 3 is
   reported on it; a second reader labelled test3 again without seeing the first labels,
   ``smart_eval_rater2.csv``: their agreement is the ceiling for rules judged against one
   reader),
   per letter S, M, T (share of statements scored exactly as labelled, and Cohen's κ over the
   scores 0/1/2) and for the verdict, beside a naive baseline in the same run: S is 2 when the
   statement has five words or more, M when it holds a digit, T when it holds a digit or a
   month name; the verdict follows from those scores by the same verdict rule.
2. Time of ``check_smart`` and ``parse_deadline`` on date-, number- and clause-dense texts of
   1 KB to 1 MB, beside the naive approach of looking up earlier matches in a list (the phrase
   finder before issue 12; quadratic, so it stops at 256 KB). Linear time shows as a constant
   time per KB.

Cohen's κ: (p_o - p_e) / (1 - p_e), with p_e from each rater's marginal shares (Cohen 1960,
"A coefficient of agreement for nominal scales").
"""

from __future__ import annotations

import csv
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from careerkit.goals import (  # noqa: E402
    _deadlines,
    check_smart,
    parse_deadline,
)

EVAL = ROOT / "benchmarks" / "data" / "smart_eval.csv"
#: the parts in the order they were written: each ``testN`` was written and labelled before the
#: rules of round N were scored on it once, and is development data for every later round
SPLITS = ("dev", "test", "test2", "test3", "test4", "test5", "test6", "test7", "test8")
RATER2 = ROOT / "benchmarks" / "data" / "smart_eval_rater2.csv"
TODAY = date(2026, 1, 15)
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)


def load(split: str | None = None) -> list[dict[str, str]]:
    with EVAL.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [r for r in rows if split is None or r["split"] == split]


def verdict_of(scores: dict[str, int]) -> str:
    """The verdict rule of the labels (and of careerkit.goals._smart)."""
    values = list(scores.values())
    if all(v == 2 for v in values):
        return "SMART"
    if sum(v == 0 for v in values) >= 2 or 2 not in values:
        return "not SMART"
    return "partly SMART"


def naive(text: str) -> dict[str, int]:
    return {
        "S": 2 if len(text.split()) >= 5 else 0,
        "M": 2 if re.search(r"\d", text) else 0,
        "T": 2 if re.search(r"\d", text) or _MONTH.search(text) else 0,
    }


def rules(text: str) -> dict[str, int]:
    check = check_smart(text, today=TODAY)
    return {k: check.scores[k] for k in "SMT"}


def kappa(a: list, b: list) -> float:
    """Cohen's κ of two raters' labels (1.0 when both give one and the same label)."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def score(rows: list[dict[str, str]], judge) -> dict[str, tuple[float, float]]:
    """{letter or "verdict": (agreement, κ)} of ``judge`` against the labels."""
    got = [judge(r["text"]) for r in rows]
    out = {}
    for letter in "SMT":
        want = [int(r[letter]) for r in rows]
        have = [g[letter] for g in got]
        out[letter] = (
            sum(x == y for x, y in zip(want, have, strict=True)) / len(rows),
            kappa(want, have),
        )
    want = [r["verdict"] for r in rows]
    have = [verdict_of(g) for g in got]
    out["verdict"] = (
        sum(x == y for x, y in zip(want, have, strict=True)) / len(rows),
        kappa(want, have),
    )
    return out


def agreement_report(show: str | None = None) -> None:
    print(f"SMART check against held-out labels ({EVAL.relative_to(ROOT)}, today = {TODAY})")
    for split in SPLITS:
        rows = load(split)
        if not rows:
            continue
        ours, base = score(rows, rules), score(rows, naive)
        print(f"\n{split}: {len(rows)} statements")
        print(f"{'':9}{'rules: agree':>14}{'κ':>7}{'naive: agree':>15}{'κ':>7}")
        for key in ("S", "M", "T", "verdict"):
            (a, k), (na, nk) = ours[key], base[key]
            print(f"{key:9}{a:>14.1%}{k:>7.2f}{na:>15.1%}{nk:>7.2f}")
        if show in (split, "all"):
            for r in rows:
                got = rules(r["text"])
                want = {k: int(r[k]) for k in "SMT"}
                if got != want or verdict_of(got) != r["verdict"]:
                    print(
                        f"  {r['id']} want {want} {r['verdict']!r} got {got} "
                        f"{verdict_of(got)!r}: {r['text']}"
                    )

    second_rater_report()


def second_rater_report() -> None:
    """Held-out parts labelled again by a second reader (``smart_eval_rater2.csv``): how far
    two readers agree, beside how far the rules agree with each of them."""
    if not RATER2.exists():
        return
    with RATER2.open(encoding="utf-8", newline="") as fh:
        second = {r["id"]: r for r in csv.DictReader(fh)}
    for split in SPLITS:
        rows = [r for r in load(split) if r["id"] in second]
        if rows:
            _second_rater_table(split, rows, second)


def _second_rater_table(split: str, rows: list[dict[str, str]], second: dict) -> None:
    got = {r["id"]: rules(r["text"]) for r in rows}
    print(f"\n{split}, second rater: {len(rows)} statements")
    print(f"{'':9}{'rater 1 vs 2':>14}{'κ':>7}{'rules vs 1':>13}{'rules vs 2':>13}")
    for key in ("S", "M", "T", "verdict"):
        one = [r[key] for r in rows]
        two = [second[r["id"]][key] for r in rows]
        if key == "verdict":
            ours = [verdict_of(got[r["id"]]) for r in rows]
        else:
            ours = [str(got[r["id"]][key]) for r in rows]
        both = sum(x == y for x, y in zip(one, two, strict=True)) / len(rows)
        vs1 = sum(x == y for x, y in zip(ours, one, strict=True)) / len(rows)
        vs2 = sum(x == y for x, y in zip(ours, two, strict=True)) / len(rows)
        print(f"{key:9}{both:>14.1%}{kappa(one, two):>7.2f}{vs1:>13.1%}{vs2:>13.1%}")


# ---- time ----------------------------------------------------------------------------------

UNITS = {
    "dates": "Pass the exam by June 2027, submit it by 2027-03-01 and book Q2 2028 within "
    "6 months. ",
    "numbers": "Apply to 5 jobs, level 3, step 2, 4 more and 10% per week. ",
    "clauses": "Write and test and ship and plan the app; then present it. ",
    "musings": "maybe go back to school?? idk and then at each one try to ",
}


def _naive_find(text: str, today: date) -> int:
    """The phrase finder with the list lookup it had before issue 12: every match is checked
    against every phrase taken so far (quadratic in the number of phrases)."""
    cal = _deadlines.TermCalendar()
    taken: list[tuple[int, int]] = []
    for pattern, handler in _deadlines._RULES:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if handler(m, today, cal) is not None:
                taken.append((s, e))
    return len(taken)


def _clock(fn, *args) -> float:
    t = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t


def timing_report() -> None:
    print("\nTime on long inputs (ms per KB; linear time = flat along a row)")
    sizes = [1 << 10, 1 << 14, 1 << 16, 1 << 18, 1 << 20]
    print(f"{'':34}" + "".join(f"{s // 1024:>9} KB" for s in sizes))
    for name, unit in UNITS.items():
        texts = {s: (unit * (s // len(unit) + 1))[:s] for s in sizes}
        rows = [
            ("check_smart", lambda t: check_smart(t, today=TODAY), sizes),
            ("parse_deadline", lambda t: parse_deadline(t, TODAY), sizes),
            (
                "naive phrase lookup (old)",
                lambda t: _naive_find(t, TODAY),
                [s for s in sizes if s <= 1 << 18],
            ),
        ]
        for label, fn, todo in rows:
            fn(texts[sizes[0]])  # warm up (compiled patterns, caches)
            cells = []
            for s in sizes:
                if s in todo:
                    runs = 3 if s <= 1 << 14 else 1
                    best = min(_clock(fn, texts[s]) for _ in range(runs))
                    cells.append(f"{best * 1000 / (s / 1024):>12.2f}")
                else:
                    cells.append(f"{'–':>12}")
            print(f"{name + ': ' + label:34}" + "".join(cells))


def main() -> int:
    show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else None
    agreement_report(show)
    if "--no-time" not in sys.argv:
        timing_report()
    return 0


if __name__ == "__main__":
    sys.exit(main())
