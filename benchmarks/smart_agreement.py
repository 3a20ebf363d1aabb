"""Agreement of the SMART rules with our hand labels (tests/data/goal_statements.csv).

Run: ``.venv/bin/python benchmarks/smart_agreement.py [--show]``. Prints, per letter (S, M, T)
and for the deadline, how many labelled statements the rules score exactly as labelled, for the
development statements (g01–g72, which the rules were tuned on), the held-out ones (h01–h20,
labelled before the rules saw them; their notes say what the first run got wrong — on that first
run the rules agreed on S 18/20, M 15/20, T 16/20, deadline 16/20, before the fixes the notes
describe) and all, beside a naive baseline (a goal is S when it has ≥ 5 words, M when it has
any digit, T when it has any digit or month name) so the rules' value is visible. ``--show``
lists every disagreement.

Labelling rubric (ours): S 2 = a concrete action on a concrete object, no vague words or hedges,
one goal; 1 = one of these missing; 0 = more missing. M 2 = a number, a frequency, a from→to
change or a checkable outcome; 1 = only a vague quantity ("more", "better"); 0 = none.
T 2 = a date, month and year, quarter, duration or named period; 1 = an open-ended time
("in a couple of years"); 0 = none, or "someday"/"eventually"/"soon". Deadlines resolve against
the fixed today 2026-01-15 with the default term calendar.
"""

from __future__ import annotations

import csv
import re
import sys
from datetime import date
from pathlib import Path

from careerkit.goals import check_smart

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "goal_statements.csv"
TODAY = date(2026, 1, 15)
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)


def naive(text: str) -> dict[str, int]:
    return {
        "S": 2 if len(text.split()) >= 5 else 0,
        "M": 2 if re.search(r"\d", text) else 0,
        "T": 2 if re.search(r"\d", text) or _MONTH.search(text) else 0,
    }


def agreement(rows: list[dict[str, str]]) -> tuple[dict[str, int], dict[str, int], list]:
    hits = dict.fromkeys(("S", "M", "T", "deadline"), 0)
    naive_hits = dict.fromkeys(("S", "M", "T"), 0)
    misses = []
    for row in rows:
        check = check_smart(row["text"], today=TODAY)
        base = naive(row["text"])
        for letter in "SMT":
            if check.scores[letter] == int(row[letter]):
                hits[letter] += 1
            else:
                misses.append((row["id"], letter, int(row[letter]), check.scores[letter],
                               row["text"]))
            naive_hits[letter] += base[letter] == int(row[letter])
        got = check.deadline.isoformat() if check.deadline else ""
        if got == row["deadline"]:
            hits["deadline"] += 1
        else:
            misses.append((row["id"], "deadline", row["deadline"], got, row["text"]))
    return hits, naive_hits, misses


def main(show: bool = False) -> int:
    with LABELS.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    print(f"SMART rules against hand labels (today = {TODAY})")
    groups = [("development", [r for r in rows if r["id"].startswith("g")]),
              ("held-out", [r for r in rows if r["id"].startswith("h")]),
              ("all", rows)]
    misses = []
    for name, group in groups:
        hits, naive_hits, group_misses = agreement(group)
        if name == "all":
            misses = group_misses
        n = len(group)
        print(f"\n{name}: {n} statements")
        print(f"{'':10}{'rules':>14}{'naive':>14}")
        for key in ("S", "M", "T", "deadline"):
            rules = f"{hits[key]}/{n} ({hits[key] / n:.0%})"
            base = (f"{naive_hits[key]}/{n} ({naive_hits[key] / n:.0%})" if key in naive_hits
                    else "–")
            print(f"{key:10}{rules:>14}{base:>14}")
    if show:
        for miss in misses:
            print("  disagreement:", *miss)
    return 0


if __name__ == "__main__":
    sys.exit(main(show="--show" in sys.argv))
