"""``careerkit paper form|score``: the inventory on paper, and results typed in from it.

::

    careerkit paper form -o form.pdf [--short] [--workshop NAME]      # .pdf needs Chromium
    careerkit paper score --totals R=12,I=30,A=25,S=8,E=14,C=3 [--short]
    careerkit paper score --answers answers.csv [--short] [--zones 2,3] [--top 10]
                          [--report results.html|.pdf] [--pseudonym river-42]
                          [--workbook river-42 [--replace]]

``score`` prints the six scores, the Holland code and the best-fitting O*NET occupations;
``--report`` writes them as a one-page report; ``--workbook`` puts typed answers into an
existing workbook (the participant's own, created with consent on the start page), so the
skills and goals steps can follow on screen.
"""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["register", "run_form", "run_score"]

TEXT = {
    "help": "the interest inventory on paper: print the form, score what was typed in from it",
    "form_help": "write the printable inventory (.html, or .pdf with Chromium)",
    "output_help": "the file to write: ending in .html or .pdf (default: paper-form.html)",
    "short_help": "the 30-item short form instead of the full 60 items",
    "workshop_help": "a workshop name printed on the form",
    "score_help": "Holland code and matching occupations from totals or answers typed from paper",
    "totals_help": "the six area totals, e.g. R=12,I=30,A=25,S=8,E=14,C=3 (0–40; short form 0–20)",
    "answers_help": "a CSV file of item,answer lines (item number 1–60 or 1–30, answer 1–5)",
    "zones_help": "only occupations in these Job Zones, e.g. 2,3 (default: all)",
    "top_help": "how many occupations to list (default 10)",
    "report_help": "also write the results as a one-page report (.html, or .pdf with Chromium)",
    "pseudonym_help": "the pseudonym printed on the report (never a real name)",
    "workbook_help": "put the typed answers into this existing workbook (file or pseudonym)",
    "replace_help": "replace interest answers the workbook already has",
    "written": "Paper form ({form}) written to {path}",
    "report_written": "Report written to {path}",
    "scores": "Scores (0–{max:g}):",
    "score_line": "  {letter} {name:<14} {score}",
    "missing": "not enough answers",
    "code": "Holland code: {code}",
    "ties": "  (equal scores: {ties}; also possible: {others})",
    "no_code": "No Holland code: {reason}",
    "matches": "Best-fitting occupations (O*NET interest profiles):",
    "match_line": "  {fit:>5}  {band:<7} zone {zone}  {title} ({soc})",
    "note": "  note: {note}",
    "bad_zones": "--zones {value!r}: expected Job Zone numbers 1–5 separated by commas, e.g. 2,3.",
    "bad_top": "--top {value!r}: expected a whole number from 1.",
    "workbook_totals": (
        "--workbook needs --answers: a workbook keeps answers item by item, not totals."
    ),
    "workbook_missing": (
        "No workbook {path}: the participant creates it on the start page, which records their "
        "consent; then run this again."
    ),
    "workbook_has_answers": (
        "Workbook {name} already has {n} interest answers; add --replace to replace them with "
        "the paper answers."
    ),
    "workbook_saved": "Answers ({n}) saved in workbook {path} ({form} form).",
}


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``careerkit paper form`` and ``careerkit paper score``."""
    paper = sub.add_parser("paper", help=TEXT["help"], description=TEXT["help"])
    commands = paper.add_subparsers(dest="paper_command", metavar="form|score")
    paper.set_defaults(handler=lambda args: (paper.print_help(), 2)[1])
    form = commands.add_parser("form", help=TEXT["form_help"], description=TEXT["form_help"])
    form.add_argument("-o", "--output", metavar="FILE", help=TEXT["output_help"])
    form.add_argument("--short", action="store_true", help=TEXT["short_help"])
    form.add_argument("--workshop", default="", help=TEXT["workshop_help"])
    form.set_defaults(handler=run_form)
    score = commands.add_parser("score", help=TEXT["score_help"], description=TEXT["score_help"])
    given = score.add_mutually_exclusive_group(required=True)
    given.add_argument("--totals", metavar="R=..,I=..", help=TEXT["totals_help"])
    given.add_argument("--answers", metavar="FILE", help=TEXT["answers_help"])
    score.add_argument("--short", action="store_true", help=TEXT["short_help"])
    score.add_argument("--zones", metavar="Z,Z", help=TEXT["zones_help"])
    score.add_argument("--top", default="10", metavar="N", help=TEXT["top_help"])
    score.add_argument("--report", metavar="FILE", help=TEXT["report_help"])
    score.add_argument("--pseudonym", default="", help=TEXT["pseudonym_help"])
    score.add_argument("--workbook", metavar="WORKBOOK", help=TEXT["workbook_help"])
    score.add_argument("--replace", action="store_true", help=TEXT["replace_help"])
    score.set_defaults(handler=run_score)


def run_form(args: argparse.Namespace) -> int:
    from careerkit import report

    form = "short" if args.short else "long"
    default = "paper-form-short.html" if args.short else "paper-form.html"
    written = report.write_paper_form(args.output or default, form, workshop=args.workshop)
    print(TEXT["written"].format(form=form, path=written))
    return 0


def _zones(value: str | None) -> list[int] | None:
    from careerkit.errors import InputError

    if not value:
        return None
    try:
        zones = [int(z) for z in value.replace(" ", "").split(",") if z]
    except ValueError:
        raise InputError(TEXT["bad_zones"].format(value=value)) from None
    if not zones or any(not 1 <= z <= 5 for z in zones):
        raise InputError(TEXT["bad_zones"].format(value=value))
    return zones


def _top(value: str) -> int:
    from careerkit.errors import InputError

    if not value.isdigit() or int(value) < 1:
        raise InputError(TEXT["bad_top"].format(value=value))
    return int(value)


def _save_to_workbook(args: argparse.Namespace, answers: dict, form: str) -> None:
    from careerkit.cli.workbook import resolve_workbook
    from careerkit.errors import InputError
    from careerkit.interests import FORMS
    from careerkit.workbook import Workbook

    path = resolve_workbook(args.workbook)
    if not path.is_file():
        raise InputError(TEXT["workbook_missing"].format(path=path))
    wb = Workbook.open(path)
    had = sum(v is not None for v in wb.interests.responses.values())
    if had and not args.replace:
        raise InputError(TEXT["workbook_has_answers"].format(name=wb.pseudonym, n=had))
    wb.interests.responses = {k: v for k, v in answers.items() if v is not None}
    wb.interests.inventory_id = FORMS[form]
    wb.interests.inventory_path = None
    wb.save()
    print(TEXT["workbook_saved"].format(n=len(wb.interests.responses), path=wb.path, form=form))


def run_score(args: argparse.Namespace) -> int:
    from careerkit import interests, report
    from careerkit._frames import table_rows
    from careerkit.errors import InputError

    form = "short" if args.short else "long"
    zones = _zones(args.zones)
    top = _top(args.top)
    if args.workbook and not args.answers:
        raise InputError(TEXT["workbook_totals"])
    answers = None
    if args.totals is not None:
        profile = interests.profile_from_paper(totals=args.totals, form=form)
    else:
        answers = interests.read_paper_answers(Path(args.answers), form)
        profile = interests.profile_from_paper(answers=answers, form=form)
    print(TEXT["scores"].format(max=profile.max_score))
    for letter in interests.RIASEC:
        value = profile.scores[letter]
        print(TEXT["score_line"].format(
            letter=letter, name=interests.TYPE_NAMES[letter],
            score=TEXT["missing"] if value is None else f"{value:g}",
        ))
    for note in profile.notes:
        print(TEXT["note"].format(note=note))
    if not profile.complete or profile.flat:
        reason = (
            f"areas without a score: {', '.join(profile.incomplete)}"
            if not profile.complete else "all six scores are equal"
        )
        print(TEXT["no_code"].format(reason=reason))
    else:
        print(TEXT["code"].format(code=profile.code))
        if profile.ties:
            print(TEXT["ties"].format(
                ties="; ".join(" = ".join(t) for t in profile.ties),
                others=", ".join(profile.codes[1:]),
            ))
        matches = interests.match_occupations(profile, job_zones=zones, top=top)
        print(TEXT["matches"])
        for row in table_rows(matches):
            zone = "?" if row.job_zone is None or row.job_zone != row.job_zone else row.job_zone
            print(TEXT["match_line"].format(
                fit=f"{row.fit:.2f}", band=row.band, zone=zone, title=row.title, soc=row.soc_code
            ))
    if args.report:
        written = report.write_paper_results(
            args.report, profile, pseudonym=args.pseudonym, form=form,
            from_totals=args.totals is not None, job_zones=zones, top=top,
        )
        print(TEXT["report_written"].format(path=written))
    if args.workbook and answers is not None:
        _save_to_workbook(args, answers, form)
    return 0
