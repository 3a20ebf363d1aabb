"""The compiled whole-word search in an installed wheel, against the pure-Python engine.

Run: ``.venv/bin/python benchmarks/bench_walk_installed.py`` (needs ``../shared/data`` and a C
compiler; ~2 minutes). Builds the wheel (``hatch_build.py`` compiles ``_walk.c`` into it),
installs it into a temporary folder, and in one process of that installed copy times
``SkillExtractor.extract()`` with the compiled search and with the pure-Python engine
(``CAREERKIT_PURE_PYTHON=1`` when the extractor is made), beside the baseline
``casefold()`` + ``findall(r"\\w+")``: best of 7 interleaved rounds, CPU time, HaHu and
SkillSpan postings, default and ESCO taxonomies.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"

CHILD = r'''
import json, os, re, sys, time
import careerkit
from careerkit.skills import _walk
from careerkit.skills import SkillExtractor
from careerkit.skills import Taxonomy
import pandas as pd

shared, site = sys.argv[1], sys.argv[2]
assert careerkit.__file__.startswith(site), careerkit.__file__
print(f"careerkit imported from {careerkit.__file__}")
print(f"compiled library in the installed copy: {_walk.library() is not None}")
hahu = pd.read_csv(f"{shared}/postings/hahu/redacted_hahu_test_with_id.csv")
with open(f"{shared}/skill-benchmarks/skillspan/postings_train_dev.jsonl", encoding="utf-8") as f:
    span = [json.loads(line)["text"] for line in f]
corpora = {"HaHu": [t for t in hahu["description"].fillna("") if t], "SkillSpan": span}
taxonomies = {
    "default": Taxonomy.default(),
    "ESCO": Taxonomy.from_esco(f"{shared}/esco/skills_en_slim_v1.1.1_northstar.csv"),
}
engines = {}
for name, tax in taxonomies.items():
    os.environ[_walk.PURE_ENV] = "0"
    engines[f"{name} compiled"] = SkillExtractor(tax)
    assert engines[f"{name} compiled"]._walker is not None
    os.environ[_walk.PURE_ENV] = "1"
    engines[f"{name} pure"] = SkillExtractor(tax)
    assert engines[f"{name} pure"]._walker is None
    os.environ[_walk.PURE_ENV] = "0"
    # same matches on both engines before timing them
    for text in corpora["HaHu"][:200]:
        assert engines[f"{name} compiled"].extract(text) == engines[f"{name} pure"].extract(text)

def baseline(text):
    return re.findall(r"\w+", text.casefold())

def once(fn, texts):
    t0 = time.process_time()
    for t in texts:
        fn(t)
    return time.process_time() - t0

for corpus, texts in corpora.items():
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    fns = {"baseline": baseline, **{k: ex.extract for k, ex in engines.items()}}
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(7):
        for k, fn in fns.items():
            best[k] = min(best[k], once(fn, texts))
    base = size / best["baseline"]
    print(f"{corpus}: {len(texts)} postings, {size:.2f} MB; baseline {base:.1f} MB/s")
    for tax in taxonomies:
        c, p = best[f"{tax} compiled"], best[f"{tax} pure"]
        print(
            f"  {tax:7s} compiled {size / c:5.1f} MB/s ({best['baseline'] / c:.2f}x baseline)  "
            f"pure {size / p:5.1f} MB/s ({best['baseline'] / p:.2f}x baseline)  "
            f"compiled/pure {p / c:.2f}x"
        )
'''


def main() -> int:
    if not SHARED.is_dir():
        print(f"shared data not found at {SHARED}")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", tmp,
             str(ROOT)],
            check=True,
            capture_output=True,
        )
        wheel = next(tmp_path.glob("careerkit-*.whl"))
        print(f"wheel: {wheel.name}")
        site = tmp_path / "site"
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target",
             str(site), str(wheel)],
            check=True,
        )
        home = tmp_path / "home"
        env = dict(os.environ, PYTHONPATH=str(site), CAREERKIT_HOME=str(home))
        env.pop("CAREERKIT_PURE_PYTHON", None)
        subprocess.run(
            [sys.executable, "-c", CHILD, str(SHARED), str(site)], cwd=tmp, env=env, check=True
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
