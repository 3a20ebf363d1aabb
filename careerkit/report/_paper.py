"""The paper form (a printable inventory) and a one-page result for answers typed from paper.

::

    html = ck.report.paper_form_html("short")              # no browser needed
    ck.report.write_paper_form("form.pdf", form="long")     # .pdf needs Chromium, .html does not
    profile = ck.interests.profile_from_paper(totals="R=12,I=30,A=25,S=8,E=14,C=3")
    ck.report.write_paper_results("results.html", profile, pseudonym="river-42")

Both pages come from Jinja2 templates beside the report's (autoescaped); every sentence is in
:data:`PAPER_TEXT`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from careerkit import datasets, interests
from careerkit._frames import table_rows
from careerkit.errors import CareerkitError, InputError

__all__ = [
    "PAPER_TEXT",
    "paper_form_html",
    "paper_form_pdf",
    "paper_results_html",
    "write_paper_form",
    "write_paper_results",
]

PAPER_TEXT: dict[str, Any] = {
    "title": "Interest inventory — paper form ({form_words})",
    "form_words": {"long": "full form, 60 activities", "short": "short form, 30 activities"},
    "pseudonym": "Pseudonym (not your name)",
    "workshop": "Workshop",
    "date": "Date",
    "intro": (
        "For each activity, tick one box to say how you would feel about doing it. Think only "
        "of whether you would enjoy it — not of whether you have the training for it or how much "
        "it pays. There are no right or wrong answers. Take your time; most people need "
        "{minutes} minutes."
    ),
    "tick_one": "Tick one box per line.",
    "col_number": "No.",
    "col_activity": "Activity",
    "scoring_heading": "Adding up your answers (for the person or the counselor)",
    "scoring_intro": (
        "For each area, copy the number of the box ticked for each item listed below, add them "
        "up, then take away {items} (the number of items in the area). The result is the area's "
        "total, from 0 to {maximum}. Type the six totals, or all the answers, into careerkit "
        "(careerkit paper score) to see your Holland code and matching occupations."
    ),
    "col_area": "Area",
    "col_items": "Item numbers",
    "col_sum": "Sum of box numbers",
    "col_minus": "Minus",
    "col_total": "Total",
    "no_norms": (
        "careerkit's own activity statements, with no norms: the results are for exploration "
        "with a counselor, not a test score."
    ),
    "footer": "careerkit {version} · paper form {inventory_id} · {pages}",
    "pages": "print double-sided if you can",
    # --- results page
    "results_title": "Interest results from the paper form — {pseudonym}",
    "results_heading": "My interest results (from the paper form)",
    "results_from_totals": "Worked out from the six area totals typed in from the {form_words}.",
    "results_from_answers": "Worked out from {answered} answers typed in from the {form_words}.",
    "scores": "My scores",
    "col_meaning": "What it means",
    "col_score": "Score",
    "score_of": "{score} of {max:g}",
    "score_missing": "not enough answers",
    "code": "My Holland code: {code}",
    "ties": "Some scores are equal ({ties}), so the letters could also be ordered {others}.",
    "incomplete": (
        "Some areas have no score ({areas}), so no Holland code or occupations can be shown."
    ),
    "flat": "All six scores are equal, so they show no preference and no match can be made.",
    "matches": "Occupations whose O*NET interest profile fits mine best",
    "col_occupation": "Occupation",
    "col_zone": "Job Zone",
    "col_fit": "Fit",
    "col_band": "Band",
    "col_why": "Why",
    "zone_unknown": "—",
    "next_step": (
        "To go on to the skills and goals steps, enter the answers into a careerkit workbook "
        "(careerkit paper score --answers FILE --workbook PSEUDONYM)."
    ),
}

#: Minutes most people need, by form (our estimate for the wording: about 10 s per item).
MINUTES = {"long": "10 to 15", "short": "5 to 10"}


def _env() -> Any:
    from careerkit.report import _environment

    return _environment()


def _form_items(inventory: interests.Inventory) -> list[dict[str, Any]]:
    return [
        {"number": n, "item_id": row.item_id, "text": row.text}
        for n, row in enumerate(table_rows(inventory.items), start=1)
    ]


def paper_form_html(form: str = "long", *, workshop: str = "") -> str:
    """The printable inventory as one self-contained HTML page (no browser needed).

    Items are numbered in the quiz's order, each with five tick boxes numbered 1 (strongly
    dislike) … 5 (strongly like); a last page shows which item numbers belong to which area and
    how to add them up into totals for :func:`careerkit.interests.profile_from_paper`.

    Parameters
    ----------
    form : {"long", "short"}
        The full 60-item bank or the 30-item short form.
    workshop : str
        Printed in the header (optional).
    """
    from careerkit import __version__

    inventory = interests.load_inventory(form=form)
    items = _form_items(inventory)
    areas = [
        {
            "letter": letter,
            "name": interests.TYPE_NAMES[letter],
            "numbers": ", ".join(
                str(i["number"]) for i in items if i["item_id"] in
                set(inventory.items.loc[inventory.items["scale"] == letter, "item_id"])
            ),
        }
        for letter in interests.RIASEC
    ]
    per_area = inventory.counts["R"]
    return _env().get_template("paper_form.html.j2").render(
        T=PAPER_TEXT,
        form_words=PAPER_TEXT["form_words"][form],
        intro=PAPER_TEXT["intro"].format(minutes=MINUTES[form]),
        scoring_intro=PAPER_TEXT["scoring_intro"].format(items=per_area, maximum=4 * per_area),
        labels=interests.ANSWER_LABELS,
        items=items,
        areas=areas,
        per_area=per_area,
        workshop=workshop,
        footer=PAPER_TEXT["footer"].format(
            version=__version__, inventory_id=inventory.inventory_id, pages=PAPER_TEXT["pages"]
        ),
    )


def paper_form_pdf(form: str = "long", *, workshop: str = "") -> bytes:
    """The paper form as A4 PDF bytes, printed by headless Chromium (see
    :func:`careerkit.report.render_pdf`); :class:`CareerkitError` without Chromium."""
    from careerkit.report._browser import Browser, in_thread, require_chromium

    html = paper_form_html(form, workshop=workshop)
    require_chromium()

    def work() -> bytes:
        with Browser() as browser:
            return browser.pdf(html)

    return in_thread(work)


def _write_html_or_pdf(path: str | Path, html: str) -> Path:
    from careerkit.report import _suffix, _write
    from careerkit.report._browser import Browser, in_thread, require_chromium

    target = Path(path)
    if _suffix(target) == "pdf":
        require_chromium()

        def work() -> bytes:
            with Browser() as browser:
                return browser.pdf(html)

        data = in_thread(work)
    else:
        data = html.encode("utf-8")
    try:
        _write(target, data)
    except OSError as exc:
        raise CareerkitError(f"Cannot write {target}: {exc.strerror or exc}.") from None
    return target


def write_paper_form(path: str | Path, form: str = "long", *, workshop: str = "") -> Path:
    """Write the paper form to ``path`` (``.html``, or ``.pdf`` with Chromium)."""
    return _write_html_or_pdf(path, paper_form_html(form, workshop=workshop))


def paper_results_html(
    profile: interests.InterestProfile,
    *,
    pseudonym: str = "",
    form: str = "long",
    from_totals: bool = True,
    job_zones: list[int] | None = None,
    top: int = 10,
    today: date | None = None,
) -> str:
    """One page with the scores, Holland code and best-fitting occupations of a profile typed
    in from paper (no browser needed; charts are left out so it prints anywhere)."""
    from careerkit import __version__

    if form not in interests.FORMS:
        raise InputError(f"form is {form!r}; expected 'long' or 'short'.")
    scores = [
        {
            "letter": letter,
            "name": interests.TYPE_NAMES[letter],
            "meaning": interests.PLAIN_MEANING[letter],
            "score": PAPER_TEXT["score_missing"]
            if profile.scores[letter] is None
            else PAPER_TEXT["score_of"].format(
                score=f"{profile.scores[letter]:g}", max=profile.max_score
            ),
        }
        for letter in interests.RIASEC
    ]
    out: dict[str, Any] = {"scores": scores, "notes": list(profile.notes), "matches": []}
    if not profile.complete:
        out["message"] = PAPER_TEXT["incomplete"].format(
            areas=", ".join(interests.TYPE_NAMES[x] for x in profile.incomplete)
        )
    elif profile.flat:
        out["message"] = PAPER_TEXT["flat"]
    else:
        out["code"] = PAPER_TEXT["code"].format(code=profile.code)
        if profile.ties:
            out["ties"] = PAPER_TEXT["ties"].format(
                ties="; ".join(" = ".join(t) for t in profile.ties),
                others=", ".join(profile.codes[1:]) or profile.code,
            )
        matches = interests.match_occupations(profile, job_zones=job_zones, top=top)
        out["match_notes"] = list(matches.attrs.get("notes", []))
        out["matches"] = [
            {
                "title": r.title,
                "soc_code": r.soc_code,
                "job_zone": PAPER_TEXT["zone_unknown"] if pd.isna(r.job_zone)
                else str(int(r.job_zone)),
                "fit": f"{r.fit:.2f}",
                "band": r.band,
                "why": r.why,
            }
            for r in table_rows(matches)
        ]
    form_words = PAPER_TEXT["form_words"][form]
    answered = sum(profile.answered.values())
    source = (
        PAPER_TEXT["results_from_totals"].format(form_words=form_words)
        if from_totals
        else PAPER_TEXT["results_from_answers"].format(answered=answered, form_words=form_words)
    )
    return _env().get_template("paper_results.html.j2").render(
        T=PAPER_TEXT,
        r=out,
        pseudonym=pseudonym or "—",
        source=source,
        today=(today or date.today()).isoformat(),
        credit=datasets.credit().splitlines(),
        version=__version__,
    )


def write_paper_results(
    path: str | Path, profile: interests.InterestProfile, **options: Any
) -> Path:
    """Write :func:`paper_results_html` to ``path`` (``.html``, or ``.pdf`` with Chromium)."""
    return _write_html_or_pdf(path, paper_results_html(profile, **options))
