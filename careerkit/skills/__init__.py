"""Skills: taxonomy, extractor, postings, requirements and the gap.

The public face of the skills step. A :class:`Taxonomy` lists skills and their aliases;
:class:`SkillExtractor` finds them in a posting as :class:`SkillMatch` spans. Postings are read
by :func:`read_postings`; what they ask for is counted by :func:`requirements`; O*NET's view of
a role comes from :func:`occupation_requirements`; :func:`gap` ranks the person's gaps and
:func:`draft_goals` turns the top ones into draft goals. Formulas: ARCHITECTURE.md, "Skills"
and "Gap".
"""

from __future__ import annotations

from careerkit.skills._answers import DraftGoal, Posting, SkillsAnswers
from careerkit.skills._extract import STRENGTHS, SkillExtractor, SkillMatch
from careerkit.skills._gap import (
    LEVEL_SCALE,
    MIN_IMPORTANCE,
    RATING_SCALE,
    SUPPRESS_CAUTION,
    GapTable,
    draft_goals,
    format_level,
    gap,
    items_to_rate,
    level_anchor,
    level_from_rating,
    level_words,
    occupation_requirements,
    rated_alternatives,
    rating_from_level,
    requirements,
)
from careerkit.skills._postings import (
    postings_from_bytes,
    postings_from_records,
    postings_from_text,
    read_postings,
)
from careerkit.skills._roles import find_roles
from careerkit.skills._samples import sample_postings, sample_roles
from careerkit.skills._taxonomy import KINDS, Taxonomy

__all__ = [
    "KINDS",
    "LEVEL_SCALE",
    "MIN_IMPORTANCE",
    "RATING_SCALE",
    "STRENGTHS",
    "SUPPRESS_CAUTION",
    "DraftGoal",
    "GapTable",
    "Posting",
    "SkillExtractor",
    "SkillMatch",
    "SkillsAnswers",
    "Taxonomy",
    "draft_goals",
    "find_roles",
    "format_level",
    "gap",
    "items_to_rate",
    "level_anchor",
    "level_from_rating",
    "level_words",
    "occupation_requirements",
    "postings_from_bytes",
    "postings_from_records",
    "postings_from_text",
    "rated_alternatives",
    "rating_from_level",
    "read_postings",
    "requirements",
    "sample_postings",
    "sample_roles",
]
