"""``careerkit key reset WORKBOOK``: give a workbook a new key (a counselor's command).

On one shared Voilà server, opening an existing workbook needs its key (shown once when the
workbook was created). A participant who lost it asks the counselor, who runs this on the
server: the new key is printed once, the old one stops working.
"""

from __future__ import annotations

import argparse

from careerkit.errors import WorkbookError

__all__ = ["register", "run_reset"]

TEXT = {
    "key_help": "workbook keys (needed to open a workbook on a shared Voilà server)",
    "reset_help": "give a workbook a new key; the old key stops working",
    "workbook_help": "a workbook file (e.g. workbooks/river-42.json) or a pseudonym",
    "missing": "There is no workbook at {path}; no key was made.",
    "done": "New key for {name}: {key}\nGive it to the participant; it is not shown again.",
}


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``careerkit key reset``."""
    parser = sub.add_parser("key", help=TEXT["key_help"], description=TEXT["key_help"])
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    reset = actions.add_parser("reset", help=TEXT["reset_help"], description=TEXT["reset_help"])
    reset.add_argument("workbook", metavar="WORKBOOK", help=TEXT["workbook_help"])
    reset.set_defaults(handler=run_reset)
    parser.set_defaults(handler=lambda _args: parser.print_help() or 2)


def run_reset(args: argparse.Namespace) -> int:
    from careerkit.cli.workbook import resolve_workbook
    from careerkit.workbook import issue_key

    path = resolve_workbook(args.workbook)
    if not path.is_file():
        raise WorkbookError(TEXT["missing"].format(path=path))
    print(TEXT["done"].format(name=path.stem, key=issue_key(path)))
    return 0
