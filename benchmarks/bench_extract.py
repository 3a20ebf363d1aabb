"""Speed of the skill extractor on real postings, beside simple baselines in the same run.

Run: ``.venv/bin/python benchmarks/bench_extract.py`` (needs ``../shared/data``; ~1–2 minutes).

Prints, for the HaHu postings and the SkillSpan postings (plain text):
- the baseline ``str.casefold()`` + ``re.findall(r"\\w+")`` over the same texts (MB/s), in
  rounds taking turns with the extractors (the machine is shared: figures drift between runs,
  the ratio much less);
- the whole ``SkillExtractor.extract()`` with the default taxonomy and the full ESCO taxonomy
  (~98k aliases), MB/s and the ratio to the baseline (> 1 means faster than the baseline);
- the same postings as HTML (each line a ``<p>``, entities escaped), timed separately;
- a naive per-alias regex loop on a random subsample of ESCO aliases, extrapolated to all;
- ESCO taxonomy + extractor start-up: cold (empty cache) and cached (second start, in a fresh
  process), and peak memory (max RSS of that process, and tracemalloc peak of the cold build).
"""

from __future__ import annotations

import html
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "data"
ESCO_FILE = SHARED / "esco" / "skills_en_slim_v1.1.1_northstar.csv"

STARTUP = """
import resource, sys, time, tracemalloc
t0 = time.perf_counter()
if sys.argv[1] == "trace":
    tracemalloc.start()
from careerkit.skills import Taxonomy
from careerkit.skills import SkillExtractor
t1 = time.perf_counter()
tax = Taxonomy.from_esco(sys.argv[2])
t2 = time.perf_counter()
ex = SkillExtractor(tax)
t3 = time.perf_counter()
ex.extract("Python and SQL")
peak = tracemalloc.get_traced_memory()[1] if tracemalloc.is_tracing() else 0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(t1 - t0, t2 - t1, t3 - t2, peak, rss)
"""


def load_texts() -> dict[str, list[str]]:
    import pandas as pd

    hahu = pd.read_csv(SHARED / "postings" / "hahu" / "redacted_hahu_test_with_id.csv")
    hahu_texts = [t for t in hahu["description"].fillna("") if t]
    path = SHARED / "skill-benchmarks" / "skillspan" / "postings_train_dev.jsonl"
    with path.open(encoding="utf-8") as fh:
        span_texts = [json.loads(line)["text"] for line in fh]
    return {"HaHu": hahu_texts, "SkillSpan": span_texts}


def as_html(text: str) -> str:
    return "\n".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))


def mb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def run_once(fn, texts: list[str]) -> float:
    """CPU seconds of this process for one pass (the machine is shared: CPU time is steadier
    than wall time, and both sides of a comparison are measured the same way)."""
    t0 = time.process_time()
    for t in texts:
        fn(t)
    return time.process_time() - t0


def best_of(fns: dict, texts: list[str], rounds: int = 7) -> dict[str, float]:
    """Best-of-``rounds`` CPU time per function over all texts, the functions taking turns in
    every round so that a busy moment on the shared machine hits them alike. (Taking turns
    posting by posting would be unfair to the extractor: the baseline would evict its
    automaton from the CPU caches before every posting.)"""
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(rounds):
        for name, fn in fns.items():
            best[name] = min(best[name], run_once(fn, texts))
    return best


def baseline(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def startup(mode: str, home: str) -> list[float]:
    env = dict(os.environ, CAREERKIT_HOME=home, PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", STARTUP, mode, str(ESCO_FILE)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return [float(x) for x in out.stdout.split()]


def main() -> int:
    if not SHARED.is_dir():
        print(f"shared data not found at {SHARED}")
        return 1
    from careerkit.skills import SkillExtractor, Taxonomy

    corpora = load_texts()
    print("ESCO start-up (fresh processes, empty cache then warm cache)")
    with tempfile.TemporaryDirectory() as home:
        imp, tax_s, ex_s, peak, _ = startup("trace", home)
        print(
            f"  cold, tracemalloc on: taxonomy {tax_s:.2f} s + extractor {ex_s:.2f} s; "
            f"tracemalloc peak {peak / 1e6:.0f} MB"
        )
    with tempfile.TemporaryDirectory() as home:
        imp, tax_s, ex_s, _, rss = startup("plain", home)
        print(
            f"  cold:   taxonomy {tax_s:.2f} s + extractor {ex_s:.2f} s = {tax_s + ex_s:.2f} s "
            f"(target < 10 s); import {imp:.2f} s; max RSS {rss / 1e3:.0f} MB"
        )
        imp, tax_s, ex_s, _, rss = startup("plain", home)
        print(
            f"  cached: taxonomy {tax_s:.2f} s + extractor {ex_s:.2f} s = {tax_s + ex_s:.2f} s "
            "(target < 1 s; the pure-Python engine rebuilds its automaton each start, the "
            f"compiled search nothing); max RSS {rss / 1e3:.0f} MB"
        )

    extractors = {
        "default": SkillExtractor(Taxonomy.default()),
        "ESCO": SkillExtractor(Taxonomy.from_esco(ESCO_FILE)),
    }
    engine = (
        "compiled whole-word search (careerkit/skills/libckwalk.so)"
        if extractors["default"]._walker is not None
        else "pure Python (ahocorasick_rs automaton; no C compiler, or CAREERKIT_PURE_PYTHON=1)"
    )
    print(f"\nEngine: {engine}")
    print("\nThroughput, whole extract() per posting (CPU time, best of 7 interleaved rounds)")
    for name, texts in corpora.items():
        size = mb(texts)
        html_texts = [as_html(t) for t in texts]
        fns = {"baseline": baseline}
        fns.update({f"plain {k}": ex.extract for k, ex in extractors.items()})
        times = best_of(fns, texts)
        html_times = best_of({k: ex.extract for k, ex in extractors.items()}, html_texts, 3)
        base = times["baseline"]
        print(f"  {name}: {len(texts)} postings, {size:.2f} MB")
        print(f"    baseline casefold + findall(\\w+): {size / base:6.1f} MB/s")
        for tname in extractors:
            t = times[f"plain {tname}"]
            th = html_times[tname]
            print(
                f"    extract, {tname:7s} taxonomy:      {size / t:6.1f} MB/s  "
                f"ratio to baseline {base / t:4.2f}   | as HTML ({mb(html_texts):.2f} MB): "
                f"{mb(html_texts) / th:6.1f} MB/s of HTML"
            )

    # naive: one compiled regex per alias, each run over every text
    tax = Taxonomy.from_esco(ESCO_FILE)
    keys = sorted(set(tax.alias_table["key"]))
    rng = random.Random(5)
    sample = rng.sample(keys, 300)
    texts = corpora["HaHu"]
    folded = [t.casefold() for t in texts]
    t0 = time.perf_counter()
    for key in sample:
        rx = re.compile(r"(?<!\w)" + re.escape(key) + r"(?!\w)")
        for t in folded:
            rx.findall(t)
    naive = (time.perf_counter() - t0) * len(keys) / len(sample)
    ours = run_once(extractors["ESCO"].extract, texts)
    print(
        f"\nNaive per-alias regex loop on HaHu ({len(sample)} of {len(keys)} ESCO aliases, "
        f"extrapolated): {naive:.0f} s ({mb(texts) / naive:.3f} MB/s) vs extract() "
        f"{ours:.2f} s: {naive / ours:.0f}x faster"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
