"""``careerkit report WORKBOOK -o out.html|out.pdf``: one person's report from the command line.

WORKBOOK is a workbook file (``workbooks/river-42.json``) or a pseudonym in the workbook home
(``$CAREERKIT_HOME``). The output's ending chooses the format; without ``-o`` the report is
written as ``<pseudonym>-report.html`` in the current folder.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from careerkit.cli.workbook import resolve_workbook

__all__ = ["register", "run_report"]

TEXT = {
    "help": "write one person's report as a single HTML file or a PDF",
    "workbook_help": "a workbook file (e.g. workbooks/river-42.json) or a pseudonym",
    "output_help": "the report file: ending in .html or .pdf (default: <pseudonym>-report.html)",
    "charts_help": (
        "how charts are drawn in an HTML report: svg (pictures; needs Chromium), interactive "
        "(needs JavaScript to view), or auto (svg when Chromium is found; the default)"
    ),
    "engine_help": "which way SVG charts are drawn: playwright (default) or kaleido",
    "pdf_charts": (
        "A PDF always shows the charts as pictures; --charts {charts} only applies to .html "
        "reports. Leave out --charts, or write to a .html file."
    ),
    "written": "Report written to {path}",
}


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``careerkit report``."""
    parser = sub.add_parser("report", help=TEXT["help"], description=TEXT["help"])
    parser.add_argument("workbook", metavar="WORKBOOK", help=TEXT["workbook_help"])
    parser.add_argument("-o", "--output", metavar="FILE", help=TEXT["output_help"])
    parser.add_argument(
        "--charts", choices=("svg", "interactive", "auto"), default=None, help=TEXT["charts_help"]
    )
    parser.add_argument(
        "--engine",
        choices=("playwright", "kaleido"),
        default="playwright",
        help=TEXT["engine_help"],
    )
    parser.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    from careerkit import report
    from careerkit.errors import InputError
    from careerkit.workbook import Workbook

    wb = Workbook.open(resolve_workbook(args.workbook))
    output = Path(args.output) if args.output else Path(f"{wb.pseudonym}-report.html")
    if output.suffix.lower() == ".pdf" and args.charts not in (None, "svg", "auto"):
        raise InputError(TEXT["pdf_charts"].format(charts=args.charts))
    written = report.export(wb, output, charts=args.charts or "auto", engine=args.engine)
    print(TEXT["written"].format(path=written))
    return 0
