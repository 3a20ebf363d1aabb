"""Rebuild careerkit's bundled O*NET tables in data/ from a folder of O*NET releases.

    .venv/bin/python scripts/build_data.py --onet ../shared/data/onet [--out data]

Reads every release through ``careerkit.onet.load_release`` and writes the compact tables,
``provenance.json`` and ``README.md`` (see ``careerkit.datasets._build``). The releases used
(issue 2): 30.1 interests, titles and work values; 29.3 Job Zones (the derived text copy, which
covers the same 923 occupations as the 30.1 interests); 29.2 skills, knowledge and technology;
for occupations without 29.2 ratings, 29.3 ratings where it has them, else the most related
rated occupation (29.2 Related Occupations); 29.2 Level Scale Anchors (issue 11).
Each can be changed with an option. Other files under data/ (inventory/, skills/, samples/,
goals/) are left alone.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from careerkit import __version__  # noqa: E402
from careerkit.datasets._build import build_tables  # noqa: E402
from careerkit.onet import load_release  # noqa: E402

DEFAULTS = {
    "interests": "db_30_1_text",
    "titles": "db_30_1_text",
    "job_zones": "db_29_3_derived_tsv",
    "ratings": "db_29_2_converted_tsv",
    "technology": "db_29_2_converted_tsv",
    "work_values": "db_30_1_text",
}

#: Issue 11: where occupations without ratings in the ratings release get theirs (a newer
#: release that rates them, else O*NET's Related Occupations), and O*NET's level anchors.
UNRATED_ROLES = {
    "ratings_fill": "db_29_3_excel",
    "related": "db_29_2_converted_tsv",
    "anchors": "db_29_2_converted_tsv",
}


def unrated_role_sources(onet: Path, chosen: dict[str, str], cache: dict) -> dict:
    """The releases for occupations without ratings and for the level anchors."""
    sources = {}
    for part, name in chosen.items():
        folder = onet / name
        if folder not in cache:
            cache[folder] = load_release(folder)
        sources[part] = cache[folder]
    return sources


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--onet",
        type=Path,
        default=ROOT.parent / "shared" / "data" / "onet",
        help="folder holding O*NET release folders (default: ../shared/data/onet)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "data", help="output folder")
    for part, folder in {**DEFAULTS, **UNRATED_ROLES}.items():
        parser.add_argument(
            f"--{part.replace('_', '-')}",
            default=folder,
            metavar="FOLDER",
            help=f"release folder (under --onet) for {part} (default: {folder})",
        )
    args = parser.parse_args(argv)

    cache = {}
    sources = {}
    for part in DEFAULTS:
        folder = args.onet / getattr(args, part)
        if folder not in cache:
            cache[folder] = load_release(folder)
        sources[part] = cache[folder]
    chosen = {part: getattr(args, part) for part in UNRATED_ROLES}
    sources.update(unrated_role_sources(args.onet, chosen, cache))
    info = build_tables(
        args.out, sources, builder=f"scripts/build_data.py (careerkit {__version__})"
    )
    for table in info["tables"].values():
        releases = ", ".join(sorted({s["release"] for s in table["sources"]}))
        print(f"{table['file']:<24} {table['rows']:>7,} rows  O*NET {releases}")
    cover = info["coverage"]
    print(
        f"coverage: {cover['occupations']} occupations; without skills "
        f"{cover['without_skills']}, technology {cover['without_technology']}, "
        f"work values {cover['without_work_values']}, Job Zone {cover['without_job_zone']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
