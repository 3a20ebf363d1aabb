"""The goal model: a goal, its milestones, action plan and links, and the workbook section.

Goal types and fields follow common career-guidance practice (myIDP's goal types, university
career action-plan worksheets, advising systems' planned vs actual dates); the names are ours.
Only ``Goal.text`` is required: a person may start from one sentence and fill in the rest later.
Every list item carries a stable ``id`` because the workbook merges lists of models per item by
id, and the calendar export derives its UIDs from them.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

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
    "Status",
    "TermCalendar",
    "new_id",
]


def new_id() -> str:
    """A fresh random id (uuid4 hex): stable once stored, never reused."""
    return uuid.uuid4().hex


class Category(StrEnum):
    """Goal types (career-guidance usage; myIDP distinguishes similar ones)."""

    SKILL = "skill"
    EDUCATION = "education"
    EXPERIENCE = "experience"
    PERFORMANCE = "performance"
    NETWORK = "network"
    PERSONAL = "personal"


class Horizon(StrEnum):
    """How far away a goal is: short (up to ~3 years), mid, long (5 years or more)."""

    SHORT = "short"
    MID = "mid"
    LONG = "long"


class Status(StrEnum):
    NOT_STARTED = "not started"
    IN_PROGRESS = "in progress"
    DONE = "done"
    PAUSED = "paused"
    DROPPED = "dropped"


class _Model(BaseModel):
    # Screens assign attributes directly; validating assignments turns a bad value into an
    # error at the point it is typed instead of a broken workbook file later.
    model_config = ConfigDict(validate_assignment=True, extra="ignore")


class HorizonRule(_Model):
    """Horizon thresholds in years: short when ≤ ``short_years``, long when ≥ ``long_years``."""

    short_years: float = Field(3.0, gt=0)
    long_years: float = Field(5.0, gt=0)

    def horizon(self, deadline: date, start: date) -> Horizon:
        """The horizon of a goal running from ``start`` to ``deadline``."""
        years = (deadline - start).days / 365.25
        if years <= self.short_years + 1e-9:
            return Horizon.SHORT
        if years >= self.long_years - 1e-9:
            return Horizon.LONG
        return Horizon.MID


class TermCalendar(_Model):
    """When named periods end, so "by the end of the semester" can become a date.

    Defaults follow a common US academic calendar (fall semester ends mid-December, spring
    mid-May, the school year at the end of June); a counselor changes them for their school.
    ``periods`` holds a person's own named periods ("sophomore year", "medical school",
    "graduation") with their end dates.
    """

    fall_end: tuple[int, int] = (12, 15)
    spring_end: tuple[int, int] = (5, 15)
    summer_end: tuple[int, int] = (8, 31)
    school_year_end: tuple[int, int] = (6, 30)
    fiscal_year_end_month: int = Field(12, ge=1, le=12)
    periods: dict[str, date] = Field(default_factory=dict)

    @field_validator("fall_end", "spring_end", "summer_end", "school_year_end")
    @classmethod
    def _valid_month_day(cls, value: tuple[int, int]) -> tuple[int, int]:
        month, day = value
        try:
            date(2001, month, day)
        except ValueError as exc:
            raise ValueError(f"not a valid (month, day): {value!r}") from exc
        return value

    @field_validator("periods")
    @classmethod
    def _normalise_names(cls, value: dict[str, date]) -> dict[str, date]:
        return {" ".join(k.lower().split()): v for k, v in value.items()}


class Milestone(_Model):
    """A checkpoint on the way to a goal: planned (``due``) and actual (``done_on``) dates."""

    id: str = Field(default_factory=new_id)
    title: str
    due: date | None = None
    done_on: date | None = None

    @property
    def done(self) -> bool:
        return self.done_on is not None


class ActionStep(_Model):
    """One concrete thing to do next (smaller than a milestone, may have no date)."""

    id: str = Field(default_factory=new_id)
    text: str
    due: date | None = None
    done_on: date | None = None


class Obstacle(_Model):
    """Something that could get in the way, and the plan for it."""

    id: str = Field(default_factory=new_id)
    obstacle: str
    strategy: str = ""


class Comment(_Model):
    """A counselor's comment on a goal."""

    id: str = Field(default_factory=new_id)
    text: str
    author: str = ""
    at: datetime | None = None


class Measure(_Model):
    """How progress is counted: what, the target, and where the person starts from."""

    what: str = ""
    target: str = ""
    baseline: str = ""

    def is_empty(self) -> bool:
        return not (self.what.strip() or self.target.strip())


class Links(_Model):
    """Links to earlier steps: gap skills, the target occupation, the Holland code."""

    gap_skills: list[str] = Field(default_factory=list)
    target_soc_code: str = ""
    target_title: str = ""
    interest_code: str = ""

    def any(self) -> bool:
        return bool(
            self.gap_skills or self.target_soc_code or self.target_title or self.interest_code
        )


class Goal(_Model):
    """One career goal. Only ``text`` is required; ``id`` is stable (merge key, calendar UID)."""

    id: str = Field(default_factory=new_id)
    text: str
    category: Category | None = None
    horizon: Horizon | None = None
    start: date | None = None
    deadline: date | None = None
    measure: Measure = Field(default_factory=Measure)
    milestones: list[Milestone] = Field(default_factory=list)
    action_steps: list[ActionStep] = Field(default_factory=list)
    resources: list[str] = Field(default_factory=list)
    obstacles: list[Obstacle] = Field(default_factory=list)
    supporters: list[str] = Field(default_factory=list)
    confidence: int | None = Field(None, ge=0, le=10)
    links: Links = Field(default_factory=Links)
    #: why the goal matters to the person (values, life situation)
    why: str = ""
    status: Status = Status.NOT_STARTED
    percent_complete: int = Field(0, ge=0, le=100)
    review_dates: list[date] = Field(default_factory=list)
    counselor_comments: list[Comment] = Field(default_factory=list)
    #: drafted by careerkit (from a gap or an example), not yet edited by the person
    draft: bool = False
    #: the four building blocks the goal was written from (action, measure, deadline, support)
    slots: dict[str, str] = Field(default_factory=dict)

    def milestone(self, milestone_id: str) -> Milestone:
        """The milestone with this id (``KeyError`` naming the id when there is none)."""
        for m in self.milestones:
            if m.id == milestone_id:
                return m
        raise KeyError(f"goal {self.id!r} has no milestone {milestone_id!r}")


class GoalsAnswers(_Model):
    """The goals step's section of a workbook."""

    goals: list[Goal] = Field(default_factory=list)
    interview_answer: str = ""
    horizons: HorizonRule = Field(default_factory=HorizonRule)
    term_calendar: TermCalendar = Field(default_factory=TermCalendar)

    def goal(self, goal_id: str) -> Goal:
        """The goal with this id (``KeyError`` naming the id when there is none)."""
        for g in self.goals:
            if g.id == goal_id:
                return g
        raise KeyError(f"no goal with id {goal_id!r}")
