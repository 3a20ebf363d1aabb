"""A counselor's comments on a workbook, as a participant (start page) and a counselor (review
page) read them: oldest first, each with who wrote it and what it is about. Everything shown is
escaped."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

__all__ = ["TEXT", "comments_html", "short", "step_label"]

TEXT = {
    "heading": "Comments from your counselor",
    "none": "No comments yet.",
    "about_interests": "Step 1: interests",
    "about_skills": "Step 2: skills gap",
    "about_goals": "Step 3: goals",
    "on_goal": "on the goal “{text}”",
    "when": "%d %b %Y",
}

STEPS = ("interests", "skills", "goals")


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def short(text: str, n: int = 50) -> str:
    """``text`` on one line, cut to ``n`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def step_label(step: str) -> str:
    """The words for a step a comment can be about ("interests", "skills", "goals")."""
    return TEXT[f"about_{step}"]


def _items(wb: Any) -> list[tuple[datetime | None, str, str, str]]:
    items = []
    for c in wb.counselor_comments:
        about = step_label(c.about) if c.about in STEPS else ""
        items.append((c.time, c.text, c.author, about))
    for goal in wb.goals.goals:
        on = TEXT["on_goal"].format(text=short(goal.text))
        items.extend((c.at, c.text, c.author, on) for c in goal.counselor_comments)
    items.sort(key=lambda item: item[0].timestamp() if item[0] else 0.0)
    return items


def comments_html(wb: Any, *, heading: str | None = None, empty: bool = True) -> str:
    """The comments as an HTML list under a heading; ``""`` when there are none and ``empty``
    is False (the start page shows nothing then)."""
    items = _items(wb)
    if not items and not empty:
        return ""
    title = f"<h3>{_esc(heading or TEXT['heading'])}</h3>"
    if not items:
        return f"{title}<p>{_esc(TEXT['none'])}</p>"
    rows = []
    for when, text, author, about in items:
        meta = [p for p in (author, about, when.strftime(TEXT["when"]) if when else "") if p]
        rows.append(f"<li>{_esc(text)} <small>– {_esc(' · '.join(meta))}</small></li>")
    return f"{title}<ul>{''.join(rows)}</ul>"
