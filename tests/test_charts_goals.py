"""The goals timeline: bars per goal, milestone markers by state, today line, bands, summary."""

from __future__ import annotations

from datetime import date

import pytest

import careerkit as ck
from careerkit.charts import goal_timeline, summary
from careerkit.charts.goals import CATEGORY_COLOURS, CATEGORY_PATTERNS
from careerkit.goals import Goal, Milestone

TODAY = date(2026, 1, 15)


@pytest.fixture
def goals() -> list[Goal]:
    return [
        Goal(text="Pass the NCLEX-RN exam by August 2027", category="education",
             start=date(2025, 9, 1), deadline=date(2027, 8, 31),
             milestones=[
                 Milestone(title="Finish the review course", due=date(2025, 12, 1),
                           done_on=date(2025, 11, 20)),
                 Milestone(title="Book the exam", due=date(2026, 1, 5)),
                 Milestone(title="Sit the exam", due=date(2027, 8, 1)),
             ],
             review_dates=[date(2026, 7, 1)]),
        Goal(text="Meet one alumna each month this semester", category="network",
             deadline=date(2026, 5, 15)),
        Goal(text="Become a nurse practitioner within seven years", category="education",
             deadline=date(2033, 1, 15)),
        Goal(text="Learn SQL"),
    ]


def _trace(fig, kind):
    return next(t for t in fig.data if isinstance(t.meta, dict) and t.meta.get("kind") == kind)


def test_one_bar_per_dated_goal_coloured_by_category(goals):
    fig = goal_timeline(goals, today=TODAY)
    bars = [t for t in fig.data if t.type == "bar"]
    assert sorted(t.name for t in bars) == ["education", "network"]
    assert sum(len(t.y) for t in bars) == 3  # the undated goal is left out
    for t in bars:
        assert t.marker.color == CATEGORY_COLOURS[t.name]
        assert t.marker.pattern.shape == CATEGORY_PATTERNS[t.name]
    assert len({CATEGORY_PATTERNS[t.name] for t in bars}) == 2  # not told apart by colour alone
    assert "1 goal(s) without a deadline" in summary(fig)


def test_milestones_are_diamonds_by_state_not_only_by_colour(goals):
    fig = goal_timeline(goals, today=TODAY)
    done = _trace(fig, "milestone_done")
    upcoming = _trace(fig, "milestone_upcoming")
    late = _trace(fig, "milestone_overdue")
    assert list(done.text) == ["Finish the review course"]
    assert list(upcoming.text) == ["Sit the exam"]
    assert list(late.text) == ["Book the exam"]
    symbols = {done.marker.symbol, upcoming.marker.symbol, late.marker.symbol}
    assert len(symbols) == 3 and all("diamond" in s for s in symbols)
    assert not done.marker.symbol.endswith("open")
    assert upcoming.marker.symbol.endswith("open")
    # a done milestone sits at the date it was done
    assert str(done.x[0])[:10] == "2025-11-20"


def test_review_dates_are_drawn(goals):
    reviews = _trace(goal_timeline(goals, today=TODAY), "review")
    assert [str(x)[:10] for x in reviews.x] == ["2026-07-01"]
    assert reviews.marker.symbol == "star-open"


def test_today_is_a_shape_with_its_own_label(goals):
    fig = goal_timeline(goals, today=TODAY)
    today = [s for s in fig.layout.shapes if s.name == "today"]
    assert len(today) == 1
    line = today[0]
    assert line.type == "line" and line.x0 == line.x1 == "2026-01-15"
    assert line.yref == "paper"
    assert any(a.text.strip() == "Today" for a in fig.layout.annotations)


def test_horizon_bands_follow_the_thresholds(goals):
    fig = goal_timeline(goals, today=TODAY)
    bands = {s.name: s for s in fig.layout.shapes if s.type == "rect"}
    assert bands["short_band"].x0 == "2026-01-15" and bands["short_band"].x1 == "2029-01-15"
    assert bands["long_band"].x0 == "2031-01-15"
    narrow = goal_timeline(goals[:2], today=TODAY, horizons=ck.goals.HorizonRule(short_years=1))
    names = [s.name for s in narrow.layout.shapes if s.type == "rect"]
    assert names == ["short_band"]  # no goal reaches the long term
    assert next(s for s in narrow.layout.shapes if s.name == "short_band").x1 == "2027-01-15"


def test_summary_names_overdue_and_next_steps(goals):
    text = summary(goal_timeline(goals, today=TODAY))
    assert "3 goal(s) on the timeline" in text
    assert "1 done, 1 to come, 1 overdue" in text
    assert "Book the exam (due 2026-01-05)" in text
    assert "Next milestone: 'Sit the exam'" in text
    assert "Next review: 2026-07-01" in text
    assert fig_title(goal_timeline(goals, today=TODAY)) == "My goals on a timeline"


def fig_title(fig):
    return fig.layout.title.text


def test_no_dated_goal_gives_a_plain_message():
    fig = goal_timeline([Goal(text="Learn SQL")], today=TODAY)
    assert len(fig.data) == 0
    assert "No goal has a deadline yet" in summary(fig)


def test_chart_uses_the_careerkit_template(goals):
    fig = goal_timeline(goals, today=TODAY)
    assert fig.layout.template.layout.colorway == tuple(ck.charts.theme.PALETTE)
    assert set(CATEGORY_COLOURS.values()) - {"#999999"} <= set(ck.charts.theme.PALETTE)


def test_goal_timeline_is_re_exported():
    assert "goal_timeline" in ck.charts.__all__
