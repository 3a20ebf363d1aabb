"""Charts for the skills step: what postings ask for, and the person's gap.

Data in (frames from :func:`careerkit.skills.requirements` and a
:class:`careerkit.skills.GapTable`), ``go.Figure`` out, with the careerkit theme (Okabe–Ito
colours) and a text summary. Colour is never the only cue: the strength segments also carry
fill patterns, and the level markers differ in shape.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from careerkit._frames import table_rows
from careerkit.charts import theme
from careerkit.errors import InputError
from careerkit.skills import format_level

__all__ = ["gap_chart", "requirements_chart"]

TEXT = {
    "req_title": "What the postings ask for",
    "req_x": "Number of postings",
    "req_empty": "No skills were found in the postings yet.",
    "req_summary": "{n_skills} skills found in {postings}. Most asked for: {top}.",
    "posting_one": "1 posting",
    "posting_many": "{n} postings",
    "req_item": "{label} ({postings} of {n_postings}, {required} as required)",
    "required": "Required",
    "preferred": "Preferred",
    "unspecified": "Mentioned",
    "gap_title": "Your skills gap: your level and the level the role needs",
    "gap_x": "Level (O*NET scale 0–7; your 1–5 rating mapped onto it)",
    "you": "Your level",
    "need": "Level the role needs",
    "gap_summary": "Largest gaps, by priority: {items}.",
    "gap_item": "{name} (you {level}, needed {need})",
    "gap_none": "You meet or exceed the needed level on every item you rated.",
    "posting_gap_title": "Skills the postings ask for that you do not have yet",
    "posting_gap_x": "Share of postings asking for it",
    "posting_gap_summary": "Skills you do not have yet, most asked for first: {items}.",
    "posting_gap_item": "{label} ({share:.0%} of postings)",
    "gap_empty": "Nothing to compare yet: rate yourself, or bring postings and tick your skills.",
}

# Okabe–Ito colours; patterns repeat the distinction for people who cannot tell colours apart.
_STRENGTH_STYLE = {
    "required": ("#0072B2", ""),
    "preferred": ("#E69F00", "/"),
    "unspecified": ("#56B4E9", "."),
}
# Above the plot, right-aligned: clear of the axis title below and of the chart title.
_LEGEND = {
    "orientation": "h",
    "yanchor": "bottom",
    "y": 1.0,
    "xanchor": "right",
    "x": 1.0,
    "traceorder": "normal",
}
_YOU = {"color": "#0072B2", "symbol": "circle"}
_NEED = {"color": "#D55E00", "symbol": "diamond"}


def _empty(title: str, message: str) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return theme.apply(fig, title, message)


def _list(items: list[str]) -> str:
    return "; ".join(items)


def requirements_chart(requirements: pd.DataFrame, top: int = 15) -> go.Figure:
    """Stacked horizontal bars: for the ``top`` most asked-for skills, how many postings asked
    for each as required, as preferred, or only mentioned it.

    Parameters
    ----------
    requirements
        The frame from :func:`careerkit.skills.requirements` (``label, postings, required,
        preferred, unspecified``; ``attrs["n_postings"]``).
    """
    if requirements is None or requirements.empty:
        return _empty(TEXT["req_title"], TEXT["req_empty"])
    shown = requirements.head(top)
    n_postings = int(requirements.attrs.get("n_postings", shown["postings"].max()))
    # Plotly draws the first category at the bottom: reverse so the most asked-for is on top.
    ordered = shown.iloc[::-1]
    fig = go.Figure()
    for strength, (colour, pattern) in _STRENGTH_STYLE.items():
        fig.add_bar(
            name=TEXT[strength],
            y=ordered["label"],
            x=ordered[strength],
            orientation="h",
            marker={"color": colour, "pattern": {"shape": pattern}},
            hovertemplate="%{y}: %{x} postings (" + TEXT[strength].lower() + ")<extra></extra>",
        )
    fig.update_layout(
        barmode="stack",
        xaxis_title=TEXT["req_x"],
        legend=_LEGEND,
        height=max(320, 32 * len(shown) + 160),
    )
    # Skill names can be long: let the axis take the room its labels need.
    fig.update_yaxes(automargin=True)
    fig.update_xaxes(range=[0, max(1, n_postings)], dtick=max(1, round(n_postings / 10)))
    top_items = [
        TEXT["req_item"].format(
            label=r.label, postings=r.postings, n_postings=n_postings, required=r.required
        )
        for r in table_rows(shown.head(5))
    ]
    count = TEXT["posting_one"] if n_postings == 1 else TEXT["posting_many"].format(n=n_postings)
    text = TEXT["req_summary"].format(
        n_skills=len(requirements), postings=count, top=_list(top_items)
    )
    return theme.apply(fig, TEXT["req_title"], text)


def gap_chart(gap_table, top: int = 12, source: str = "auto") -> go.Figure:
    """The gap: for the ``top`` O*NET items by priority, the person's level (circle) beside the
    level the role needs (diamond), highest priority on top; or the posting skills the person
    lacks, by share of postings.

    Parameters
    ----------
    gap_table
        A :class:`careerkit.skills.GapTable`.
    source
        ``"onet"``, ``"postings"``, or ``"auto"``: O*NET when anything was rated, else postings
        (for example for a role O*NET has no ratings for).
    """
    if source not in {"auto", "onet", "postings"}:
        raise InputError(f"source must be 'auto', 'onet' or 'postings'; got {source!r}")
    onet = gap_table.onet
    postings = gap_table.postings
    has_onet = onet is not None and not onet.empty
    has_postings = postings is not None and not postings.empty
    if source == "auto":
        source = "onet" if has_onet or not has_postings else "postings"
    if source == "onet" and has_onet:
        return _onet_gap_chart(onet.head(top))
    if source == "postings" and has_postings:
        return _posting_gap_chart(postings.head(top))
    return _empty(TEXT["gap_title"], TEXT["gap_empty"])


def _onet_gap_chart(shown: pd.DataFrame) -> go.Figure:
    ordered = shown.iloc[::-1]
    fig = go.Figure()
    # Grey connectors make the distance visible without relying on the marker colours.
    for row in table_rows(ordered):
        fig.add_shape(
            type="line",
            x0=row.level,
            x1=row.need_level,
            y0=row.element_name,
            y1=row.element_name,
            line={"color": "#999999", "width": 3},
            layer="below",
        )
    fig.add_scatter(
        name=TEXT["you"],
        x=ordered["level"],
        y=ordered["element_name"],
        mode="markers",
        marker={"size": 14, **_YOU},
        hovertemplate="%{y}: your level %{x:.1f}<extra></extra>",
    )
    fig.add_scatter(
        name=TEXT["need"],
        x=ordered["need_level"],
        y=ordered["element_name"],
        mode="markers",
        marker={"size": 14, **_NEED},
        hovertemplate="%{y}: needed %{x:.1f}<extra></extra>",
    )
    fig.update_layout(
        xaxis_title=TEXT["gap_x"],
        legend=_LEGEND,
        height=max(320, 34 * len(shown) + 160),
    )
    fig.update_xaxes(range=[-0.3, 7.3], dtick=1)
    fig.update_yaxes(automargin=True)
    gaps = shown[shown["gap"] > 0].head(5)
    if gaps.empty:
        text = TEXT["gap_none"]
    else:
        items = [
            # the gap table's own words ("you: starting (2 of 5) = level 1.75 of 7; …"), so the
            # chart never says "you 1.8" after a rating of 2
            r.text
            if isinstance(getattr(r, "text", None), str)
            else TEXT["gap_item"].format(
                name=r.element_name, level=format_level(r.level), need=format_level(r.need_level)
            )
            for r in table_rows(gaps)
        ]
        text = TEXT["gap_summary"].format(items=_list(items))
    return theme.apply(fig, TEXT["gap_title"], text)


def _posting_gap_chart(shown: pd.DataFrame) -> go.Figure:
    ordered = shown.iloc[::-1]
    fig = go.Figure()
    fig.add_bar(
        x=ordered["share"],
        y=ordered["label"],
        orientation="h",
        marker={"color": "#D55E00"},
        text=[f"{s:.0%}" for s in ordered["share"]],
        textposition="outside",
        hovertemplate="%{y}: %{x:.0%} of postings<extra></extra>",
    )
    fig.update_layout(xaxis_title=TEXT["posting_gap_x"], height=max(320, 32 * len(shown) + 160))
    fig.update_xaxes(range=[0, 1.1], tickformat=".0%")
    fig.update_yaxes(automargin=True)
    items = [
        TEXT["posting_gap_item"].format(label=r.label, share=r.share)
        for r in table_rows(shown.head(5))
    ]
    text = TEXT["posting_gap_summary"].format(items=_list(items))
    return theme.apply(fig, TEXT["posting_gap_title"], text)
