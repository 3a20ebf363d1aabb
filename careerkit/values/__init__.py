"""Work values: what a person wants from work, and how occupations offer it.

The optional step between interests and skills. The person rates (1–5) or ranks O*NET's six
work values — Achievement, Working Conditions, Recognition, Relationships, Support,
Independence — each explained in careerkit's own words; occupations are then compared with
O*NET's Work Values extents, and matches can weigh interest fit and value fit together::

    profile = value_profile({"Achievement": 5, "Independence": 4, ...})   # or a ranking
    value_fit(profile)                                # occupations by value fit
    match_with_values(interest_profile, profile, values_weight=0.4)      # both, combined

Source of the occupation side: O*NET Work Values (extent, EX 1–7), CC BY 4.0, bundled as
``data/work_values.csv``. The comparison and the weights are careerkit's, not O*NET's.
"""

from __future__ import annotations

from careerkit.values._matching import (
    MATCH_COLUMNS,
    VALUE_FIT_COLUMNS,
    FlatValuesError,
    check_weight,
    match_with_values,
    value_fit,
)
from careerkit.values._profile import (
    DEFAULT_VALUES_WEIGHT,
    RATING_MAX,
    RATING_MIN,
    ValueProfile,
    ValuesAnswers,
    make_answers,
    value_key,
    value_profile,
)
from careerkit.values._text import (
    RANK_PROMPT,
    RATE_PROMPT,
    RATING_LABELS,
    VALUE_MEANING,
    VALUE_NAMES,
    VALUES,
)

__all__ = [
    "DEFAULT_VALUES_WEIGHT",
    "MATCH_COLUMNS",
    "RANK_PROMPT",
    "RATE_PROMPT",
    "RATING_LABELS",
    "RATING_MAX",
    "RATING_MIN",
    "VALUES",
    "VALUE_FIT_COLUMNS",
    "VALUE_MEANING",
    "VALUE_NAMES",
    "FlatValuesError",
    "ValueProfile",
    "ValuesAnswers",
    "check_weight",
    "make_answers",
    "match_with_values",
    "value_fit",
    "value_key",
    "value_profile",
]
