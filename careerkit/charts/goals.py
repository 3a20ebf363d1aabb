"""Charts for the goals step: the plan on a timeline.

``goal_timeline`` draws one bar per goal (start to deadline) with ``px.timeline``, coloured by
goal type in Okabe–Ito colours, milestones as diamonds (done: filled; upcoming: open; overdue:
a crossed diamond in a separate legend entry, so shape and legend tell them apart, not colour
alone; bars also carry a fill pattern per type), review dates as stars, the short- and
long-term horizon bands and a "today" line.

The today line is a plain layout shape plus a separate annotation, not ``add_vline`` with
``annotation_text``: on date axes that combination raises a TypeError in plotly (it averages
the x values to place the label; plotly/plotly.py#3065, #4923).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from careerkit.charts import theme
from careerkit.goals import Goal, HorizonRule, Status, add_months

__all__ = ["CATEGORY_COLOURS", "CATEGORY_PATTERNS", "goal_timeline"]

TEXT = {
    "title": "My goals on a timeline",
    "empty": "No goal has a deadline yet: add one to see your plan on the timeline.",
    "no_type": "no type yet",
    "done": "Milestone done",
    "upcoming": "Milestone to come",
    "overdue": "Milestone overdue",
    "review": "Review date",
    "today": "Today",
    "short_band": "Short term (up to {years:g} years)",
    "long_band": "Long term ({years:g}+ years)",
    "x": "Date",
    "summary": "{n} goal(s) on the timeline, from {first} to {last}.",
    "summary_ms": " Milestones: {done} done, {upcoming} to come, {overdue} overdue.",
    "summary_overdue": " Overdue: {items}.",
    "summary_next": " Next milestone: '{title}' on {due}.",
    "summary_review": " Next review: {review}.",
    "summary_undated": " {n} goal(s) without a deadline are not shown.",
    "goal_hover": "{text}<br>Type: {category}<br>Deadline: {deadline}<br>{percent}% done",
}

#: Fixed Okabe–Ito colour per goal type, the same in every goals chart.
CATEGORY_COLOURS = {
    "skill": "#0072B2",
    "education": "#E69F00",
    "experience": "#009E73",
    "performance": "#CC79A7",
    "network": "#56B4E9",
    "personal": "#D55E00",
    TEXT["no_type"]: "#999999",
}
#: A fill pattern per goal type as well, so bars differ by more than colour.
CATEGORY_PATTERNS = {
    "skill": "", "education": "/", "experience": ".", "performance": "x", "network": "+",
    "personal": "\\", TEXT["no_type"]: "-",
}
_OVERDUE_COLOUR = "#000000"
_LABEL_CHARS = 45


def _label(n: int, text: str) -> str:
    text = " ".join(text.split())
    short = text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1].rstrip() + "…"
    # Numbered, so two goals with the same wording keep separate rows.
    return f"{n}. {short}"


def _empty(message: str) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return theme.apply(fig, TEXT["title"], message)


def goal_timeline(goals: Iterable[Goal], today: date | None = None,
                  horizons: HorizonRule | None = None) -> go.Figure:
    """The goals as a timeline: bars from start to deadline, milestones, reviews, today.

    Parameters
    ----------
    goals : the person's goals (``wb.goals.goals``); goals without a deadline are left out and
        the summary says how many.
    today : the date of the today line and of "overdue" (default: today).
    horizons : short/long thresholds for the bands (default ≤ 3 / ≥ 5 years).

    Returns
    -------
    go.Figure with the text summary in ``layout.meta["summary"]``
    (:func:`careerkit.charts.summary`).
    """
    today = today or date.today()
    horizons = horizons or HorizonRule()
    goals = list(goals)
    dated = [
        (n, g, g.deadline) for n, g in enumerate(goals, start=1) if g.deadline is not None
    ]
    undated = len(goals) - len(dated)
    if not dated:
        message = TEXT["empty"]
        if undated:
            message += TEXT["summary_undated"].format(n=undated)
        return _empty(message)

    rows: list[dict[str, Any]] = []
    for n, g, deadline in dated:
        start = g.start or min(today, deadline - timedelta(days=30))
        if start >= deadline:
            start = deadline - timedelta(days=14)
        category = g.category.value if g.category else TEXT["no_type"]
        rows.append({
            "goal": _label(n, g.text), "start": pd.Timestamp(start),
            "end": pd.Timestamp(deadline), "category": category,
            "hover": TEXT["goal_hover"].format(text=g.text, category=category,
                                               deadline=g.deadline, percent=g.percent_complete),
        })
    frame = pd.DataFrame(rows)
    order = [r["goal"] for r in rows]
    fig = px.timeline(
        frame, x_start="start", x_end="end", y="goal", color="category",
        color_discrete_map=CATEGORY_COLOURS, custom_data=["hover"], pattern_shape="category",
        pattern_shape_map=CATEGORY_PATTERNS,
        category_orders={"goal": order, "category": list(CATEGORY_COLOURS)},
    )
    # "overlay" keeps the type's colour as the fill and draws the pattern over it.
    fig.update_traces(hovertemplate="%{customdata[0]}<extra></extra>", opacity=0.8,
                      marker_pattern={"fillmode": "overlay", "fgcolor": "#ffffff",
                                      "fgopacity": 0.7})
    fig.update_yaxes(autorange="reversed", title=None, automargin=True)
    fig.update_xaxes(title=TEXT["x"])

    labels = {g.id: _label(n, g.text) for n, g, _ in dated}
    points: dict[str, list[tuple[pd.Timestamp, str, str]]] = {
        "done": [], "upcoming": [], "overdue": []}
    reviews: list[tuple[pd.Timestamp, str, str]] = []
    overdue_titles: list[str] = []
    next_up: tuple[date, str] | None = None
    for _, g, _ in dated:
        for m in g.milestones:
            when = m.done_on or m.due
            if when is None:
                continue
            if m.done_on is not None:
                state = "done"
            elif when < today and g.status not in (Status.DONE, Status.DROPPED):
                state = "overdue"
                overdue_titles.append(f"{m.title} (due {m.due})")
            else:
                state = "upcoming"
                if next_up is None or when < next_up[0]:
                    next_up = (when, m.title)
            points[state].append((pd.Timestamp(when), labels[g.id], m.title))
        for r in g.review_dates:
            reviews.append((pd.Timestamp(r), labels[g.id], g.text))

    styles = {
        "done": {"symbol": "diamond", "color": "#333333", "line": {"width": 1.5,
                                                                   "color": "#333333"}},
        "upcoming": {"symbol": "diamond-open", "color": "#333333", "line": {"width": 2}},
        "overdue": {"symbol": "diamond-x-open", "color": _OVERDUE_COLOUR, "line": {"width": 2.5}},
    }
    for state, pts in points.items():
        fig.add_trace(go.Scatter(
            x=[p[0] for p in pts], y=[p[1] for p in pts], mode="markers", name=TEXT[state],
            marker={"size": 14, **styles[state]}, text=[p[2] for p in pts],
            hovertemplate="%{text}<br>%{x|%d %b %Y}<extra>" + TEXT[state] + "</extra>",
            meta={"kind": f"milestone_{state}"}, visible=True if pts else "legendonly",
        ))
    fig.add_trace(go.Scatter(
        x=[p[0] for p in reviews], y=[p[1] for p in reviews], mode="markers",
        name=TEXT["review"], marker={"size": 13, "symbol": "star-open", "color": "#333333",
                                     "line": {"width": 1.5}},
        text=[p[2] for p in reviews],
        hovertemplate=TEXT["review"] + ": %{x|%d %b %Y}<extra></extra>",
        meta={"kind": "review"}, visible=True if reviews else "legendonly",
    ))

    # Horizon bands: shading behind the bars from today to the short-term limit, and from the
    # long-term threshold on when a goal reaches that far.
    short_end = add_months(today, round(horizons.short_years * 12))
    long_start = add_months(today, round(horizons.long_years * 12))
    last = max(deadline for _, _, deadline in dated)
    fig.add_shape(type="rect", xref="x", yref="paper", x0=today.isoformat(),
                  x1=short_end.isoformat(), y0=0, y1=1, fillcolor="#56B4E9", opacity=0.10,
                  line={"width": 0}, layer="below", name="short_band")
    fig.add_annotation(x=today.isoformat(), y=1.0, xref="x", yref="paper", yanchor="bottom",
                       xanchor="left", showarrow=False, font={"size": 11},
                       text=TEXT["short_band"].format(years=horizons.short_years))
    if last >= long_start:
        fig.add_shape(type="rect", xref="x", yref="paper", x0=long_start.isoformat(),
                      x1=(last + timedelta(days=30)).isoformat(), y0=0, y1=1,
                      fillcolor="#E69F00", opacity=0.10, line={"width": 0}, layer="below",
                      name="long_band")
        fig.add_annotation(x=long_start.isoformat(), y=1.0, xref="x", yref="paper",
                           yanchor="bottom", xanchor="left", showarrow=False, font={"size": 11},
                           text=TEXT["long_band"].format(years=horizons.long_years))
    # Today: a shape and its own annotation (see the module docstring for why not add_vline).
    fig.add_shape(type="line", xref="x", yref="paper", x0=today.isoformat(),
                  x1=today.isoformat(), y0=0, y1=1, line={"color": "#000000", "width": 2,
                                                          "dash": "dash"}, name="today")
    fig.add_annotation(x=today.isoformat(), y=1.0, xref="x", yref="paper", yanchor="bottom",
                       xanchor="right", showarrow=False, text=TEXT["today"] + " ",
                       font={"size": 12})
    fig.update_layout(legend={"title": None}, height=max(320, 90 + 60 * len(dated)),
                      margin={"t": 100})

    first = min(pd.Timestamp(r["start"]) for r in rows).date()
    summary = TEXT["summary"].format(n=len(dated), first=first, last=last)
    summary += TEXT["summary_ms"].format(done=len(points["done"]),
                                         upcoming=len(points["upcoming"]),
                                         overdue=len(points["overdue"]))
    if overdue_titles:
        summary += TEXT["summary_overdue"].format(items="; ".join(overdue_titles))
    if next_up:
        summary += TEXT["summary_next"].format(title=next_up[1], due=next_up[0])
    upcoming_reviews = sorted(p[0] for p in reviews if p[0].date() >= today)
    if upcoming_reviews:
        summary += TEXT["summary_review"].format(review=upcoming_reviews[0].date())
    if undated:
        summary += TEXT["summary_undated"].format(n=undated)
    return theme.apply(fig, TEXT["title"], summary)
