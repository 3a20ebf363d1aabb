"""The box a step notebook shows when its workbook could not be opened (``wb.notice``).

The state layer (:func:`careerkit.open_current`) only says what happened, in words; this module
draws it: a bordered block with a link back to the start page, escaped.
"""

from __future__ import annotations

import html
from typing import Any

from careerkit.workbook._current import START_NOTEBOOK, on_start_page

__all__ = ["TEXT", "credit_html", "notice_html", "show_credit", "show_notice"]

TEXT = {
    "title": "This page is not showing your workbook",
    "link": "Go to the start page",
    "details": "Details for your counselor: {error}",
}

#: a bordered block in the Okabe–Ito vermillion, readable in light and dark
_NOTICE_STYLE = (
    "border:2px solid #D55E00;border-radius:4px;padding:0.6em 1em;margin:0.5em 0;max-width:60em"
)
_LINK_STYLE = "color:#0072B2;text-decoration:underline;font-weight:bold"


def notice_html(notice: str, details: str = "", *, link: bool = True) -> str:
    """The notice as an HTML block (escaped), with a link to the start page when ``link``."""
    parts = [
        f'<div role="alert" style="{_NOTICE_STYLE}">',
        f"<p><b>{html.escape(TEXT['title'])}</b></p>",
        f"<p>{html.escape(notice)}</p>",
    ]
    if details:
        parts.append(
            f'<p style="font-size:90%">{html.escape(TEXT["details"].format(error=details))}</p>'
        )
    if link:
        parts.append(
            f'<p><a href="{START_NOTEBOOK}" style="{_LINK_STYLE}">'
            f"{html.escape(TEXT['link'])}</a></p>"
        )
    parts.append("</div>")
    return "".join(parts)


def credit_html() -> str:
    """The O*NET credit (each release used, from the data's provenance) and the statement that
    results are for exploration, not selection, as a small footer (escaped)."""
    from careerkit import datasets

    lines = [datasets.NOT_FOR_SELECTION, *datasets.credit().splitlines()]
    body = "".join(f"<p style='margin:0.2em 0'>{html.escape(line)}</p>" for line in lines if line)
    return f'<div class="careerkit-credit" style="font-size:85%;margin-top:1.5em">{body}</div>'


def show_credit() -> None:
    """Show :func:`credit_html` as the cell's output (notebooks that show O*NET data)."""
    from IPython.display import HTML, display

    display(HTML(credit_html()))


def show_notice(wb: Any) -> None:
    """Show ``wb.notice`` as the cell's output, if there is one (not on the start page, whose
    screen shows it beside the controls that fix it)."""
    if not getattr(wb, "notice", "") or on_start_page():
        return
    from IPython.display import HTML, display

    display(HTML(notice_html(wb.notice, wb.notice_details)))
