"""Domain constants and every user-facing sentence of the interests core, in one place.

Translating the interests step means translating this file (and ``careerkit/ui/interests.py``'s
own ``TEXT``); the code never builds sentences elsewhere.
"""

from __future__ import annotations

#: Holland's six interest areas in their hexagon order (Holland, 1997).
RIASEC: tuple[str, ...] = ("R", "I", "A", "S", "E", "C")

#: Holland's names for the six areas.
TYPE_NAMES: dict[str, str] = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}

#: What each letter means, in our own plain words (for the results screen and the report).
PLAIN_MEANING: dict[str, str] = {
    "R": "hands-on work with tools, machines, plants or animals, often outdoors",
    "I": "finding things out: observing, researching, solving problems with ideas and numbers",
    "A": "creating and expressing: art, music, writing, design and performance",
    "S": "helping, teaching, caring for and working closely with people",
    "E": "leading, persuading, selling and starting things, taking charge of decisions",
    "C": "organising: keeping records, data and money accurate and in good order",
}

#: Plain words for the consistency levels (Holland, 1997): 3 adjacent, 2 alternate, 1 opposite.
CONSISTENCY_WORDS: dict[int, str] = {
    3: (
        "Your two strongest areas sit next to each other on Holland's hexagon: they often go "
        "together in the same jobs, so many occupations will suit both."
    ),
    2: (
        "Your two strongest areas are one step apart on Holland's hexagon: they combine in a "
        "fair number of jobs."
    ),
    1: (
        "Your two strongest areas sit opposite each other on Holland's hexagon: they rarely "
        "meet in one job, so you may want to look for work that gives room to both, or use one "
        "at work and the other in your free time."
    ),
}

#: The five answers, 1–5, as the quiz and the paper form name them.
ANSWER_LABELS: tuple[str, ...] = (
    "Strongly dislike", "Dislike", "Not sure", "Like", "Strongly like",
)

NO_NORMS = (
    "These results come from careerkit's own item bank, which has no norms: they are for "
    "exploration and reflection, not a test score."
)

UNEQUAL_COUNTS = (
    "This inventory has different numbers of items per area ({counts}), so each area's score is "
    "its item mean × {bundled} (the bundled inventory's items per area), on a 0–{maximum} scale."
)

SHORT_FORM = (
    "These answers are to the short form ({per_area} activities per area), so each area's score "
    "is its item mean × {bundled}: the same 0–40 scale as the full inventory, measured with half "
    "the items and so less precisely."
)

PRORATED = (
    "{area}: {missing} of {items} items unanswered, so the score is estimated from the answered "
    "items (prorated)."
)

INCOMPLETE = (
    "{area}: {missing} of {items} items unanswered — too many to estimate a score (at most "
    "{allowed} may be missing). Answer the remaining items to complete this area."
)

FLAT_PROFILE = (
    "All six of your interest scores are the same ({value}), so they do not show which kinds of "
    "work you prefer, and occupations cannot be ranked by fit. Try answering the activities "
    "again and be more decisive: use 'strongly like' and 'strongly dislike' where they are true "
    "for you, rather than the middle of the scale."
)

INCOMPLETE_PROFILE = (
    "Your profile is not complete yet. Areas that still need answers: {detail}. Occupations can "
    "be matched once every area has a score."
)

BANDS_NOTE = (
    "The fit bands (strong, good, some, little) are careerkit's own labels for ranges of the "
    "correlation between your scores and the occupation's O*NET interest profile "
    "({thresholds}); they are not an O*NET or CareerOneStop standard."
)

NO_JOB_ZONES = (
    "These occupation data have no Job Zones, so results cannot be filtered by the preparation "
    "they need; all occupations are shown."
)

ZONE_FILTER = "Only occupations in Job Zone {zones} are shown."

ZONE_UNKNOWN = "{count} occupations without a Job Zone were left out by the zone filter."

WHY_SHARED = "shares your top interests {areas}"
WHY_SHARED_ONE = "shares your top interest {area}"
WHY_NONE = "its main interest, {area}, is not among your top three"

AND = "and"

#: Band names, strongest first; the thresholds are in ``DEFAULT_BANDS``.
BAND_LOW = "little"
