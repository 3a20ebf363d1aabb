"""``careerkit workshop``: one-time sign-in codes for a workshop on a shared JupyterHub.

``careerkit workshop codes -n 30`` adds 30 participant accounts to the hub's code file and prints
their codes (the only time they are shown: the file keeps salted hashes). ``--reissue ck-p007``
gives one account a new code, ``--list`` shows which codes were used.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from careerkit.workshop._text import TEXT

__all__ = ["DEFAULT_STATE", "register", "run_codes"]

DEFAULT_STATE = "deploy/hub/state"
STATE_ENV = "CAREERKIT_WORKSHOP_STATE"


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``careerkit workshop codes``."""
    from careerkit.workshop import DEFAULT_PREFIX

    workshop = sub.add_parser("workshop", help=TEXT["codes_help"], description=TEXT["codes_help"])
    actions = workshop.add_subparsers(dest="workshop_command", metavar="ACTION", required=True)
    codes = actions.add_parser("codes", help=TEXT["codes_help"], description=TEXT["codes_help"])
    codes.add_argument("-n", "--count", type=int, default=None, help=TEXT["count_help"])
    default_state = os.environ.get(STATE_ENV) or DEFAULT_STATE
    codes.add_argument(
        "--state", default=default_state, help=TEXT["state_help"].format(default=default_state)
    )
    codes.add_argument(
        "--prefix", default=DEFAULT_PREFIX, help=TEXT["prefix_help"].format(default=DEFAULT_PREFIX)
    )
    codes.add_argument("--reissue", metavar="ACCOUNT", help=TEXT["reissue_help"])
    codes.add_argument("--list", action="store_true", help=TEXT["list_help"])
    codes.set_defaults(handler=run_codes)


def run_codes(args: argparse.Namespace) -> int:
    from careerkit.workshop import CodeBook

    book = CodeBook(Path(args.state) / "codes.json")
    if args.list:
        accounts = book.accounts()
        if not accounts:
            print(TEXT["empty"].format(path=book.path))
        for user, used in accounts.items():
            state = TEXT["used"].format(when=used) if used else TEXT["unused"]
            print(TEXT["list_line"].format(user=user, state=state))
        return 0
    if args.reissue:
        issued = [book.reissue(args.reissue)]
    else:
        issued = book.issue(args.count if args.count is not None else 30, args.prefix)
    print(TEXT["written"].format(count=len(issued), path=book.path))
    for item in issued:
        print(TEXT["code_line"].format(user=item.user, code=item.code))
    return 0
