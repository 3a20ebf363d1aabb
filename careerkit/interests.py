"""Interests (Holland RIASEC): inventory, scoring, indices, occupation matching.

(Being built: see issue 4.)
"""

from __future__ import annotations

from pydantic import BaseModel, Field

__all__ = ["InterestAnswers"]


class InterestAnswers(BaseModel):
    """The interests step's section of a workbook: the person's answers."""

    #: item_id -> answer 1..5 (1 strongly dislike … 5 strongly like)
    responses: dict[str, int] = Field(default_factory=dict)
