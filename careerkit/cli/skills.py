"""`careerkit skills ...` subcommands.

``careerkit skills extract POSTINGS [--taxonomy default|esco:PATH|csv:PATH] [-o out.csv|out.json]``
reads postings (any format :func:`careerkit.skills.read_postings` accepts), finds the skills in
each, and writes one row per match: the posting, the skill, its strength and the evidence.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from careerkit.errors import InputError

__all__ = ["extract_rows", "load_taxonomy", "register", "safe_cell"]

TEXT = {
    "help": "find skills in job postings",
    "extract_help": "list the skills each posting asks for, with the evidence",
    "postings_help": "postings file: CSV, TSV, JSON, JSON Lines, Parquet, Excel or text",
    "taxonomy_help": "skills list: 'default' (bundled O*NET), 'esco:PATH' (an ESCO skills CSV) "
    "or 'csv:PATH' (your own list with label and kind columns)",
    "output_help": "write to this .csv or .json file instead of showing CSV on screen",
    "bad_taxonomy": "--taxonomy '{value}' is not understood: use 'default', 'esco:PATH' or "
    "'csv:PATH'.",
    "bad_output": "-o {path}: the output must end in .csv or .json.",
    "written": "{n} skill mentions in {postings} postings written to {path}",
}

COLUMNS = [
    "posting",
    "title",
    "skill_id",
    "label",
    "kind",
    "strength",
    "start",
    "end",
    "evidence",
]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``careerkit skills extract``."""
    skills = sub.add_parser("skills", help=TEXT["help"], description=TEXT["help"])
    skills_sub = skills.add_subparsers(dest="skills_command", metavar="SUBCOMMAND")
    # `careerkit skills` alone: this group's help, not the top-level one
    skills.set_defaults(handler=lambda args: (skills.print_help(), 2)[1])
    extract = skills_sub.add_parser(
        "extract", help=TEXT["extract_help"], description=TEXT["extract_help"]
    )
    extract.add_argument("postings", metavar="POSTINGS", help=TEXT["postings_help"])
    extract.add_argument("--taxonomy", default="default", help=TEXT["taxonomy_help"])
    extract.add_argument("-o", "--output", default=None, help=TEXT["output_help"])
    extract.set_defaults(handler=run_extract)


def load_taxonomy(spec: str):
    """The taxonomy a ``--taxonomy`` value names."""
    from careerkit.skills import Taxonomy

    if spec == "default":
        return Taxonomy.default()
    kind, _, path = spec.partition(":")
    if kind == "esco" and path:
        return Taxonomy.from_esco(path)
    if kind == "csv" and path:
        return Taxonomy.from_csv(path)
    raise InputError(TEXT["bad_taxonomy"].format(value=spec))


def extract_rows(postings, extractor) -> list[dict[str, object]]:
    """One dict per skill mention, in posting order (``posting`` is the 1-based row)."""
    rows: list[dict[str, object]] = []
    has_company = "company" in postings.columns
    for i, rec in enumerate(postings.itertuples(index=False), start=1):
        description = str(rec.description or "")
        company = str(rec.company or "") if has_company else ""
        for m in extractor.extract(description, employer=company or None):
            rows.append(
                {
                    "posting": i,
                    "title": str(rec.title or ""),
                    "skill_id": m.skill_id,
                    "label": m.label,
                    "kind": m.kind,
                    "strength": m.strength,
                    "start": m.start,
                    "end": m.end,
                    "evidence": m.text,
                }
            )
    return rows


def safe_cell(value: object) -> object:
    """Guard a text cell against formula injection in spreadsheets (OWASP: prefix ``'`` to
    cells starting with = + - @ tab or carriage return)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _write_csv(rows: list[dict[str, object]], fh) -> None:
    writer = csv.DictWriter(fh, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: safe_cell(v) for k, v in row.items()})


def run_extract(args: argparse.Namespace) -> int:
    from careerkit.skills import SkillExtractor, read_postings

    out = Path(args.output) if args.output else None
    if out is not None and out.suffix.lower() not in (".csv", ".json"):
        raise InputError(TEXT["bad_output"].format(path=out))
    postings = read_postings(args.postings)
    extractor = SkillExtractor(load_taxonomy(args.taxonomy))
    rows = extract_rows(postings, extractor)
    if out is None:
        buf = io.StringIO()
        _write_csv(rows, buf)
        sys.stdout.write(buf.getvalue())
        return 0
    if out.suffix.lower() == ".json":
        out.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    else:
        with out.open("w", encoding="utf-8", newline="") as fh:
            _write_csv(rows, fh)
    print(TEXT["written"].format(n=len(rows), postings=len(postings), path=out))
    return 0
