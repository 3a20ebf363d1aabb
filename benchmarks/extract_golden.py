"""Golden check for the skill extractor: record every match on real postings, or compare.

Run ``.venv/bin/python benchmarks/extract_golden.py record`` before changing the extractor and
``.venv/bin/python benchmarks/extract_golden.py check`` after: the full list of matches
(skill_id, start, end, strength, text) over the HaHu and SkillSpan postings, plain and as HTML
(as ``bench_extract.py`` makes it), with the default and the ESCO taxonomy, with and without an
employer name, must be identical. Speed work must not change results.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_extract import ESCO_FILE, as_html, load_texts  # noqa: E402

GOLDEN = Path("/tmp/careerkit_extract_golden.pkl")
# employer names that are also skill names, so the employer rule removes matches
EMPLOYERS = ("Python", "Microsoft Excel", "Oracle", "communication", "Ethio Telecom", "Java")


def run() -> dict[str, list]:
    from careerkit.skills import SkillExtractor, Taxonomy

    corpora = load_texts()
    out: dict[str, list] = {}
    for tname, tax in (("default", Taxonomy.default()), ("esco", Taxonomy.from_esco(ESCO_FILE))):
        ex = SkillExtractor(tax)
        for cname, texts in corpora.items():
            for form, conv in (("plain", str), ("html", as_html)):
                docs = [conv(t) for t in texts]
                for emp in (None, EMPLOYERS):
                    rows = []
                    for i, t in enumerate(docs):
                        for m in ex.extract(t, employer=emp):
                            rows.append((i, m.skill_id, m.start, m.end, m.strength, m.text))
                    out[f"{tname}/{cname}/{form}/{'emp' if emp else 'none'}"] = rows
    return out


def main() -> int:
    mode = sys.argv[1] if len(sys.argv) > 1 else "check"
    res = run()
    if mode == "record":
        GOLDEN.write_bytes(pickle.dumps(res))
        for k, v in res.items():
            print(f"{k}: {len(v)} matches")
        return 0
    gold = pickle.loads(GOLDEN.read_bytes())
    ok = True
    for k, v in gold.items():
        same = res.get(k) == v
        ok &= same
        digest = hashlib.sha1(pickle.dumps(res.get(k))).hexdigest()[:10]
        verdict = "OK" if same else "DIFF"
        print(f"{k}: {len(res.get(k, []))} matches ({len(v)} golden) {verdict} {digest}")
    print("ALL IDENTICAL" if ok else "DIFFERENT")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
