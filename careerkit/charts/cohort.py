"""Charts for the counselor's cohort view: distributions over the participants who agreed to
group statistics.

Each builder takes a :class:`careerkit.cohort.CohortSummary` (so suppression has already been
applied) and returns a ``go.Figure``. A suppressed group (fewer than k people) is never drawn as
a bar: it gets a "<k" label at the base and an entry "hidden: fewer than k people" in the legend,
so the reader sees that the group exists but not its size. Colours are Okabe–Ito (via
``theme``); bars also carry their count as text, so colour is never the only cue.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from careerkit.charts import theme
from careerkit.charts.goals import CATEGORY_COLOURS, CATEGORY_PATTERNS

__all__ = [
    "cohort_goal_categories",
    "cohort_holland_letters",
    "cohort_interest_scores",
    "cohort_progress",
]

TEXT = {
    "letters_title": "First letter of the Holland code",
    "progress_title": "How far participants got in each step",
    "categories_title": "Goals by type",
    "scores_title": "Mean interest scores",
    "score_axis": "Mean score (0–40)",
    "sd_note": " Whiskers show one standard deviation either side of the mean.",
    "tick_mean": "mean {mean:.1f}",
    "people": "People",
    "goals": "Goals",
    "hidden": "hidden: fewer than {k} people",
    "empty": "No statistics to show: {reason}",
    "no_people": "nobody in this folder has agreed to group statistics yet.",
    "based_on": "Based on {n} participant(s) who agreed to group statistics. ",
    "hidden_note": " Groups of fewer than {k} are hidden (<{k}).",
    "summary_item": "{group}: {shown}",
}
_STATUS_COLOURS = {"not started": "#999999", "started": "#E69F00", "done": "#0072B2"}
_STATUS_PATTERNS = {"not started": "", "started": "/", "done": "x"}
_NEUTRAL = "#56B4E9"


def _empty(title: str, reason: str) -> go.Figure:
    fig = go.Figure()
    message = TEXT["empty"].format(reason=reason)
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return theme.apply(fig, title, message)


def _describe(table: pd.DataFrame, n: int, k: int, label: str = "group") -> str:
    items = "; ".join(
        TEXT["summary_item"].format(group=g, shown=s)
        for g, s in zip(table[label], table["shown"], strict=True)
    )
    hidden = TEXT["hidden_note"].format(k=k) if table["count"].isna().any() else ""
    return TEXT["based_on"].format(n=n) + items + "." + hidden


def _hidden_trace(groups: list[str], k: int, horizontal: bool = False) -> go.Scatter:
    """Labels "<k" at the base of each suppressed group (one legend entry for all)."""
    zeros = [0] * len(groups)
    return go.Scatter(
        x=zeros if horizontal else groups,
        y=groups if horizontal else zeros,
        mode="text",
        text=[f"<{k}"] * len(groups),
        textposition="middle right" if horizontal else "top center",
        name=TEXT["hidden"].format(k=k),
        hovertext=[TEXT["hidden"].format(k=k)] * len(groups),
        hoverinfo="text",
        showlegend=bool(groups),
    )


def _bars(
    table: pd.DataFrame, colours: list[str], patterns: list[str], k: int, axis: str
) -> go.Figure:
    shown = table[table["count"].notna()]
    hidden = table[table["count"].isna()]
    fig = go.Figure()
    fig.add_bar(
        x=list(shown["group"]),
        y=[int(c) for c in shown["count"]],
        text=list(shown["shown"]),
        textposition="outside",
        marker={
            "color": [colours[i] for i in shown.index],
            "pattern": {"shape": [patterns[i] for i in shown.index]},
            "line": {"color": "#222222", "width": 1},
        },
        name=axis,
        showlegend=False,
    )
    if len(hidden):
        fig.add_trace(_hidden_trace(list(hidden["group"]), k))
    fig.update_xaxes(categoryorder="array", categoryarray=list(table["group"]))
    fig.update_yaxes(title=axis, rangemode="tozero")
    return fig


def cohort_holland_letters(summary) -> go.Figure:
    """Bars of the first Holland-code letter, in fixed R-I-A-S-E-C order and colours."""
    title = TEXT["letters_title"]
    if summary.n_statistics == 0:
        return _empty(title, TEXT["no_people"])
    table = summary["holland_first_letter"].reset_index(drop=True)
    # the last row counts people whose first letter is tied (grey, dotted: not one area)
    colours = [theme.RIASEC_COLOURS.get(str(g)[0], "#999999") for g in table["group"]]
    patterns = ["", "/", ".", "x", "+", "\\", "-"]
    fig = _bars(table, colours, patterns, summary.k, TEXT["people"])
    return theme.apply(fig, title, _describe(table, summary.n_statistics, summary.k))


def cohort_goal_categories(summary) -> go.Figure:
    """Bars of the goals by type (skill, education, …), in the goals chart's colours."""
    title = TEXT["categories_title"]
    if summary.n_statistics == 0:
        return _empty(title, TEXT["no_people"])
    table = summary["goal_categories"].reset_index(drop=True)
    colours = [CATEGORY_COLOURS.get(g, "#999999") for g in table["group"]]
    patterns = [CATEGORY_PATTERNS.get(g, "") for g in table["group"]]
    fig = _bars(table, colours, patterns, summary.k, TEXT["goals"])
    return theme.apply(fig, title, _describe(table, summary.n_statistics, summary.k))


