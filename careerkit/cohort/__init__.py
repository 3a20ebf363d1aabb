"""Many workbooks at once: the counselor's view of a cohort.

::

    cohort = ck.cohort.load("submitted/")     # every *.json workbook; bad files skipped
    cohort.skipped                            # file, reason
    cohort.excluded                           # file, reason (consent withdrawn / not given)
    cohort.progress()                         # one row per participant who shared
    cohort.summary(k=5)                       # aggregates, groups < k suppressed
    cohort.reliability(min_n=30)              # Cronbach's alpha per RIASEC area
    cohort.export("cohort.xlsx")              # pseudonymised codes, key file apart, no free text

Consent decides who is counted: a participant's own rows (progress, export) need consent to
share with a counselor (``share_with_counselor``); statistics count only those who agreed to
group statistics (``cohort_statistics``). Withdrawn consent excludes a workbook from both, and
the output says how many were left out and why.
"""

from careerkit.cohort._cohort import (
    FREE_TEXT_COLUMNS,
    MIN_N_ALPHA,
    PROGRESS_COLUMNS,
    Cohort,
    Excluded,
    Skipped,
    load,
)
from careerkit.cohort._export import FORMULA_START, guard_cell, key_path
from careerkit.cohort._member import GAP_TOP, Member
from careerkit.cohort._stats import CohortSummary, cronbach_alpha, suppress_fixed, suppress_open
from careerkit.cohort._text import TEXT

__all__ = [
    "FORMULA_START",
    "FREE_TEXT_COLUMNS",
    "GAP_TOP",
    "MIN_N_ALPHA",
    "PROGRESS_COLUMNS",
    "TEXT",
    "Cohort",
    "CohortSummary",
    "Excluded",
    "Member",
    "Skipped",
    "cronbach_alpha",
    "guard_cell",
    "key_path",
    "load",
    "suppress_fixed",
    "suppress_open",
]
