"""Quality of the skill extractor on real, labelled posting text.

Run: ``.venv/bin/python benchmarks/eval_extractor.py`` (needs ``../shared/data``).

1. Label level (Decorte et al. 2022 validation splits, ``skill-benchmarks/esco-sentences``),
   with the ESCO taxonomy (``Taxonomy.from_esco`` over the slim ESCO v1.1.1 label file): per
   sentence, the set of ESCO preferred labels found (case-folded) against the set of real labels
   (``LABEL NOT PRESENT`` and ``UNDERSPECIFIED`` dropped); micro precision, recall and F1 over the
   sentences with at least one real label — the protocol in that folder's SOURCE.md.
2. Span level, SkillSpan dev (Zhang et al. 2022) and green2022 (Green et al. 2022), with the ESCO
   and the default taxonomy. Matching rule: a predicted span is a true positive when it
   *overlaps* a gold span (at least one shared character) — the "loose" rule, because a
   dictionary finds the skill's name ("Python") inside a longer annotated phrase ("experience
   with Python"); recall is the share of gold spans overlapped by at least one prediction. Gold
   spans are SKILL and KNOWLEDGE (SkillSpan) and Skill, Qualification and Domain (green2022).
   Strict (exact boundary) figures are printed beside them.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from careerkit.skills import SkillExtractor, Taxonomy  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
ESCO_FILE = SHARED / "esco" / "skills_en_slim_v1.1.1_northstar.csv"
SENTENCES = SHARED / "skill-benchmarks" / "esco-sentences"
NOT_LABELS = {"LABEL NOT PRESENT", "UNDERSPECIFIED"}
#: A plain dictionary's figures on the same splits (SOURCE.md of esco-sentences).
DICTIONARY = {
    "tech": {"p": 0.516, "r": 0.252, "f1": 0.338},
    "house": {"p": 0.447, "r": 0.160, "f1": 0.236},
}
#: This extractor's figures before issue 12 (commit 984c41d), printed beside today's.
BEFORE_ISSUE_12 = {"tech": {"p": 0.750, "r": 0.252}, "house": {"p": 0.700, "r": 0.214}}


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f1, "tp": tp, "pred": n_pred, "gold": n_gold}


def load_sentences(split: str, root: Path = SENTENCES) -> dict[str, set[str]]:
    """sentence -> set of real ESCO labels (case-folded), for one split (tech or house)."""
    gold: dict[str, set[str]] = {}
    with (root / f"{split}_validation_annotations.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            labels = gold.setdefault(row["sentence"], set())
            if row["label"] not in NOT_LABELS:
                labels.add(row["label"].casefold())
    return gold


def label_level(
    extractor: SkillExtractor, split: str, root: Path = SENTENCES, errors: bool = False
) -> dict[str, float]:
    gold = load_sentences(split, root)
    tp = n_pred = n_gold = 0
    fps: Counter = Counter()
    fns: Counter = Counter()
    for sentence, labels in gold.items():
        if not labels:
            continue
        found = {m.label.casefold() for m in extractor.extract(sentence)}
        tp += len(found & labels)
        n_pred += len(found)
        n_gold += len(labels)
        fps.update(found - labels)
        fns.update(labels - found)
    out = prf(tp, n_pred, n_gold)
    if errors:
        out["false_positives"] = fps.most_common(40)
        out["false_negatives"] = fns.most_common(20)
    return out


def _spans_from_bio(tokens: list[str], tags: list[str]) -> tuple[str, list[tuple[int, int]]]:
    text_parts, offsets = [], []
    pos = 0
    for tok in tokens:
        offsets.append((pos, pos + len(tok)))
        text_parts.append(tok)
        pos += len(tok) + 1
    spans, start = [], None
    for i, tag in enumerate([*tags, "O"]):
        t = tag.split("-")[0]
        if t in ("B", "O") and start is not None:
            spans.append((offsets[start][0], offsets[i - 1][1]))
            start = None
        if t == "B" or (t == "I" and start is None and i < len(tags)):
            start = i
    return " ".join(text_parts), spans


def skillspan_dev(root: Path = SHARED / "skill-benchmarks" / "skillspan"):
    """(text, gold spans) per SkillSpan dev sentence: SKILL and KNOWLEDGE spans."""
    out = []
    with (root / "dev.json").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text, skill = _spans_from_bio(rec["tokens"], rec["tags_skill"])
            _, know = _spans_from_bio(rec["tokens"], rec["tags_knowledge"])
            out.append((text, skill + know))
    return out


def green2022(root: Path = SHARED / "skill-benchmarks" / "green2022"):
    """(text, gold spans) per green2022 test sentence: Skill, Qualification, Domain spans."""
    out, tokens, tags = [], [], []
    keep = {"Skill", "Qualification", "Domain"}

    def flush():
        if tokens:
            bio = [t if t == "O" or t.split("-", 1)[1] in keep else "O" for t in tags]
            out.append(_spans_from_bio(tokens, bio))
        tokens.clear()
        tags.clear()

    with (root / "testset.txt").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split()
            if not parts or parts[0] == "-DOCSTART-":
                flush()
                continue
            tokens.append(parts[0])
            tags.append(parts[-1])
    flush()
    return out


def span_level(extractor: SkillExtractor, data) -> dict[str, float]:
    tp_loose = tp_strict = n_pred = n_gold = gold_hit = 0
    for text, gold in data:
        pred = [(m.start, m.end) for m in extractor.extract(text)]
        n_pred += len(pred)
        n_gold += len(gold)
        gold_set = set(gold)
        for s, e in pred:
            if any(s < ge and gs < e for gs, ge in gold):
                tp_loose += 1
            if (s, e) in gold_set:
                tp_strict += 1
        gold_hit += sum(1 for gs, ge in gold if any(s < ge and gs < e for s, e in pred))
    loose = prf(tp_loose, n_pred, n_gold)
    loose["r"] = gold_hit / n_gold if n_gold else 0.0
    loose["f1"] = 2 * loose["p"] * loose["r"] / (loose["p"] + loose["r"]) if loose["p"] else 0.0
    strict = prf(tp_strict, n_pred, n_gold)
    return {"loose": loose, "strict": strict}


def hahu_top(extractor: SkillExtractor, n: int = 50):
    """The n most frequent matched aliases on the HaHu postings, with two example contexts."""
    import pandas as pd

    frame = pd.read_csv(SHARED / "postings" / "hahu" / "redacted_hahu_test_with_id.csv")
    counts: Counter = Counter()
    examples: dict[tuple[str, str], list[str]] = {}
    for desc in frame["description"].fillna(""):
        for m in extractor.extract(desc):
            key = (m.text.casefold(), m.label)
            counts[key] += 1
            ex = examples.setdefault(key, [])
            if len(ex) < 2:
                ctx = desc[max(0, m.start - 50) : m.end + 50].replace("\n", " ")
                ex.append(ctx)
    return [(k, c, examples[k]) for k, c in counts.most_common(n)]


def _fmt(d: dict) -> str:
    return f"P {d['p']:.3f}  R {d['r']:.3f}  F1 {d['f1']:.3f}  (pred {d['pred']}, gold {d['gold']})"


def main() -> int:
    if not SHARED.is_dir():
        print(f"shared data not found at {SHARED}")
        return 1
    esco = SkillExtractor(Taxonomy.from_esco(ESCO_FILE))
    default = SkillExtractor(Taxonomy.default())
    verbose = "-v" in sys.argv
    print("Label level, esco-sentences validation splits, ESCO taxonomy (micro over sentences)")
    for split in ("tech", "house"):
        res = label_level(esco, split, errors=verbose)
        ref = DICTIONARY[split]
        old = BEFORE_ISSUE_12[split]
        print(f"  {split:5s} {_fmt(res)}   plain dictionary: P {ref['p']:.3f} F1 {ref['f1']:.3f}"
              f"   before issue 12: P {old['p']:.3f} R {old['r']:.3f}")
        if verbose:
            print("    false positives:", res["false_positives"])
            print("    missed:", res["false_negatives"])
    print("Span level (overlap = true positive; strict = exact boundaries)")
    for name, data in (("SkillSpan dev", skillspan_dev()), ("green2022", green2022())):
        for tname, ex in (("ESCO", esco), ("default", default)):
            res = span_level(ex, data)
            print(f"  {name:13s} {tname:7s} overlap {_fmt(res['loose'])}")
            print(f"  {'':13s} {'':7s} strict  {_fmt(res['strict'])}")
    if "--hahu" in sys.argv:
        for tname, ex in (("default", default), ("ESCO", esco)):
            print(f"HaHu top 50 ({tname})")
            for (alias, label), count, ctx in hahu_top(ex):
                print(f"  {count:5d}  {alias!r} -> {label}  | {ctx[0][:110]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
