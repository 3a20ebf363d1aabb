"""Charts for the interests step: the RIASEC hexagon and the ranked occupation fit.

Data in (an :class:`careerkit.interests.InterestProfile` or six scores; the frame from
:func:`careerkit.interests.match_occupations`), ``go.Figure`` out, with the careerkit theme
(Okabe–Ito colours) and a text summary. The hexagon always runs R-I-A-S-E-C clockwise from the
top on a fixed radial range (0 to the scale's maximum), so two people's charts compare at a
glance. Colour is never the only cue: values are printed, the overlay is dashed with other
markers, and fit bars carry their band in words and a fill pattern.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from careerkit.charts import theme
from careerkit.interests import (
    RIASEC,
    TYPE_NAMES,
    InterestProfile,
    holland_ties,
    profile_from_scores,
    top_groups,
)

__all__ = ["fit_chart", "riasec_hexagon"]

TEXT = {
    "hex_title": "Your interest profile (Holland RIASEC)",
    "you": "You",
    "overlay": "{title} (O*NET 1–7, shown on 0–{max:g})",
    "hex_summary": (
        "Interest scores on a 0–{max:g} scale: {scores}. Highest areas: {top}; Holland code "
        "{code}."
    ),
    "hex_summary_flat": (
        "Interest scores on a 0–{max:g} scale: {scores}. All six are equal, so there is no "
        "Holland code."
    ),
    "hex_partial": "Interest scores so far on a 0–{max:g} scale: {scores}.",
    "hex_ties": " Tied scores: {ties}.",
    "hex_incomplete": " Not enough answers yet for: {areas}.",
    "hex_overlay": (
        " Dashed line: the O*NET interest profile of {title} (ratings 1–7 rescaled to "
        "0–{max:g}); its highest areas: {top}."
    ),
    "hex_empty": "No interest scores yet: answer the activities first.",
    "fit_title": "Occupations that fit your interests best",
    "fit_x": "Fit (correlation of your scores with the occupation's O*NET profile)",
    "fit_empty": "No occupations to show (try fewer Job Zone filters).",
    "fit_summary": "Best fits: {items}. {bands}",
    "fit_confidence": " {words}",
    "fit_item": "{title} ({fit:.2f}, {band})",
    "fit_bands": "Bands are careerkit's own: {bands}.",
}

_YOU = "#0072B2"
_OCCUPATION = "#D55E00"
# Band styles: Okabe–Ito colours plus a fill pattern, strongest first.
_BAND_STYLE = [("#009E73", ""), ("#56B4E9", "/"), ("#E69F00", "."), ("#999999", "x")]


def _as_profile(profile: InterestProfile | Mapping[str, float]) -> InterestProfile:
    if isinstance(profile, InterestProfile):
        return profile
    return profile_from_scores(profile, max_score=max(40.0, *(v or 0 for v in profile.values())))


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def _top_names(scores: Mapping[str, float | None], n: int = 3) -> str:
    """The ``n`` highest areas with their scores; areas tied with the last one shown are all
    listed, joined by "=" (never a tie-broken cut)."""
    return ", ".join(
        " = ".join(TYPE_NAMES[x] for x in group) + f" {_fmt(scores[group[0]])}"
        for group in top_groups(scores, n)
    )


def riasec_hexagon(
    profile: InterestProfile | Mapping[str, float],
    occupation: Mapping[str, Any] | pd.Series | None = None,
    title: str | None = None,
) -> go.Figure:
    """The RIASEC hexagon: six scores on a polar chart, R-I-A-S-E-C clockwise from the top.

    Parameters
    ----------
    profile
        An :class:`InterestProfile` or a mapping R … C → score. The radial range is fixed to
        0 … ``profile.max_score`` (40 for the bundled bank), never fitted to the data.
    occupation
        Optional row with ``title`` and the O*NET ratings ``R … C`` (1–7), e.g. a row of
        ``careerkit.datasets.occupations()``. It is drawn dashed, rescaled linearly from 1–7
        onto 0 … max_score (1 → 0, 7 → max) so both shapes share one scale; the legend and
        the summary say so.
    """
    prof = _as_profile(profile)
    maximum = prof.max_score
    names = [TYPE_NAMES[x] for x in RIASEC]
    fig = go.Figure()
    values = [prof.scores[x] for x in RIASEC]
    if all(v is None for v in values):
        fig.add_annotation(text=TEXT["hex_empty"], showarrow=False, x=0.5, y=0.5,
                           xref="paper", yref="paper")
        summary = TEXT["hex_empty"]
    else:
        fig.add_trace(go.Scatterpolar(
            r=[*values, values[0]],
            theta=[*names, names[0]],
            name=TEXT["you"],
            mode="lines+markers+text",
            text=[_fmt(v) for v in values] + [""],
            textposition="top center",
            fill="toself",
            line={"color": _YOU, "width": 3},
            marker={"size": 11, "symbol": "circle", "color": _YOU},
            connectgaps=False,
            hovertemplate="%{theta}: %{r}<extra></extra>",
        ))
        listed = ", ".join(f"{TYPE_NAMES[x]} {_fmt(prof.scores[x])}" for x in RIASEC)
        if prof.incomplete:
            summary = TEXT["hex_partial"].format(max=maximum, scores=listed)
        elif prof.flat:
            summary = TEXT["hex_summary_flat"].format(max=maximum, scores=listed)
        else:
            summary = TEXT["hex_summary"].format(
                max=maximum,
                scores=listed,
                top=_top_names(prof.scores),
                code=holland_ties(prof).code_text(),
            )
        if prof.ties and not prof.flat:
            summary += TEXT["hex_ties"].format(
                ties="; ".join(" = ".join(TYPE_NAMES[x] for x in group) for group in prof.ties)
            )
        if prof.incomplete:
            summary += TEXT["hex_incomplete"].format(
                areas=", ".join(TYPE_NAMES[x] for x in prof.incomplete)
            )
    if occupation is not None:
        row = dict(occupation)
        oi = {x: float(row[x]) for x in RIASEC}
        rescaled = [(oi[x] - 1.0) / 6.0 * maximum for x in RIASEC]
        label = str(row.get("title", row.get("soc_code", "")))
        fig.add_trace(go.Scatterpolar(
            r=[*rescaled, rescaled[0]],
            theta=[*names, names[0]],
            name=TEXT["overlay"].format(title=label, max=maximum),
            mode="lines+markers",
            line={"color": _OCCUPATION, "width": 2, "dash": "dash"},
            marker={"size": 9, "symbol": "diamond", "color": _OCCUPATION},
            customdata=[oi[x] for x in RIASEC] + [oi["R"]],
            hovertemplate="%{theta}: O*NET %{customdata:.2f} of 7<extra></extra>",
        ))
        summary += TEXT["hex_overlay"].format(title=label, max=maximum, top=_top_names(oi))
    fig.update_layout(
        polar={
            # The radial scale runs between R and I, clear of the area labels and values.
            "radialaxis": {"range": [0, maximum], "autorange": False, "showline": True,
                           "angle": 60, "tickangle": 60, "tickfont": {"size": 10},
                           "nticks": 5},
            "angularaxis": {"direction": "clockwise", "rotation": 90,
                            "categoryorder": "array", "categoryarray": names},
        },
        showlegend=occupation is not None,
        legend={"orientation": "h", "y": -0.1},
        height=520,
    )
    return theme.apply(fig, title or TEXT["hex_title"], summary)


def _labels(frame: pd.DataFrame, width: int = 48) -> list[str]:
    """Bar labels: titles shortened to ``width`` characters, made unique with the SOC code."""
    short = [t if len(t) <= width else t[: width - 1].rstrip() + "…" for t in frame["title"]]
    counts = pd.Series(short).value_counts()
    return [
        f"{s} ({code})" if counts[s] > 1 else s
        for s, code in zip(short, frame["soc_code"], strict=True)
    ]


def fit_chart(matches: pd.DataFrame, top: int = 15, title: str | None = None) -> go.Figure:
    """Horizontal bars of fit for the best-matching occupations, best on top.

    Parameters
    ----------
    matches
        The frame from :func:`careerkit.interests.match_occupations` (``title, fit, band``;
        ``attrs["bands"]``). Each bar is labelled with its fit and band in words; the band
        also sets the colour and fill pattern.
    """
    fig = go.Figure()
    if matches is None or matches.empty:
        fig.add_annotation(text=TEXT["fit_empty"], showarrow=False, x=0.5, y=0.5,
                           xref="paper", yref="paper")
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        return theme.apply(fig, title or TEXT["fit_title"], TEXT["fit_empty"])
    shown = matches.head(top)
    bands = dict(matches.attrs.get("bands", {}))
    band_order = [*bands, *(b for b in shown["band"].unique() if b not in bands)]
    # Plotly draws the first category at the bottom; labels must be unique and not too long.
    ordered = shown.iloc[::-1].assign(label=_labels(shown.iloc[::-1]))
    for i, band in enumerate(band_order):
        part = ordered[ordered["band"] == band]
        if part.empty:
            continue
        colour, pattern = _BAND_STYLE[min(i, len(_BAND_STYLE) - 1)]
        fig.add_trace(go.Bar(
            x=part["fit"],
            y=part["label"],
            orientation="h",
            customdata=part[["title"]],
            name=str(band),
            marker={"color": colour, "pattern": {"shape": pattern}},
            text=[f"{f:.2f} {b}" for f, b in zip(part["fit"], part["band"], strict=True)],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{customdata[0]}: fit %{x:.2f}<extra></extra>",
        ))
    # Room for the outside labels ("0.92 strong") on either side of the bars.
    low = min(0.0, float(shown["fit"].min()))
    low = low - 0.3 if low < 0 else 0.0
    fig.update_layout(
        barmode="overlay",
        xaxis={"title": {"text": TEXT["fit_x"]}, "range": [low, 1.3]},
        yaxis={"categoryorder": "array", "categoryarray": list(ordered["label"]),
               "automargin": True},
        height=max(320, 34 * len(shown) + 140),
        legend={"orientation": "h", "yanchor": "top", "y": -0.3},
    )
    items = "; ".join(
        TEXT["fit_item"].format(title=r.title, fit=r.fit, band=r.band)
        for r in shown.head(5).itertuples()
    )
    band_text = ", ".join(f"{name} ≥ {value:.2f}" for name, value in bands.items())
    summary = TEXT["fit_summary"].format(
        items=items, bands=TEXT["fit_bands"].format(bands=band_text) if bands else ""
    ).strip()
    confidence = matches.attrs.get("confidence") or {}
    if confidence.get("words"):
        summary += TEXT["fit_confidence"].format(words=confidence["words"])
    return theme.apply(fig, title or TEXT["fit_title"], summary)
