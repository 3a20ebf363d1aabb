"""Interests charts: the RIASEC hexagon and the occupation fit bars."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

import careerkit as ck
from careerkit.charts import theme
from careerkit.charts.interests import fit_chart, riasec_hexagon
from careerkit.interests import DEFAULT_BANDS, match_occupations, profile_from_scores, score

NAMES = ["Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional"]
SCORES = {"R": 8, "I": 30, "A": 14, "S": 36, "E": 20, "C": 5}


def test_builders_are_reexported_from_charts():
    assert ck.charts.riasec_hexagon is riasec_hexagon
    assert ck.charts.fit_chart is fit_chart


def test_hexagon_has_fixed_order_and_fixed_range():
    fig = riasec_hexagon(profile_from_scores(SCORES))
    assert isinstance(fig, go.Figure)
    you = fig.data[0]
    assert list(you.theta) == [*NAMES, "Realistic"]
    assert list(you.r) == [8, 30, 14, 36, 20, 5, 8]
    # The range is the scale's, not the data's: a low profile is drawn on the same 0–40 axes.
    assert tuple(fig.layout.polar.radialaxis.range) == (0, 40)
    low = riasec_hexagon(profile_from_scores(dict.fromkeys("RIASEC", 2) | {"S": 4}))
    assert tuple(low.layout.polar.radialaxis.range) == (0, 40)
    assert fig.layout.polar.angularaxis.direction == "clockwise"
    assert list(fig.layout.polar.angularaxis.categoryarray) == NAMES


def test_hexagon_has_a_text_summary_with_scores_code_and_ties():
    text = theme.summary(riasec_hexagon(profile_from_scores(SCORES)))
    assert "0–40 scale" in text and "Social 36" in text and "Holland code SIE" in text
    tied = theme.summary(riasec_hexagon({"R": 5, "I": 12, "A": 30, "S": 30, "E": 12, "C": 2}))
    assert "Tied scores: Artistic = Social; Investigative = Enterprising" in tied
    assert theme.summary(riasec_hexagon(score({}))).startswith("No interest scores yet")


def test_hexagon_text_shows_every_tied_code_and_never_a_code_for_a_flat_profile():
    flat = theme.summary(riasec_hexagon(profile_from_scores(dict.fromkeys("RIASEC", 20))))
    assert "no Holland code" in flat and "Holland code RIA" not in flat
    tied = theme.summary(riasec_hexagon({"R": 36, "I": 28, "A": 5, "S": 28, "E": 3, "C": 2}))
    assert "Holland code RIS or RSI (tied scores)" in tied
    assert "Highest areas: Realistic 36, Investigative = Social 28" in tied
    many = theme.summary(riasec_hexagon({"R": 30, "I": 20, "A": 20, "S": 20, "E": 20, "C": 10}))
    assert "and 7 more (tied scores)" in many
    assert "Investigative = Artistic = Social = Enterprising 20" in many


def test_hexagon_overlays_an_occupation_rescaled_from_onet_scale():
    occupation = {"title": "Test Occupation", "R": 7, "I": 1, "A": 4, "S": 1, "E": 1, "C": 1}
    fig = riasec_hexagon(profile_from_scores(SCORES), occupation)
    overlay = fig.data[1]
    assert list(overlay.r) == [40, 0, 20, 0, 0, 0, 40]  # 1 → 0, 4 → 20, 7 → 40
    assert overlay.line.dash == "dash"
    assert "O*NET 1–7, shown on 0–40" in overlay.name
    assert fig.layout.showlegend is True
    assert "Test Occupation" in theme.summary(fig) and "rescaled" in theme.summary(fig)
    bundled = ck.datasets.occupations().iloc[0]
    again = riasec_hexagon(profile_from_scores(SCORES), bundled)
    assert bundled["title"] in again.data[1].name


def test_hexagon_uses_the_instrument_scale_and_shows_incomplete_areas():
    fig = riasec_hexagon(profile_from_scores({**SCORES, "C": None}, max_score=40))
    assert fig.data[0].r[5] is None
    assert "Not enough answers yet for: Conventional" in theme.summary(fig)
    seven = riasec_hexagon(profile_from_scores({"R": 2, "I": 6, "A": 3, "S": 7, "E": 1, "C": 1},
                                               max_score=7))
    assert tuple(seven.layout.polar.radialaxis.range) == (0, 7)


def test_fit_chart_ranks_best_on_top_with_bands_in_words():
    matches = match_occupations(profile_from_scores(SCORES), top=None)
    shown = pd.concat([matches.head(4), matches.iloc[[300, 500, -1]]])
    shown.attrs = matches.attrs
    fig = fit_chart(shown)
    categories = list(fig.layout.yaxis.categoryarray)
    assert categories[-1].startswith(matches.iloc[0]["title"][:30])  # top of the chart
    labels = [t for trace in fig.data for t in trace.text]
    assert any(t.endswith("strong") for t in labels) and any(t.endswith("little") for t in labels)
    assert {trace.marker.color for trace in fig.data} <= set(theme.PALETTE) | {"#999999"}
    assert len({trace.marker.pattern.shape for trace in fig.data}) == len(fig.data)
    text = theme.summary(fig)
    assert f"Bands are careerkit's own: strong ≥ {DEFAULT_BANDS['strong']:.2f}" in text
    assert "differ clearly" in text  # the profile's confidence is part of the words
    assert matches.iloc[0]["title"] in text


def test_fit_chart_keeps_duplicate_titles_apart_and_handles_no_matches():
    frame = pd.DataFrame({"soc_code": ["1", "2"], "title": ["Same", "Same"], "fit": [0.8, 0.4],
                          "band": ["strong", "some"]})
    fig = fit_chart(frame)
    assert sorted(fig.layout.yaxis.categoryarray) == ["Same (1)", "Same (2)"]
    empty = fit_chart(frame.iloc[0:0])
    assert "No occupations to show" in theme.summary(empty)


@pytest.mark.parametrize("top", [3, 15])
def test_fit_chart_shows_at_most_top(top):
    matches = match_occupations(profile_from_scores(SCORES), top=20)
    fig = fit_chart(matches, top=top)
    assert sum(len(trace.y) for trace in fig.data) == top
