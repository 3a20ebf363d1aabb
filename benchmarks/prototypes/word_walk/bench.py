"""Prototype benchmark: C word-start trie walk vs ahocorasick_rs vs the regex baseline.

Run: CAREERKIT_HOME=$(mktemp -d) .venv/bin/python benchmarks/prototypes/word_walk/bench.py
"""

from __future__ import annotations

from pathlib import Path
import importlib.util
import re
import sys
import time
import tracemalloc
from collections import Counter

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from careerkit.skills._text import alias_bytes, normalise  # noqa: E402
from careerkit.skills.extract import SkillExtractor  # noqa: E402
from careerkit.skills.taxonomy import Taxonomy  # noqa: E402

from trie_build import Walker, Walker2, Walker3, build_trie, build_trie2, build_trie3  # noqa: E402

ESCO = str(Path(__file__).resolve().parents[4] / "shared/data/esco/skills_en_slim_v1.1.1_northstar.csv")
ROUNDS = 9


def load_texts():
    spec = importlib.util.spec_from_file_location(
        "bench_extract", str(Path(__file__).resolve().parents[2] / "bench_extract.py")
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.load_texts()


def whole_word(search: bytes, matches):
    out = []
    for api, s, e in matches:
        ch = search[e]
        if ch == 32 or (ch == 46 and search[e + 1] == 32):
            out.append((api, s, e))
    return out


def main() -> None:
    t0 = time.perf_counter()
    ex = SkillExtractor(Taxonomy.from_esco(ESCO))
    print(f"extractor ready in {time.perf_counter() - t0:.1f} s")
    patterns = [alias_bytes(ex._c.patterns[i]) for i in ex._long_idx]
    print(f"{len(patterns)} long patterns, {sum(map(len, patterns))} bytes")

    # trie builds: time and memory, three layouts
    for label, fn in (("v1 BFS arrays", build_trie), ("v2 compressed DFS", build_trie2),
                      ("v3 first-token hash + compressed DFS", build_trie3)):
        tb = []
        for _ in range(3):
            t = time.process_time()
            fn(patterns)
            tb.append(time.process_time() - t)
        tracemalloc.start()
        fn(patterns)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"build {label}: best {min(tb):.2f} s CPU (Python), tracemalloc peak {peak / 1e6:.0f} MB")
    w1 = Walker(patterns)
    fan = w1.first[1:] - w1.first[:-1]
    print(
        f"v1 trie: {len(w1.label)} nodes, {w1.nbytes()} bytes (first int32, label uint8, pat "
        f"int32); root fan-out {fan[0]}, nodes with >8 children {(fan > 8).sum()}"
    )
    w2 = Walker2(patterns)
    print(f"v2 trie: {w2.n_records} records, {w2.nbytes()} bytes")
    w = Walker3(patterns)
    print(
        f"v3 trie: {w.n_records} records ({len(w.T)} bytes) + {w.n_tokens} first tokens in a "
        f"{len(w.ht)}-slot hash table ({w.ht.nbytes} bytes) + token pool {len(w.pool)} bytes "
        f"= {w.nbytes()} bytes"
    )
    t = time.process_time()
    ac = type(ex._ac)  # noqa: F841
    from careerkit.skills.extract import _automaton

    _automaton(patterns)
    print(f"(for comparison: ahocorasick_rs build {time.process_time() - t:.2f} s CPU)")

    corpora = load_texts()
    walk = w.find
    walk_raw = w._walk
    addr, cap = w._addr, w.cap
    find_ac = ex._ac.find_matches_as_indexes
    results = {}
    for name, texts in corpora.items():
        docs = [normalise(t) for t in texts]
        searches = [d.search for d in docs]
        size = sum(len(t.encode()) for t in texts) / 1e6

        # ---- correctness: compare match sets
        n_ac_raw = n_ac_ww = n_walk = 0
        only_walk, only_ac = [], []
        kinds = Counter()
        for di, s in enumerate(searches):
            raw = find_ac(s)
            aw = set(whole_word(s, raw))
            fl = walk(s)
            assert fl == w1.find(s) == w2.find(s), di
            ws = {tuple(fl[k : k + 3]) for k in range(0, len(fl), 3)}
            n_ac_raw += len(raw)
            n_ac_ww += len(aw)
            n_walk += len(ws)
            rej = [(a, b, c) for a, b, c in raw if (a, b, c) not in aw]
            for m in ws - aw:
                _, ms, me = m
                if any(b == ms for _, b, _ in rej):
                    kinds["walk only: same start as a rejected longer raw match"] += 1
                elif any(b < ms < c for _, b, c in rej):
                    kinds["walk only: starts inside a rejected raw match"] += 1
                elif any(b < ms < c for _, b, c in aw):
                    kinds["walk only: starts inside an accepted raw match"] += 1
                else:
                    kinds["walk only: other"] += 1
                only_walk.append((di, m))
            for m in aw - ws:
                _, ms, me = m
                if any(b < me and ms < c for _, b, c in ws):
                    kinds["automaton only: overlaps an earlier walk match"] += 1
                else:
                    kinds["automaton only: other"] += 1
                only_ac.append((di, m))
        print(
            f"\n{name}: {len(texts)} postings, {size:.2f} MB; automaton raw matches {n_ac_raw}, "
            f"of which whole-word {n_ac_ww}; walk matches {n_walk}; only in walk "
            f"{len(only_walk)}, only in automaton {len(only_ac)}"
        )
        for k, v in sorted(kinds.items()):
            print(f"   {k}: {v}")
        pk = [p.decode("latin-1") for p in patterns]
        shown = 0
        for di, (api, ms, me) in only_walk:
            s = searches[di]
            raw = find_ac(s)
            cover = [(pk[a], b, c) for a, b, c in raw if b <= ms < c or b < me <= c]
            ctx = s[max(0, ms - 20) : me + 25].decode("latin-1")
            print(f"   walk only {pk[api]!r} at {ms}: ...{ctx}...  automaton there: {cover}")
            shown += 1
            if shown >= 6:
                break
        shown = 0
        for di, (api, ms, me) in only_ac:
            s = searches[di]
            fl = walk(s)
            ws = [(pk[fl[k]], fl[k + 1], fl[k + 2]) for k in range(0, len(fl), 3)]
            cover = [m for m in ws if m[1] < me and ms < m[2]]
            ctx = s[max(0, ms - 20) : me + 25].decode("latin-1")
            print(f"   automaton only {pk[api]!r} at {ms}: ...{ctx}...  walk there: {cover}")
            shown += 1
            if shown >= 4:
                break

        # ---- timing: best of ROUNDS interleaved rounds of CPU time
        def f_base():
            for t in texts:
                re.findall(r"\w+", t.casefold())

        def f_ac():
            for s in searches:
                find_ac(s)

        def f_walk():
            for s in searches:
                walk(s)

        walk1, walk2 = w1.find, w2.find
        route = ex._route

        def f_walk1():
            for s in searches:
                walk1(s)

        def f_walk2():
            for s in searches:
                walk2(s)

        def f_route():  # walk + the least Python per match: route each triple
            for s in searches:
                fl = walk(s)
                accepted, other = [], []
                add, add_o = accepted.append, other.append
                it = iter(fl)
                for api, a, b in zip(it, it, it):
                    pi = route[api]
                    if pi >= 0:
                        add((a + 1, b, pi))
                    else:
                        add_o((a + 1, b, api))

        extract = ex.extract

        def f_extract():
            for t in texts:
                extract(t)

        def f_walk_bare():  # the ctypes call only, no conversion to a list
            for s in searches:
                walk_raw(s, len(s), addr, cap)

        def f_norm():
            for t in texts:
                normalise(t)

        fns = {
            "(1) baseline casefold+findall": f_base,
            "(2) ahocorasick_rs find_matches_as_indexes": f_ac,
            "(3) C walk v3 + tolist()": f_walk,
            "(3b) C walk v3, ctypes call only": f_walk_bare,
            "(3c) C walk v1 (BFS arrays) + tolist()": f_walk1,
            "(3d) C walk v2 (compressed DFS) + tolist()": f_walk2,
            "(4) normalise()": f_norm,
            "(5) C walk v3 + tolist + Python routing loop": f_route,
            "(6) current extract() (for reference)": f_extract,
        }
        best = dict.fromkeys(fns, float("inf"))
        for _ in range(ROUNDS):
            for k, fn in fns.items():
                t = time.process_time()
                fn()
                best[k] = min(best[k], time.process_time() - t)
        results[name] = (best, size, len(texts))

    print("\nms per corpus (CPU, best of 9 interleaved rounds)")
    names = list(results)
    print("| step | " + " | ".join(f"{n} ({results[n][2]} postings, {results[n][1]:.2f} MB)" for n in names) + " |")
    print("|---|" + "---|" * len(names))
    for k in results[names[0]][0]:
        cells = []
        for n in names:
            best, size, _ = results[n]
            base = best["(1) baseline casefold+findall"]
            cells.append(f"{best[k] * 1e3:.1f} ms ({best[k] / base:.2f}x base)")
        print(f"| {k} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
