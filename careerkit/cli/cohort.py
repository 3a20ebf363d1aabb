"""`careerkit cohort ...`: a counselor's export of a folder of submitted workbooks.

``careerkit cohort DIR -o out.xlsx|out.zip|out.csv [--no-pseudonymise] [--include-free-text]
[-k 5] [--min-n 30]`` reads every workbook in ``DIR`` (:func:`careerkit.cohort.load`) and writes
(:meth:`careerkit.cohort.Cohort.export`) an XLSX workbook with the participant table, every
summary table and the reliability table (one sheet each, groups smaller than ``k`` shown as
"<k", as on the dashboard), a zip with the same tables as CSV files, or a CSV of the participant
table alone; pseudonymised by default, with the key in ``<out>.key.csv``; no free text unless
asked. It prints the group summary, the reliability of the inventory, the files skipped and the
workbooks left out because of their consent. Without ``-o`` only the summary is printed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from careerkit._frames import table_rows
from careerkit.errors import InputError

__all__ = ["TEXT", "register", "run_cohort"]

TEXT = {
    "help": "progress, group statistics and a pseudonymised export of a folder of workbooks",
    "dir_help": "the folder holding the submitted workbooks (*.json)",
    "output_help": (
        "write the export here: .xlsx (every table, one sheet each), .zip (every table as a CSV "
        "file) or .csv (the participant table only)"
    ),
    "no_pseudonymise_help": "show pseudonyms instead of random codes (no key file is written)",
    "free_text_help": "include notes, goal texts, postings and comments (not pseudonymised)",
    "k_help": "hide groups of fewer than K people in the summary and export (default 5)",
    "min_n_help": "report Cronbach's alpha from N complete answer sets on (default 30)",
    "bad_output": "-o {path}: the output must end in .xlsx, .zip or .csv.",
    "bad_k": "-k {k}: use a whole number of at least 1.",
    "bad_min_n": "--min-n {n}: use a whole number of at least 2.",
    "reliability": "Reliability of the interest inventory (Cronbach's alpha):",
    "reliability_row": "  {area}: {alpha}",
    "written": "{n} participant(s) written to {path}.",
    "key": "Key (code → pseudonym) written to {key}: keep it apart from the export.",
    "skipped": "Skipped {n} file(s) that could not be read:",
    "skipped_row": "  {file}: {reason}",
    "excluded": "Left out {n} workbook(s) because of their consent:",
    "excluded_row": "  {file}: {reason}",
    "problems": "{pseudonym}: {problems}",
}


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``careerkit cohort``."""
    parser = sub.add_parser("cohort", help=TEXT["help"], description=TEXT["help"])
    parser.add_argument("folder", metavar="DIR", help=TEXT["dir_help"])
    parser.add_argument("-o", "--output", default=None, help=TEXT["output_help"])
    parser.add_argument(
        "--no-pseudonymise",
        dest="pseudonymise",
        action="store_false",
        help=TEXT["no_pseudonymise_help"],
    )
    parser.add_argument("--include-free-text", action="store_true", help=TEXT["free_text_help"])
    parser.add_argument("-k", type=int, default=5, help=TEXT["k_help"])
    parser.add_argument("--min-n", type=int, default=None, help=TEXT["min_n_help"])
    parser.set_defaults(handler=run_cohort)


def run_cohort(args: argparse.Namespace) -> int:
    import pandas as pd

    from careerkit.cohort import EXPORT_SUFFIXES, MIN_N_ALPHA, key_path, load
    from careerkit.cohort import TEXT as COHORT_TEXT

    out = Path(args.output) if args.output else None
    if out is not None and out.suffix.lower() not in EXPORT_SUFFIXES:
        raise InputError(TEXT["bad_output"].format(path=out))
    if args.k < 1:
        raise InputError(TEXT["bad_k"].format(k=args.k))
    min_n = MIN_N_ALPHA if args.min_n is None else args.min_n
    if min_n < 2:
        raise InputError(TEXT["bad_min_n"].format(n=min_n))
    cohort = load(args.folder)
    print(cohort.summary(k=args.k).text())
    print()
    print(TEXT["reliability"])
    for row in table_rows(cohort.reliability(min_n=min_n)):
        alpha = row.note if pd.isna(row.alpha) else f"{row.alpha:.2f}"
        print(TEXT["reliability_row"].format(area=f"{row.scale} ({row.name})", alpha=alpha))
    if len(cohort.skipped):
        print()
        print(TEXT["skipped"].format(n=len(cohort.skipped)))
        for row in table_rows(cohort.skipped):
            print(TEXT["skipped_row"].format(file=row.file, reason=row.reason))
    if len(cohort.excluded):
        print()
        print(TEXT["excluded"].format(n=len(cohort.excluded)))
        for row in table_rows(cohort.excluded):
            print(TEXT["excluded_row"].format(file=row.file, reason=row.reason))
    if out is not None:
        cohort.export(
            out,
            pseudonymise=args.pseudonymise,
            include_free_text=args.include_free_text,
            k=args.k,
            min_n=min_n,
        )
        print()
        print(TEXT["written"].format(n=len(cohort.shared), path=out))
        if out.suffix.lower() == ".csv":
            print(COHORT_TEXT["csv_only_participants"])
        if args.pseudonymise:
            print(TEXT["key"].format(key=key_path(out)))
    return 0
