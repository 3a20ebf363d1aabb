"""Whole extract(): the current extractor vs the same with the C walk (proto_extract.py)."""
from pathlib import Path
import re, sys, time
sys.path.insert(0, str(Path(__file__).resolve().parents[3])); sys.path.insert(0, str(Path(__file__).resolve().parent))
from careerkit.skills.extract import SkillExtractor
from careerkit.skills.taxonomy import Taxonomy
from proto_extract import WalkExtractor
from bench import load_texts

ESCO = str(Path(__file__).resolve().parents[4] / "shared/data/esco/skills_en_slim_v1.1.1_northstar.csv")
tax = Taxonomy.from_esco(ESCO)
ex = SkillExtractor(tax)
t = time.process_time(); wx = WalkExtractor(tax); print(f"WalkExtractor start-up {time.process_time() - t:.2f} s CPU (extractor + trie build)")
print("short-alias pass:", "automaton" if ex._ac_short is not None else "finder" if ex._short_find is not None else "none")
for name, texts in load_texts().items():
    ndiff = 0; only_old = only_new = 0; ex_shown = 0; tot_old = tot_new = 0
    for k, x in enumerate(texts):
        a = [(m.start, m.end, m.skill_id, m.strength) for m in ex.extract(x)]
        b = [(m.start, m.end, m.skill_id, m.strength) for m in wx.extract(x)]
        tot_old += len(a); tot_new += len(b)
        if a != b:
            ndiff += 1
            A, B = set(a), set(b)
            only_old += len(A - B); only_new += len(B - A)
            if ex_shown < 5:
                ex_shown += 1
                lab = {m.skill_id: m.label for m in (*ex.extract(x), *wx.extract(x))}
                for m in sorted(A - B): print(f"   {name}#{k} current only: {x[m[0]:m[1]]!r} -> {lab[m[2]]!r} ({m[3]}); context {x[max(0,m[0]-25):m[1]+25]!r}")
                for m in sorted(B - A): print(f"   {name}#{k} walk only:    {x[m[0]:m[1]]!r} -> {lab[m[2]]!r} ({m[3]}); context {x[max(0,m[0]-25):m[1]+25]!r}")
    print(f"{name}: matches current {tot_old}, walk {tot_new}; postings differing {ndiff}; matches only current {only_old}, only walk {only_new}")
    fns = {"baseline": lambda: [re.findall(r"\w+", x.casefold()) for x in texts],
           "current extract()": lambda: [ex.extract(x) for x in texts],
           "walk extract()": lambda: [wx.extract(x) for x in texts]}
    best = dict.fromkeys(fns, 9e9)
    for _ in range(9):
        for k, f in fns.items():
            t = time.process_time(); f(); best[k] = min(best[k], time.process_time() - t)
    base = best["baseline"]
    for k, v in best.items():
        print(f"   {k:20s} {v * 1e3:6.1f} ms  baseline/this = {base / v:.2f}")
