"""Occupations beyond the interest match: "jobs like my last one".

A person picks a past or current occupation (search by title), sees the occupations O*NET lists
as related to it (O*NET Related Occupations, three relatedness tiers), and for any of them which
O*NET skills and knowledge they already used and which would be new — ready to become the skills
step's target role and gap ratings::

    search_occupations("bookkeeper")                         # soc_code, title, job_zone, ...
    related_occupations("43-3031.00")                        # closest first, with the tier
    skill_overlap("43-3031.00", "13-2011.00")               # shared / more / new
    ratings_from_past_job("43-3031.00", "13-2011.00")       # starting 1–5 ratings for step 2

Data: O*NET (CC BY 4.0, USDOL/ETA), see ``data/README.md``.
"""

from __future__ import annotations

from careerkit.occupations._answers import PastJobAnswers
from careerkit.occupations._related import (
    MORE_LEVEL,
    RELATED_COLUMNS,
    RELATED_FILE,
    SKILL_COLUMNS,
    prefill_note,
    ratings_from_past_job,
    related_from_release,
    related_occupations,
    related_source,
    related_table,
    search_occupations,
    skill_overlap,
)
from careerkit.occupations._text import STATUS_WORDS, TIER_WORDS, TIERS

__all__ = [
    "MORE_LEVEL",
    "RELATED_COLUMNS",
    "RELATED_FILE",
    "SKILL_COLUMNS",
    "STATUS_WORDS",
    "TIERS",
    "TIER_WORDS",
    "PastJobAnswers",
    "prefill_note",
    "ratings_from_past_job",
    "related_from_release",
    "related_occupations",
    "related_source",
    "related_table",
    "search_occupations",
    "skill_overlap",
]