def cohort_interest_scores(summary) -> go.Figure:
    """Bars of each RIASEC area's mean score (0–40) with one standard deviation as whiskers,
    in fixed R-I-A-S-E-C order and colours; an area with fewer than k scored profiles is
    labelled "<k", not drawn."""
    title = TEXT["scores_title"]
    if summary.n_statistics == 0:
        return _empty(title, TEXT["no_people"])
    table = summary["riasec_scores"].reset_index(drop=True)
    shown = table[table["mean"].notna()]
    hidden = table[table["mean"].isna()]
    patterns = dict(zip(table["group"], ["", "/", ".", "x", "+", "\\"], strict=False))
    fig = go.Figure()
    fig.add_bar(
        x=list(shown["group"]),
        y=[float(m) for m in shown["mean"]],
        error_y={
            "type": "data",
            "array": [0.0 if pd.isna(sd) else float(sd) for sd in shown["sd"]],
            "color": "#222222",
        },
        marker={
            "color": [theme.RIASEC_COLOURS[g[0]] for g in shown["group"]],
            "pattern": {"shape": [patterns[g] for g in shown["group"]]},
            "line": {"color": "#222222", "width": 1},
        },
        name=TEXT["score_axis"],
        showlegend=False,
    )
    if len(hidden):
        fig.add_trace(_hidden_trace(list(hidden["group"]), summary.k))
    # The mean under each area's name: text inside patterned bars behind whiskers is hard to read.
    ticks = [
        f"{g}<br>{TEXT['tick_mean'].format(mean=float(m))}" if pd.notna(m) else str(g)
        for g, m in zip(table["group"], table["mean"], strict=True)
    ]
    fig.update_xaxes(
        categoryorder="array",
        categoryarray=list(table["group"]),
        tickvals=list(table["group"]),
        ticktext=ticks,
    )
    fig.update_yaxes(title=TEXT["score_axis"], range=[0, 40])
    text = _describe(table.assign(count=table["mean"]), summary.n_statistics, summary.k)
    return theme.apply(fig, title, text + (TEXT["sd_note"] if len(shown) else ""))


def cohort_progress(summary) -> go.Figure:
    """Stacked horizontal bars: per step, how many have not started, started, or are done."""
    title = TEXT["progress_title"]
    if summary.n_statistics == 0:
        return _empty(title, TEXT["no_people"])
    table = summary["steps"].reset_index(drop=True)
    steps = list(dict.fromkeys(table["step"]))
    fig = go.Figure()
    for status, rows in table.groupby("group", sort=False):
        rows = rows[rows["count"].notna()]
        fig.add_bar(
            y=list(rows["step"]),
            x=[int(c) for c in rows["count"]],
            orientation="h",
            name=str(status),
            text=[f"{status}: {s}" for s in rows["shown"]],
            textposition="inside",
            marker={
                "color": _STATUS_COLOURS.get(str(status), _NEUTRAL),
                "pattern": {"shape": _STATUS_PATTERNS.get(str(status), "")},
                "line": {"color": "#222222", "width": 1},
            },
        )
    hidden = table[table["count"].isna()]
    if len(hidden):
        # One label per step (several hidden statuses of a step would overlap at x = 0).
        per_step = hidden.groupby("step", sort=False)["group"].agg(", ".join)
        labels = [f"{groups}: <{summary.k}" for groups in per_step]
        fig.add_trace(
            go.Scatter(
                x=[0] * len(per_step),
                y=list(per_step.index),
                mode="text",
                text=labels,
                textposition="middle left",
                name=TEXT["hidden"].format(k=summary.k),
                hovertext=labels,
                hoverinfo="text",
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(categoryorder="array", categoryarray=steps[::-1])
    fig.update_xaxes(title=TEXT["people"], rangemode="tozero")
    table = table.assign(
        label=[f"{s} – {g}" for s, g in zip(table["step"], table["group"], strict=True)]
    )
    return theme.apply(fig, title, _describe(table, summary.n_statistics, summary.k, label="label"))
