"""Skills: taxonomy, extractor, postings, requirements and the gap.

(Being built: see issue 5.)
"""

from __future__ import annotations

from pydantic import BaseModel, Field

__all__ = ["Posting", "SkillsAnswers"]


class Posting(BaseModel):
    """A job posting the person brought (pasted, uploaded or chosen from the samples)."""

    id: str
    title: str = ""
    description: str = ""
    company: str = ""
    source: str = ""


class SkillsAnswers(BaseModel):
    """The skills step's section of a workbook."""

    target_soc_code: str | None = None
    target_title: str = ""
    postings: list[Posting] = Field(default_factory=list)
    #: O*NET element_id -> self-rating 1..5
    ratings: dict[str, int] = Field(default_factory=dict)
    #: skill_ids from the postings that the person already has
    skills_held: list[str] = Field(default_factory=list)
