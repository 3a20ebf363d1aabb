"""The posting reader on real posting excerpts it never saw: which skills, how strongly asked.

Run: ``.venv/bin/python benchmarks/bench_posting_reader.py [--show dev|test]`` (also run by
``make bench``; needs ``../shared/data``, else it says so and stops).

64 excerpts of real HaHu postings (``benchmarks/data/posting_excerpts.csv``, references into
``../shared/data/postings/hahu``) labelled by us before the changes of issue 12 with the skills
a reader sees and their strength (``posting_skills.csv``; protocol in
``benchmarks/data/README.md``). With careerkit's default taxonomy, per part (dev: tuned on;
test: only reported):

- presence: micro precision and recall of the (excerpt, skill) pairs found;
- strength: on the skills both found and labelled, the share with the labelled strength
  (required / preferred / unspecified: the strongest mention in the excerpt), and per strength
  precision and recall among those;

beside a naive baseline in the same run: a plain dictionary (every alias of the taxonomy found
as a whole word, case-folded, no ambiguity rules) and "everything in a posting is required".
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from careerkit.skills import SkillExtractor, Taxonomy  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
DATA = ROOT / "benchmarks" / "data"
RANK = {"required": 2, "preferred": 1, "unspecified": 0}


def load_excerpts(shared: Path = SHARED) -> list[dict]:
    """The excerpts with their text (read from the shared postings) and labels."""
    import pandas as pd

    labels: dict[str, dict[str, str]] = defaultdict(dict)
    with (DATA / "posting_skills.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            labels[row["id"]][row["skill"]] = row["strength"]
    frames: dict[str, pd.DataFrame] = {}
    out = []
    with (DATA / "posting_excerpts.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            frame = frames.get(row["file"])
            if frame is None:
                frame = frames[row["file"]] = pd.read_csv(shared / row["file"])
            posting = frame.iloc[int(row["row"])]
            if int(posting["ID"]) != int(row["posting_id"]):
                raise ValueError(
                    f"{row['id']}: row {row['row']} is not posting {row['posting_id']}"
                )
            text = str(posting["description"])[int(row["start"]) : int(row["end"])]
            out.append({"id": row["id"], "split": row["split"], "text": text,
                        "gold": dict(labels.get(row["id"], {}))})
    return out


def strongest(pairs) -> dict[str, str]:
    out: dict[str, str] = {}
    for label, strength in pairs:
        if label not in out or RANK[strength] > RANK[out[label]]:
            out[label] = strength
    return out


def rules_reader(extractor: SkillExtractor):
    def read(text: str) -> dict[str, str]:
        return strongest((m.label, m.strength) for m in extractor.extract(text))

    return read


def naive_reader(taxonomy: Taxonomy):
    """A plain dictionary: every alias (not blocked) as a whole word, case-folded; every skill
    found is "required"."""
    table = taxonomy.alias_table
    labels = dict(zip(taxonomy.skills["skill_id"], taxonomy.skills["label"], strict=True))
    by_key: dict[str, str] = {}
    for key, sid, status in zip(table["key"], table["skill_id"], table["status"], strict=True):
        if status != "blocked" and key:
            by_key.setdefault(key, labels[sid])

    def read(text: str) -> dict[str, str]:
        plain = " " + " ".join(re.findall(r"[\w+#.]+", text.casefold().replace(". ", " "))) + " "
        return {label: "required" for key, label in by_key.items() if f" {key} " in plain}

    return read


def evaluate(excerpts: list[dict], read) -> dict:
    tp = n_pred = n_gold = 0
    same = both = 0
    per = {s: {"tp": 0, "pred": 0, "gold": 0} for s in RANK}
    misses = []
    for ex in excerpts:
        got, gold = read(ex["text"]), ex["gold"]
        n_pred += len(got)
        n_gold += len(gold)
        for skill, strength in gold.items():
            if skill in got:
                tp += 1
                both += 1
                same += got[skill] == strength
                per[strength]["gold"] += 1
                per[got[skill]]["pred"] += 1
                per[strength]["tp"] += got[skill] == strength
                if got[skill] != strength:
                    misses.append((ex["id"], "strength", skill, strength, got[skill]))
            else:
                misses.append((ex["id"], "missed", skill, strength, ""))
        misses += [(ex["id"], "extra", s, "", st) for s, st in got.items() if s not in gold]
    return {
        "p": tp / n_pred if n_pred else 0.0,
        "r": tp / n_gold if n_gold else 0.0,
        "tp": tp, "pred": n_pred, "gold": n_gold,
        "strength": same / both if both else 0.0, "both": both,
        "per": per, "misses": misses,
    }


def main() -> int:
    if not SHARED.is_dir():
        print(f"shared data not found at {SHARED}: posting reader evaluation skipped")
        return 0
    show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else None
    excerpts = load_excerpts()
    taxonomy = Taxonomy.default()
    readers = {"rules": rules_reader(SkillExtractor(taxonomy)), "naive": naive_reader(taxonomy)}
    print("Posting reader against held-out labels (default taxonomy; benchmarks/data)")
    for split in ("dev", "test"):
        part = [e for e in excerpts if e["split"] == split]
        n_pairs = sum(len(e["gold"]) for e in part)
        print(f"\n{split}: {len(part)} excerpts, {n_pairs} labelled skills")
        print(f"{'':8}{'presence P':>11}{'R':>7}{'F1':>7}{'strength acc':>14}{'on found':>10}"
              f"{'req P/R':>13}{'pref P/R':>13}")
        for name, read in readers.items():
            res = evaluate(part, read)
            p, r = res["p"], res["r"]
            f1 = 2 * p * r / (p + r) if p + r else 0.0

            def pr(s, res=res):
                d = res["per"][s]
                pp = d["tp"] / d["pred"] if d["pred"] else 0.0
                rr = d["tp"] / d["gold"] if d["gold"] else 0.0
                return f"{pp:.2f}/{rr:.2f}"

            print(f"{name:8}{p:>11.3f}{r:>7.3f}{f1:>7.3f}{res['strength']:>14.1%}"
                  f"{res['both']:>10}{pr('required'):>13}{pr('preferred'):>13}")
            if show == split and name == "rules":
                for miss in res["misses"]:
                    print("   ", *miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
