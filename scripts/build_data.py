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
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from careerkit import __version__  # noqa: E402
from careerkit.datasets._build import build_tables  # noqa: E402
from careerkit.occupations._related import (  # noqa: E402
    PROVENANCE_KEY,
    RELATED_FILE,
    related_from_release,
)
from careerkit.onet import load_release  # noqa: E402

DEFAULTS = {
    "interests": "db_30_1_text",
    "titles": "db_30_1_text",
    "job_zones": "db_29_3_derived_tsv",
    "ratings": "db_29_2_converted_tsv",
    "technology": "db_29_2_converted_tsv",
    "work_values": "db_30_1_text",
}
#: release folder of O*NET Related Occupations (issue 14; only 29.2 has the file here)
RELATED_DEFAULT = "db_29_2_converted_tsv"
#: README section for the tables built beside the main ones (rewritten on every build)
OTHER_TABLES_HEADING = "## Tables built beside these (not rebuilt by `careerkit data update`)"

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
    parser.add_argument(
        "--related",
        default=RELATED_DEFAULT,
        metavar="FOLDER",
        help=f"release folder for Related Occupations (default: {RELATED_DEFAULT})",
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
    related = build_related_occupations(args.onet / args.related, args.out)
    print(f"{related['file']:<24} {related['rows']:>7,} rows  O*NET {related['release']}")
    cover = info["coverage"]
    print(
        f"coverage: {cover['occupations']} occupations; without skills "
        f"{cover['without_skills']}, technology {cover['without_technology']}, "
        f"work values {cover['without_work_values']}, Job Zone {cover['without_job_zone']}"
    )
    return 0


def record_other_table(out: Path, name: str, entry: dict, description: str) -> None:
    """Add one table built beside the main ones to ``provenance.json`` (under
    ``other_tables``) and to the README's section about them (rewritten each time)."""
    path = out / "provenance.json"
    info = json.loads(path.read_text(encoding="utf-8"))
    info.setdefault(PROVENANCE_KEY, {})[name] = {**entry, "description": description}
    path.write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    readme = out / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.is_file() else ""
    start = text.find(OTHER_TABLES_HEADING)
    if start >= 0:
        end = text.find("\n## ", start + len(OTHER_TABLES_HEADING))
        text = text[:start].rstrip("\n") + "\n" + (text[end:] if end >= 0 else "")
    lines = [
        "",
        OTHER_TABLES_HEADING,
        "",
        "Derived by `scripts/build_data.py` from the O*NET release named; careerkit always reads "
        "them from this bundled folder.",
        "",
        "| file | what | rows | O*NET release (source files) |",
        "|---|---|---|---|",
    ]
    for table in info[PROVENANCE_KEY].values():
        source = table["sources"][0]
        lines.append(
            f"| `{table['file']}` | {table['description']} | {table['rows']:,} | "
            f"{source['release']} ({source['date']}), {', '.join(source['files'])} |"
        )
    readme.write_text(text.rstrip("\n") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")


def build_related_occupations(folder: Path, out: Path) -> dict:
    """``related_occupations.csv`` (issue 14): O*NET Related Occupations as ``soc_code,
    related_soc_code, tier, index`` (titles come from occupations.csv), with its provenance."""
    frame = related_from_release(folder)
    frame.to_csv(out / RELATED_FILE, index=False, lineterminator="\n")
    release = load_release(folder)
    source = {
        "part": "related_occupations",
        "release": release.release,
        "date": release.date,
        "folder": folder.name,
        "files": [p.name for p in sorted(folder.glob("Related Occupations.*"))],
    }
    entry = {
        "file": RELATED_FILE,
        "rows": len(frame),
        "columns": list(frame.columns),
        "release": release.release,
        "date": release.date,
        "sources": [source],
    }
    record_other_table(
        out,
        "related_occupations",
        entry,
        "each occupation's 20 related occupations with O*NET's relatedness tier (Primary-Short, "
        "Primary-Long, Supplemental) and order (index 1–20)",
    )
    return entry


if __name__ == "__main__":
    sys.exit(main())
