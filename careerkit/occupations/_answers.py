"""The "jobs like my last one" section of a workbook."""

from __future__ import annotations

from pydantic import BaseModel

__all__ = ["PastJobAnswers"]


class PastJobAnswers(BaseModel):
    """A past or current occupation the person picked, and the related one they looked at.

    All optional: the step is optional. ``related_soc_code`` is the related occupation whose
    shared and new skills the person viewed (it may also become the skills step's target).
    """

    soc_code: str | None = None
    title: str = ""
    related_soc_code: str | None = None
    related_title: str = ""
