"""Chart for the work-values step: how much each value matters, beside what an occupation offers.

Data in (a :class:`careerkit.values.ValueProfile`, optionally one row of
:func:`careerkit.values.value_fit`), ``go.Figure`` out. The person's scores are on 1–5; an
occupation's O*NET extents (1–7) are rescaled onto 1–5 so both share one axis, and the summary
says so. Values are printed on the bars, so colour is never the only cue.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from careerkit.charts import theme
from careerkit.values import VALUE_NAMES, VALUES, ValueProfile

__all__ = ["values_chart"]

TEXT = {
    "title": "What matters to you at work",
    "you": "You (1–5)",
    "occupation": "{title} (O*NET 1–7, shown on 1–5)",
    "x": "How much it matters (1 hardly … 5 most of all)",
    "summary": "Work values, most important first: {items}.",
    "summary_occupation": " Bars for {title}: O*NET extents rescaled from 1–7 to 1–5: {items}.",
}


def values_chart(profile: ValueProfile, occupation: Any = None) -> go.Figure:
    """Horizontal bars of the person's six value scores (most important at the top), with an
    occupation's O*NET extents beside them when ``occupation`` (a row of ``value_fit`` with
    ``title`` and the six value columns) is given."""
    order = list(reversed(profile.ranked))
    names = [VALUE_NAMES[k] for k in order]
    fig = go.Figure()
    fig.add_bar(
        y=names, x=[profile.scores[k] for k in order], orientation="h", name=TEXT["you"],
        marker_color="#0072B2", text=[f"{profile.scores[k]:g}" for k in order],
        textposition="outside",
    )
    words = TEXT["summary"].format(
        items=", ".join(f"{VALUE_NAMES[k]} {profile.scores[k]:g}" for k in profile.ranked)
    )
    if occupation is not None:
        scaled = {k: 1 + (float(occupation[k]) - 1) * 4 / 6 for k in VALUES}
        fig.add_bar(
            y=names, x=[scaled[k] for k in order], orientation="h",
            name=TEXT["occupation"].format(title=occupation["title"]),
            marker_color="#D55E00", marker_pattern_shape="/",
            text=[f"{float(occupation[k]):.1f}/7" for k in order], textposition="outside",
        )
        words += TEXT["summary_occupation"].format(
            title=occupation["title"],
            items=", ".join(f"{VALUE_NAMES[k]} {float(occupation[k]):.1f}/7"
                            for k in profile.ranked),
        )
    fig.update_layout(
        barmode="group", xaxis={"range": [0, 5.9], "title": TEXT["x"]},
        yaxis={"automargin": True},  # the longest name ("Working Conditions") is not cut
        legend={"orientation": "h", "y": -0.25}, height=420,
    )
    return theme.apply(fig, TEXT["title"], words)
