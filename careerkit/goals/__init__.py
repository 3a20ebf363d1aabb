"""Goals: Goal/Milestone, SMART check, deadline phrases, calendar export; GoalsAnswers.

A package because it holds several ideas: the model (:mod:`.model`), time phrases
(:mod:`.deadlines`), the SMART rules (:mod:`.smart`), progress (:mod:`.progress`), drafts and
examples (:mod:`.library`) and the calendar file (:mod:`.ics`).
"""

from __future__ import annotations

from careerkit.goals.deadlines import TimePhrase, add_months, find_time_phrases, parse_deadline
from careerkit.goals.model import (
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
from careerkit.goals.smart import SmartCheck, SmartFlag, check_smart

__all__ = [
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
    "SmartCheck",
    "SmartFlag",
    "Status",
    "TermCalendar",
    "TimePhrase",
    "add_months",
    "check_smart",
    "find_time_phrases",
    "parse_deadline",
]
