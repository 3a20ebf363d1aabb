"""One look for every careerkit chart: a colour-blind-safe palette and a Plotly template.

The palette is Okabe & Ito's (2008, "Color Universal Design"), distinguishable under the common
forms of colour-vision deficiency. Charts never rely on colour alone: bars carry labels,
markers carry symbols, and every figure comes with a text summary.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

__all__ = ["PALETTE", "RIASEC_COLOURS", "TEMPLATE_NAME", "apply", "summary"]

#: Okabe–Ito colours (hex), in their published order, black last.
PALETTE = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]

#: Fixed colour per Holland type, the same in every chart.
RIASEC_COLOURS = dict(zip("RIASEC", ["#D55E00", "#0072B2", "#CC79A7", "#009E73", "#E69F00",
                                       "#56B4E9"], strict=True))

TEMPLATE_NAME = "careerkit"

_template = go.layout.Template(
    layout=go.Layout(
        font={"family": "DejaVu Sans, Arial, sans-serif", "size": 14, "color": "#222222"},
        colorway=PALETTE,
        paper_bgcolor="white",
        plot_bgcolor="white",
        title={"x": 0.0, "xanchor": "left", "font": {"size": 18}},
        margin={"l": 60, "r": 30, "t": 70, "b": 50},
        hoverlabel={"font": {"size": 14}},
    )
)
pio.templates[TEMPLATE_NAME] = _template


def apply(fig: go.Figure, title: str, summary_text: str) -> go.Figure:
    """Give ``fig`` the careerkit template, a title and a text summary (kept in ``layout.meta``).

    The summary is the chart's words for people who cannot see it; ``summary(fig)`` reads it back.
    """
    fig.update_layout(template=TEMPLATE_NAME, title={"text": title})
    meta = dict(fig.layout.meta) if isinstance(fig.layout.meta, dict) else {}
    meta["summary"] = summary_text
    fig.update_layout(meta=meta)
    return fig


def summary(fig: go.Figure) -> str:
    """The text summary stored by :func:`apply` (empty string when there is none)."""
    meta = fig.layout.meta
    return meta.get("summary", "") if isinstance(meta, dict) else ""
