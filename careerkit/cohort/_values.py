"""The cohort's part in issue 14: mean importance of each work value (small groups hidden), and
choosing the short form from a cohort's real answers once there are enough."""

from __future__ import annotations

from typing import Any

import pandas as pd

from careerkit.cohort._stats import suppress_means
from careerkit.errors import CareerkitError
from careerkit.values import VALUE_NAMES, VALUES, value_profile

__all__ = [
    "MIN_N_SHORT_FORM",
    "VALUES_NOTE",
    "short_form_from_cohort",
    "value_scores_of",
    "values_table",
]

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


#: Fewest complete answer sets to choose a short form from a cohort's real answers.
MIN_N_SHORT_FORM = 100


def short_form_from_cohort(cohort: Any, per_area: int = 5, min_n: int = MIN_N_SHORT_FORM
                           ) -> pd.DataFrame:
    """Choose the short form from a cohort's real answers to the full bank, by the same item
    statistics as the simulation (:func:`careerkit.interests._short_form.short_form_table`).

    Uses participants who agreed to group statistics and answered all 60 items. Returns the
    chosen items with their statistics (``item_id, scale, item_total_r, other_r,
    discrimination``); writing it to ``data/inventory/riasec_30.csv`` replaces the simulated
    choice. Raises :class:`~careerkit.errors.InputError` with fewer than ``min_n`` (100)
    complete answer sets: item statistics from fewer people are too unsteady to choose by.
    """
    from careerkit.errors import InputError
    from careerkit.interests import BUNDLED_INVENTORY_ID, load_inventory
    from careerkit.interests._short_form import short_form_table

    inventory = load_inventory()
    ids = list(inventory.item_ids)
    reverse = dict(zip(inventory.items["item_id"], inventory.items["reverse"], strict=True))
    rows = [
        # item scores are 0–4 with reversed items turned round; back to the 1–5 answers
        {i: (5 - m.item_scores[i] if reverse[i] else m.item_scores[i] + 1) for i in ids}
        for m in cohort.statistics
        if m.inventory_id == BUNDLED_INVENTORY_ID and all(i in m.item_scores for i in ids)
    ]
    if len(rows) < min_n:
        raise InputError(
            f"Only {len(rows)} participants answered all {len(ids)} items and agreed to group "
            f"statistics; choosing a short form needs at least {min_n}."
        )
    return short_form_table(pd.DataFrame(rows, columns=ids), per_area)
