"""Interests (Holland RIASEC): inventory, scoring, Holland code, indices, occupation matching.

The pieces, in the order a person meets them::

    inventory = load_inventory()                 # our 60-item bank, or a counselor's CSV
    profile = score(wb.interests.responses)      # six area scores, code, ties
    consistency(profile), differentiation(profile)
    congruence(profile, "SAE")                   # Iachan M or Brown–Gore C
    match_occupations(profile, job_zones=[3, 4]) # O*NET occupations ranked by fit
    holland_ties(profile)                        # every tied order: codes, consistency range
    profile_confidence(profile)                  # how far the fit bands can be trusted

Sources are cited where each formula lives (``_indices``, ``_matching``). The bundled bank has no
norms: results are for exploration and reflection, not a test score.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from careerkit.interests._bands import BAND_ORDER, ProfileConfidence, profile_confidence
from careerkit.interests._indices import (
    IACHAN_WEIGHTS,
    IACHAN_WEIGHTS_2,
    congruence,
    consistency,
    differentiation,
    hexagon_distance,
)
from careerkit.interests._inventory import (
    BUNDLED_INVENTORY_ID,
    BUNDLED_ITEMS_PER_AREA,
    FORMS,
    SHORT_INVENTORY_ID,
    Inventory,
    inventory_of,
    load_inventory,
)
from careerkit.interests._matching import (
    DEFAULT_BANDS,
    FIXED_BANDS_BEFORE,
    FlatProfileError,
    fit_matrix,
    match_many,
    match_occupations,
    occupations_from_release,
)
from careerkit.interests._paper import (
    parse_paper_answers,
    parse_totals,
    profile_from_paper,
    read_paper_answers,
)
from careerkit.interests._scoring import (
    MAX_MISSING_PER_AREA,
    InterestProfile,
    allowed_missing,
    profile_from_scores,
    score,
)
from careerkit.interests._text import (
    ANSWER_LABELS,
    CONSISTENCY_NAMES,
    CONSISTENCY_WORDS,
    EXPLORE_SUGGESTIONS,
    NO_NORMS,
    PLAIN_MEANING,
    RIASEC,
    TYPE_NAMES,
)
from careerkit.interests._ties import (
    HollandTies,
    codes_text,
    congruence_range,
    consistency_range,
    holland_ties,
    top_groups,
)

__all__ = [
    "ANSWER_LABELS",
    "BAND_ORDER",
    "BUNDLED_INVENTORY_ID",
    "BUNDLED_ITEMS_PER_AREA",
    "CONSISTENCY_NAMES",
    "CONSISTENCY_WORDS",
    "DEFAULT_BANDS",
    "EXPLORE_SUGGESTIONS",
    "FIXED_BANDS_BEFORE",
    "FORMS",
    "IACHAN_WEIGHTS",
    "IACHAN_WEIGHTS_2",
    "MAX_MISSING_PER_AREA",
    "NO_NORMS",
    "PLAIN_MEANING",
    "RIASEC",
    "SHORT_INVENTORY_ID",
    "TYPE_NAMES",
    "FlatProfileError",
    "HollandTies",
    "InterestAnswers",
    "InterestProfile",
    "Inventory",
    "ProfileConfidence",
    "allowed_missing",
    "codes_text",
    "congruence",
    "congruence_range",
    "consistency",
    "consistency_range",
    "differentiation",
    "fit_matrix",
    "hexagon_distance",
    "holland_ties",
    "inventory_of",
    "load_inventory",
    "match_many",
    "match_occupations",
    "occupations_from_release",
    "parse_paper_answers",
    "parse_totals",
    "profile_confidence",
    "profile_from_paper",
    "profile_from_scores",
    "read_paper_answers",
    "score",
    "top_groups",
]


class InterestAnswers(BaseModel):
    """The interests step's section of a workbook: the person's answers and choices.

    Only ``responses`` is required by the scoring; the other fields let the screens resume
    where the person stopped and remember what they chose. All are optional with defaults.
    """

    #: item_id -> answer 1..5 (1 strongly dislike … 5 strongly like)
    responses: dict[str, int] = Field(default_factory=dict)
    #: which inventory the answers belong to ("riasec_60" = the bundled bank, "riasec_30" = its
    #: short form; :func:`inventory_of` loads the right one)
    inventory_id: str = BUNDLED_INVENTORY_ID
    #: a counselor's own inventory CSV, when one is used instead of the bundled bank
    inventory_path: str | None = None
    #: the quiz page the person was on (0-based), so the quiz resumes there
    current_page: int = 0
    #: Job Zones (1–5) the person chose to see on the results screen; empty = all
    job_zones: list[int] = Field(default_factory=list)
    #: the occupation the person picked from their matches (also set as the skills target)
    selected_soc_code: str | None = None
    selected_title: str = ""
