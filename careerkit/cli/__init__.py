"""The ``careerkit`` command.

Each group of subcommands lives in its own module with a ``register(subparsers)`` function, so
the step modules' commands stay beside each other and apart from the dispatch.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from careerkit.errors import CareerkitError

__all__ = ["main"]


def build_parser() -> argparse.ArgumentParser:
    from careerkit import __version__
    from careerkit.cli import cohort, data, key, paper, report, skills, workbook, workshop

    parser = argparse.ArgumentParser(
        prog="careerkit",
        description="careerkit: career assessment workbook tools for participants and counselors.",
    )
    parser.add_argument("--version", action="version", version=f"careerkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (data, skills, workbook, key, report, cohort, paper, workshop):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        code = int(handler(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except CareerkitError as exc:
        print(f"careerkit: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`careerkit data info | head`): stop quietly. Python would
        # flush stdout again at exit and fail the same way, so point it at /dev/null.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, as a shell reports a command its reader closed on


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
