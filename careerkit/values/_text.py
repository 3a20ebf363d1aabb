"""Every user-facing sentence of the work-values step, in one place.

The six values are O*NET's Work Values (the Theory of Work Adjustment's six, as O*NET rates
occupations on them: extent 1–7, ``data/work_values.csv``). Their names are O*NET's; what each
means is written here in careerkit's own words, never O*NET's or any inventory's sentences.
Translating the step means translating this file.
"""

from __future__ import annotations

#: The six work values in O*NET's element order (1.B.2.a–f); the keys match the bundled table.
VALUES: tuple[str, ...] = (
    "achievement",
    "working_conditions",
    "recognition",
    "relationships",
    "support",
    "independence",
)

#: O*NET's names for the six values.
VALUE_NAMES: dict[str, str] = {
    "achievement": "Achievement",
    "working_conditions": "Working Conditions",
    "recognition": "Recognition",
    "relationships": "Relationships",
    "support": "Support",
    "independence": "Independence",
}

#: What each value means, in our own plain words (for the rating screen and the report).
VALUE_MEANING: dict[str, str] = {
    "achievement": (
        "seeing the results of your effort, and work that stretches what you are good at"
    ),
    "working_conditions": (
        "steady work, fair pay, a manageable load, and days that are not all the same"
    ),
    "recognition": (
        "a chance to move up, to take the lead, and to be respected for what you do"
    ),
    "relationships": (
        "friendly colleagues who pull together, and work that does some good for other people"
    ),
    "support": (
        "managers who back you up, train you well and treat everyone fairly"
    ),
    "independence": (
        "room to plan your own work, decide for yourself and try out your own ideas"
    ),
}

#: The rating scale, 1–5 (how much a value matters to the person).
RATING_LABELS: dict[int, str] = {
    1: "hardly matters to me",
    2: "matters a little",
    3: "matters",
    4: "matters a lot",
    5: "matters most of all",
}

RATE_PROMPT = "How much does each of these matter to you in a job?"
RANK_PROMPT = "Put these six in order, the one that matters most to you first."

METHOD_NAMES = {"rate": "rated", "rank": "ranked"}

# --------------------------------------------------------------------------- messages

UNKNOWN_VALUE = (
    "{where}: {value!r} is not one of the six work values; expected one of {expected}."
)
BAD_RATING = (
    "Rating for {name} is {rating!r}; expected a whole number from 1 ({low}) to 5 ({high})."
)
MISSING_RATINGS = (
    "Not every value is rated yet: {names} still need a rating (1–5) before occupations can be "
    "matched on values."
)
BAD_RANKS = (
    "A ranking must list each of the six values exactly once, most important first; {problem}."
)
RANK_REPEATED = "{name} appears more than once"
RANK_MISSING = "{names} missing"
NO_ANSWERS = (
    "No work values rated or ranked yet. Rate how much each value matters to you (or put them "
    "in order) to see value fit."
)
BAD_METHOD = "method is {method!r}; expected 'rate' or 'rank'."
FLAT_VALUES = (
    "You gave every value the same rating ({value}), so they cannot tell occupations apart. "
    "Try putting the six in order instead: which would you give up last?"
)
BAD_WEIGHT = (
    "values_weight is {weight!r}; expected a number from 0 (interests only) to 1 (values only)."
)
WEIGHTS_NOTE = (
    "Combined fit = {wi:g} × interest fit + {wv:g} × value fit (both are correlations, −1 to 1). "
    "These weights are careerkit's default choice, not a standard; change them to see how the "
    "list moves."
)
DEFAULT_WEIGHT_REASON = (
    "Interests count a little more by default because they come from 60 (or 30) answers, values "
    "from six."
)
NO_VALUE_DATA = (
    "{n} occupations have no O*NET work-value ratings, so they have no value fit and are left "
    "out of the combined list."
)
VALUE_FIT_NOTE = (
    "Value fit is the correlation between how much each value matters to you and how much of it "
    "O*NET rates the occupation as offering (extent, 1–7). It is careerkit's comparison, not an "
    "O*NET score."
)
VALUE_WHY = "offers {items}"
VALUE_WHY_ITEM = "{name} {extent:.1f}/7"
TOP_VALUES = "What matters most to you: {names}."
TOP_VALUES_TIED = "{names} (equal)"
