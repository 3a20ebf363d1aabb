"""The cohort's work values (issue 14): mean importance of each value, small groups hidden."""

from __future__ import annotations

from typing import Any

import pandas as pd

from careerkit.cohort._stats import suppress_means
from careerkit.errors import CareerkitError
from careerkit.values import VALUE_NAMES, VALUES, value_profile

__all__ = ["VALUES_NOTE", "value_scores_of", "values_table"]

VALUES_NOTE = (
    "Mean importance of each work value (1 hardly matters … 5 matters most of all; a ranking "
    "counts 5 for first down to 1 for last), over participants who agreed to group statistics "
    "and finished the optional values step. Shown only when at least {k} people are behind it."
)


def value_scores_of(wb: Any) -> dict[str, float]:
    """A workbook's value profile as ``{value key: 1–5}``; empty when the step is not complete
    (never raises: the cohort view reads many workbooks)."""
    section = getattr(wb, "values", None)
    if section is None or not section.answered:
        return {}
    try:
        return dict(value_profile(section).scores)
    except CareerkitError:
        return {}


def values_table(cohort: Any, k: int = 5) -> pd.DataFrame:
    """Mean and sd of each work value over the cohort's statistics members who finished the
    values step; a value is hidden (``<NA>``, shown ``"<k"``) when fewer than ``k`` people
    are behind it. Columns: ``group`` (the value's name), ``n, mean, sd, shown``;
    ``attrs["note"]`` explains it."""
    people = [m.value_scores for m in cohort.statistics if m.value_scores]
    frame = suppress_means({VALUE_NAMES[v]: [p[v] for p in people] for v in VALUES}, k)
    frame.attrs["note"] = VALUES_NOTE.format(k=k)
    return frame
