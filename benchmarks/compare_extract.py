"""Old and new skill extractor in ONE process, taking turns with the baseline.

Run: ``.venv/bin/python benchmarks/compare_extract.py [REV] [ROUNDS]`` (default
``HEAD`` and 21 rounds; needs ``../shared/data``; about a minute). The extractor modules of git
revision ``REV`` (``extract.py``, ``_sections.py``, ``_text.py``, ``_evidence.py``) are loaded
under other names beside the working tree's, and each round times, in turn, the baseline
``str.casefold()`` + ``re.findall(r"\\w+")``, the old and the new extractor with the default and
the ESCO taxonomy over the same plain-text postings (CPU time, best of the rounds). On a shared
machine the ratio old/new measured this way moves much less than figures from separate runs.
The cache of compiled taxonomies goes to a temporary folder (the two versions' entries differ).
"""

from __future__ import annotations

import gc
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULES = ("extract", "_sections", "_text", "_evidence")


def load_old(rev: str, folder: Path):
    """The extractor module of ``rev``, importable beside the current one."""
    for name in MODULES:
        src = subprocess.run(
            ["git", "show", f"{rev}:careerkit/skills/{name}.py"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for other in MODULES[1:]:
            src = src.replace(f"from careerkit.skills.{other} import", f"from old{other} import")
        (folder / f"old{name}.py").write_text(src, encoding="utf-8")
    sys.path.insert(0, str(folder))
    import oldextract

    return oldextract


def main() -> int:
    rev = sys.argv[1] if len(sys.argv) > 1 else "HEAD"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 21
    with tempfile.TemporaryDirectory(prefix="careerkit-compare-") as tmp:
        return compare(rev, rounds, Path(tmp))


def compare(rev: str, rounds: int, tmp: Path) -> int:
    os.environ["CAREERKIT_HOME"] = str(tmp / "home")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_extract import ESCO_FILE, load_texts

    from careerkit.skills import SkillExtractor, Taxonomy

    old_mod = load_old(rev, tmp)
    taxonomies = {"default": Taxonomy.default(), "ESCO": Taxonomy.from_esco(ESCO_FILE)}
    runners = {}
    for tname, tax in taxonomies.items():
        runners[f"{tname} old"] = old_mod.SkillExtractor(tax).extract
        runners[f"{tname} new"] = SkillExtractor(tax).extract
    word = re.compile(r"\w+")
    gc.collect()  # the start-up's garbage, not the rounds', is collected here

    def baseline(text: str) -> list[str]:
        return word.findall(text.casefold())

    print(f"old = {rev}, new = working tree; CPU time, best of {rounds} interleaved rounds")
    for cname, texts in load_texts().items():
        best: dict[str, float] = {}
        for _ in range(rounds):
            for key, fn in (("baseline", baseline), *runners.items()):
                t0 = time.process_time()
                for t in texts:
                    fn(t)
                best[key] = min(best.get(key, float("inf")), time.process_time() - t0)
        base = best.pop("baseline")
        parts = [f"{k} {v * 1e3:.1f} ms ({base / v:.2f}x)" for k, v in best.items()]
        print(f"{cname}: baseline {base * 1e3:.1f} ms | " + " | ".join(parts), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
