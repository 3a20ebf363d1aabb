"""Skills charts: what they draw, in which order, and what their summaries say."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

import careerkit as ck
from careerkit.charts import skills as charts
from careerkit.charts import theme
from careerkit.skills import gap

REQ = pd.DataFrame(
    {
        "skill_id": ["sql", "excel", "python"],
        "label": ["SQL", "Microsoft Excel", "Python"],
        "kind": ["software"] * 3,
        "postings": [3, 2, 1],
        "required": [3, 1, 0],
        "preferred": [0, 1, 0],
        "unspecified": [0, 0, 1],
        "share": [0.75, 0.5, 0.25],
        "required_share": [0.75, 0.25, 0.0],
        "rank": [1, 2, 3],
    }
)
REQ.attrs["n_postings"] = 4

NEED = pd.DataFrame(
    {
        "element_id": ["A", "B", "C"],
        "element_name": ["Alpha", "Beta", "Gamma"],
        "kind": ["skill", "skill", "knowledge"],
        "importance": [4.0, 5.0, 3.0],
        "level": [5.25, 3.5, 7.0],
        "suppress": [False] * 3,
    }
)


def test_builders_are_reexported_from_charts():
    assert ck.charts.requirements_chart is charts.requirements_chart
    assert ck.charts.gap_chart is charts.gap_chart


def test_requirements_chart_stacks_required_preferred_and_mentioned():
    fig = charts.requirements_chart(REQ)
    assert isinstance(fig, go.Figure)
    assert fig.layout.barmode == "stack"
    assert [t.name for t in fig.data] == ["Required", "Preferred", "Mentioned"]
    required = fig.data[0]
    assert required.orientation == "h"
    # most asked-for skill drawn on top (last category)
    assert list(required.y) == ["Python", "Microsoft Excel", "SQL"]
    assert list(required.x) == [0, 1, 3]
    assert list(fig.data[1].x) == [0, 1, 0]
    # colour is not the only cue: each strength has its own fill pattern
    assert len({t.marker.pattern.shape for t in fig.data}) == 3
    assert {t.marker.color for t in fig.data} <= set(theme.PALETTE)


def test_requirements_chart_summary_names_the_top_skills():
    text = theme.summary(charts.requirements_chart(REQ))
    assert "3 skills found in 4 postings" in text
    assert "SQL (3 of 4, 3 as required)" in text


def test_requirements_chart_of_nothing_says_so():
    empty = REQ.iloc[0:0]
    fig = charts.requirements_chart(empty)
    assert "No skills" in theme.summary(fig) and not fig.data


def test_gap_chart_shows_your_level_and_the_need_by_priority():
    table = gap({"A": 2, "B": 3, "C": 1}, NEED)
    fig = charts.gap_chart(table)
    you, need = fig.data
    assert you.name == "Your level" and need.name == "Level the role needs"
    assert you.marker.symbol != need.marker.symbol
    # priority order C (0.6), A (0.4), B (0), highest drawn on top
    assert list(you.y) == ["Beta", "Alpha", "Gamma"]
    assert list(you.x) == [3.5, 1.75, 0.0]
    assert list(need.x) == [3.5, 5.25, 7.0]
    text = theme.summary(fig)
    assert text.index("Gamma") < text.index("Alpha") and "Beta" not in text
    # one scale, the person's own rating in words: never "you 1.8" after a rating of 2
    assert "Alpha: you: starting (2 of 5) = level 1.75 of 7; needed: level 5.25 of 7" in text
    assert "1.8" not in text


def test_gap_chart_when_every_need_is_met():
    fig = charts.gap_chart(gap({"A": 5, "B": 5, "C": 5}, NEED))
    assert "meet or exceed" in theme.summary(fig)


def test_gap_chart_falls_back_to_postings_without_onet_ratings():
    table = gap(have=["sql"], posting_need=REQ)
    fig = charts.gap_chart(table)
    (bars,) = fig.data
    assert list(bars.y) == ["Python", "Microsoft Excel"]
    assert "Microsoft Excel (50% of postings)" in theme.summary(fig)


def test_gap_chart_with_nothing_to_compare_explains_what_to_do():
    fig = charts.gap_chart(gap())
    assert "rate yourself" in theme.summary(fig)


def test_gap_chart_can_show_either_side_when_both_exist():
    table = gap({"A": 2, "B": 3, "C": 1}, NEED, posting_need=REQ)
    assert charts.gap_chart(table).data[0].name == "Your level"
    (bars,) = charts.gap_chart(table, source="postings").data
    assert list(bars.y) == ["Python", "Microsoft Excel", "SQL"]
    with pytest.raises(ck.InputError, match="source"):
        charts.gap_chart(table, source="both")
