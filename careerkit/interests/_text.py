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

#: The consistency levels' names, for ranges ("adjacent to opposite").
CONSISTENCY_NAMES: dict[int, str] = {3: "adjacent", 2: "alternate", 1: "opposite"}

CONSISTENCY_RANGE = (
    "Some of your top scores are tied, so which two areas count as your strongest depends on "
    "the order of the tied ones: they sit anywhere from {high} to {low} on Holland's hexagon. "
    "Look at the tied areas yourself and decide which pair describes you better."
)

#: How tied codes are listed: "RIS or RSI", "RIA, RIS, … and 4 more".
CODES_OR = "or"
CODES_MORE = "and {n} more"
TIED_MARK = " (tied scores)"
FLAT_CODE = "no Holland code (all six scores are equal)"

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
    "({thresholds}); they are not an O*NET or CareerOneStop standard. They were set so that "
    "random answers rarely reach them, and a fit can only be strong when your scores differ "
    "more than random answers usually do."
)

#: One sentence per profile confidence level (see ``careerkit.interests.profile_confidence``).
CONFIDENCE_WORDS: dict[str, str] = {
    "clear": "Your scores differ clearly from area to area, so the fits below can be trusted.",
    "moderate": (
        "Your scores differ only about as much as answers given at random often do, so no fit "
        "is called strong: treat the list as ideas to explore."
    ),
    "near-flat": (
        "Your scores are nearly the same in every area, so they cannot single out occupations: "
        "the list is only a starting point for exploring."
    ),
}

NEAR_FLAT = (
    "Your six interest scores are close to each other — closer than they are for half of all "
    "sets of answers given at random — so a ranking of occupations by fit says little about "
    "you, and no fit is called more than 'some'. This is common and not a bad result: you may "
    "like many kinds of work about equally, or still be finding out what you enjoy."
)

#: What to try instead when the profile is near-flat (our own suggestions).
EXPLORE_SUGGESTIONS: tuple[str, ...] = (
    "Answer the activities again and use 'strongly like' and 'strongly dislike' where they are "
    "true for you, rather than the middle of the scale.",
    "Choose a Job Zone first (how much preparation you have or want), then read the occupations "
    "in it and note the ones that catch your attention.",
    "Look at the six areas one at a time and ask which activities you have enjoyed in school, "
    "work, volunteering or hobbies.",
    "Talk about the list with a counselor, or with someone who works in an occupation that "
    "interests you.",
)

ELEVATION_LOW = (
    "None of your six areas reaches the middle of the scale, so you did not mark any kind of "
    "activity as liked overall; no fit is called strong."
)

SPREAD_ASSUMED = (
    "How clear the profile is was judged as if the scores came from ten activities per area "
    "rated 1–5 (the bundled inventory)."
)

ZONE_FIRST = (
    "As O*NET suggests, choose a Job Zone first — how much education, training and experience "
    "you have or want — and then compare the occupations within it."
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
WHY_TIED = " ({areas} tied with other areas in your scores)"

AND = "and"

#: Band names, strongest first; the thresholds are in ``DEFAULT_BANDS``.
BAND_LOW = "little"
