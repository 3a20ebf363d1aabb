"""``careerkit delete WORKBOOK``: "delete my workbook" from the command line.

WORKBOOK is a workbook file (``workbooks/river-42.json``) or a pseudonym in the workbook home
(``$CAREERKIT_HOME``). The file, its backup, its lock and any leftovers of interrupted saves are
removed, after a typed confirmation unless ``--yes``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["register", "run_delete"]

TEXT = {
    "delete_help": "delete a workbook for good: the file, its backup and its leftovers",
    "workbook_help": "a workbook file (e.g. workbooks/river-42.json) or a pseudonym",
    "yes_help": "do not ask for confirmation",
    "confirm": (
        "Delete the workbook {path} and its backup for good? Nothing can bring it back.\n"
        "Type 'yes' to delete: "
    ),
    "not_confirmed": "Not deleted (you did not type 'yes').",
    "missing": "There is no workbook at {path}; nothing was deleted.",
    "no_answer": "Not deleted: no answer was given (use --yes to delete without asking).",
    "removed": "Deleted {count} file(s):",
    "removed_line": "  {path}",
}


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``careerkit delete``."""
    parser = sub.add_parser("delete", help=TEXT["delete_help"], description=TEXT["delete_help"])
    parser.add_argument("workbook", metavar="WORKBOOK", help=TEXT["workbook_help"])
    parser.add_argument("--yes", "-y", action="store_true", help=TEXT["yes_help"])
    parser.set_defaults(handler=run_delete)


def resolve_workbook(name: str) -> Path:
    """A workbook file from a path or a pseudonym (``careerkit delete``, ``careerkit report``)."""
    from careerkit.workbook import workbook_path

    path = Path(name)
    if path.suffix != ".json" and len(path.parts) == 1:
        return workbook_path(name)  # a pseudonym (checked against the safe pattern)
    return path


def run_delete(args: argparse.Namespace) -> int:
    from careerkit.errors import WorkbookError
    from careerkit.workbook import delete_workbook

    path = resolve_workbook(args.workbook)
    bak = path.with_name(path.name + ".bak")
    if path.suffix == ".json" and not path.exists() and not bak.exists():
        # said before asking, not after the person typed "yes"
        raise WorkbookError(TEXT["missing"].format(path=path))
    if not args.yes:
        try:
            answer = input(TEXT["confirm"].format(path=path))
        except EOFError:
            print(TEXT["no_answer"], file=sys.stderr)
            return 1
        if answer.strip().lower() != "yes":
            print(TEXT["not_confirmed"], file=sys.stderr)
            return 1
    removed = delete_workbook(path)
    print(TEXT["removed"].format(count=len(removed)))
    for item in removed:
        print(TEXT["removed_line"].format(path=item))
    return 0
