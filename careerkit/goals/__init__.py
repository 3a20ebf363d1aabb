"""Goals: Goal/Milestone, SMART check, deadline phrases, calendar export; GoalsAnswers.

A package because it holds several ideas: the model (:mod:`._model`), time phrases
(:mod:`._deadlines`), the SMART rules (:mod:`._smart`), progress (:mod:`._progress`), drafts and
examples (:mod:`._library`) and the calendar file (:mod:`._ics`).
"""

from __future__ import annotations

from careerkit.goals._deadlines import TimePhrase, add_months, find_time_phrases, parse_deadline
from careerkit.goals._ics import to_ics
from careerkit.goals._library import (
    AUDIENCES,
    draft_interview_answer,
    example_goals,
    goal_from_example,
    goals_from_gaps,
)
from careerkit.goals._model import (
    ActionStep,
    Category,
    Comment,
    Goal,
    GoalsAnswers,
    Horizon,
    HorizonRule,
    Links,
    Measure,
    Milestone,
    Obstacle,
    Status,
    TermCalendar,
)
from careerkit.goals._progress import (
    OverdueItem,
    ensure_review,
    infer_horizon,
    overdue,
    tick_milestone,
    update_percent,
)
from careerkit.goals._smart import SmartCheck, SmartFlag, check_smart

__all__ = [
    "AUDIENCES",
    "ActionStep",
    "Category",
    "Comment",
    "Goal",
    "GoalsAnswers",
    "Horizon",
    "HorizonRule",
    "Links",
    "Measure",
    "Milestone",
    "Obstacle",
    "OverdueItem",
    "SmartCheck",
    "SmartFlag",
    "Status",
    "TermCalendar",
    "TimePhrase",
    "add_months",
    "check_smart",
    "draft_interview_answer",
    "ensure_review",
    "example_goals",
    "find_time_phrases",
    "goal_from_example",
    "goals_from_gaps",
    "infer_horizon",
    "overdue",
    "parse_deadline",
    "tick_milestone",
    "to_ics",
    "update_percent",
]
