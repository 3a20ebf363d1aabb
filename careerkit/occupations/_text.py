"""Every user-facing sentence of "jobs like my last one", in one place."""

from __future__ import annotations

#: O*NET's relatedness tiers (Related Occupations), closest first, and what each means to us.
TIERS: tuple[str, ...] = ("Primary-Short", "Primary-Long", "Supplemental")
TIER_WORDS: dict[str, str] = {
    "Primary-Short": "very close",
    "Primary-Long": "close",
    "Supplemental": "further away",
}

STATUS_WORDS: dict[str, str] = {
    "shared": "you have used this already",
    "more": "you have used this, the new job needs more of it",
    "new": "used little or not at all in your last job",
}

UNKNOWN_OCCUPATION = (
    "{soc_code!r} is not an O*NET occupation careerkit knows; search by title to find its code "
    "(NN-NNNN.NN)."
)
BAD_TIER = "Unknown relatedness tier {tier!r}; expected one of {expected}."
NO_RELATED = "O*NET lists no related occupations for {title} ({soc_code})."
NOT_RATED = (
    "O*NET has no skill ratings for {title} ({soc_code}), so its skills cannot be compared."
)
BAD_IMPORTANCE = "min_importance is {value!r}; expected a number from 1 to 5."
RELATED_SOURCE = (
    "Related occupations and their tiers come from O*NET {release} Related Occupations "
    "(CC BY 4.0)."
)
PREFILLED = (
    "These starting ratings come from the level O*NET gives {title}; change any that do not "
    "fit what you actually did."
)
