"""Goals: Goal/Milestone, SMART check, deadline phrases, calendar export.

(Being built: see issue 6.)
"""

from __future__ import annotations

import uuid

from pydantic import BaseModel, Field

__all__ = ["Goal", "GoalsAnswers"]


class Goal(BaseModel):
    """One career goal; only ``text`` is required. ``id`` is stable (merge key, calendar UID)."""

    id: str = Field(default_factory=lambda: uuid.uuid4().hex)
    text: str


class GoalsAnswers(BaseModel):
    """The goals step's section of a workbook."""

    goals: list[Goal] = Field(default_factory=list)
    interview_answer: str = ""
