"""Derive careerkit's fit-band cut-offs from a null test and store them in data/fit_bands.json.

    .venv/bin/python scripts/derive_fit_bands.py [--n 20000] [--seed 11] [--out data/fit_bands.json]

Simulates random answers to the bundled 60-item inventory (uniform 1–5) and matches them against
the bundled O*NET occupations and against the same occupations with shuffled letters
(``careerkit.interests._null.derive_cutoffs``). Seeded: the same seed and data give the same file.
Run it again after ``make data`` changes the occupations; ``benchmarks/bench_fit_null.py`` prints
what the stored cut-offs do. See docs/fit_bands.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from careerkit import __version__, datasets  # noqa: E402
from careerkit.interests._null import derive_cutoffs  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20000, help="random answer sets (default 20000)")
    parser.add_argument("--seed", type=int, default=11, help="random seed (default 11)")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / datasets.FIT_BANDS_FILE)
    args = parser.parse_args(argv)
    occupations = datasets.occupations()
    info = derive_cutoffs(occupations, n=args.n, seed=args.seed)
    source = datasets.provenance().get("tables", {}).get("occupations", {})
    info = {
        "about": (
            "careerkit's own fit bands (not an O*NET standard), derived from a null test: see "
            "docs/fit_bands.md"
        ),
        "derived_by": f"scripts/derive_fit_bands.py (careerkit {__version__})",
        "occupations": f"bundled occupations.csv, O*NET {source.get('release', 'unknown')} "
        "interest profiles",
        **info,
    }
    args.out.write_text(json.dumps(info, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    print(f"fit cut-offs (r): {info['fit']}")
    print(f"profile spread cut-offs (noise units): {info['spread_units']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
