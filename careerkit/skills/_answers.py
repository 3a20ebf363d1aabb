"""The skills step's section of a workbook: what the person chose, brought, rated and drafted.

Plain pydantic models; the workbook composes them. Lists of sub-models carry a stable ``id`` so
the workbook can merge them item by item.
"""

from __future__ import annotations

import uuid

from pydantic import BaseModel, Field

__all__ = ["DraftGoal", "Posting", "SkillsAnswers"]


def _new_id() -> str:
    return uuid.uuid4().hex


class Posting(BaseModel):
    """A job posting the person brought (pasted, uploaded or chosen from the samples)."""

    id: str
    title: str = ""
    description: str = ""
    company: str = ""
    source: str = ""
    #: True for the bundled sample postings (written by us; no real vacancy).
    illustrative: bool = False


class DraftGoal(BaseModel):
    """A goal drafted from a top gap, waiting for the goals step (see ``draft_goals``)."""

    id: str = Field(default_factory=_new_id)
    text: str
    category: str = "skill"
    measure: str = ""
    #: the linked gap skill: an O*NET element_id or a taxonomy skill_id, and its name
    skill_id: str = ""
    skill: str = ""
    source: str = ""
    priority: float = 0.0


class SkillsAnswers(BaseModel):
    """The skills step's section of a workbook."""

    target_soc_code: str | None = None
    target_title: str = ""
    postings: list[Posting] = Field(default_factory=list)
    #: O*NET element_id -> self-rating 1..5
    ratings: dict[str, int] = Field(default_factory=dict)
    #: skill_ids from the postings that the person already has
    skills_held: list[str] = Field(default_factory=list)
    #: how the target role was chosen: "interests" (from the matches), "search", or ""
    target_source: str = ""
    #: goals drafted from the top gaps, for the goals step to pick up
    draft_goals: list[DraftGoal] = Field(default_factory=list)
