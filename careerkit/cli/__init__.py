"""The ``careerkit`` command.

Each group of subcommands lives in its own module with a ``register(subparsers)`` function, so
the step modules' commands stay beside each other and apart from the dispatch.
"""

from __future__ import annotations

import argparse
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
        return int(handler(args) or 0)
    except CareerkitError as exc:
        print(f"careerkit: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
