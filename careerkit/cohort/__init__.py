"""Many workbooks at once: the counselor's view of a cohort.

::

    cohort = ck.cohort.load("submitted/")     # every *.json workbook; bad files skipped
    cohort.skipped                            # file, reason
    cohort.excluded                           # file, reason (consent withdrawn / not given)
    cohort.progress()                         # one row per participant who shared
    cohort.summary(k=5)                       # aggregates, groups < k suppressed
    cohort.reliability(min_n=30)              # Cronbach's alpha per RIASEC area
    values_table(cohort, k=5)                 # mean importance of each work value
    cohort.tables(k=5)                        # the same tables, readable, as the dashboard shows
    cohort.export("cohort.xlsx")              # every table, one sheet each; codes, key file apart
    cohort.export("cohort.zip")               # the same tables, one CSV file each
    cohort.export("cohort.csv")               # the participant table alone

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
from careerkit.cohort._export import EXPORT_SUFFIXES, FORMULA_START, guard_cell, key_path
from careerkit.cohort._member import GAP_TOP, Member
from careerkit.cohort._stats import (
    CohortSummary,
    cronbach_alpha,
    suppress_fixed,
    suppress_means,
    suppress_open,
)
from careerkit.cohort._tables import (
    SUMMARY_ORDER,
    Table,
    format_value,
    participants_table,
    reliability_table,
    summary_tables,
)
from careerkit.cohort._text import TEXT
from careerkit.cohort._values import (
    MIN_N_SHORT_FORM,
    VALUES_NOTE,
    short_form_from_cohort,
    values_table,
)

__all__ = [
    "EXPORT_SUFFIXES",
    "FORMULA_START",
    "FREE_TEXT_COLUMNS",
    "GAP_TOP",
    "MIN_N_ALPHA",
    "MIN_N_SHORT_FORM",
    "PROGRESS_COLUMNS",
    "SUMMARY_ORDER",
    "TEXT",
    "VALUES_NOTE",
    "Cohort",
    "CohortSummary",
    "Excluded",
    "Member",
    "Skipped",
    "Table",
    "cronbach_alpha",
    "format_value",
    "guard_cell",
    "key_path",
    "load",
    "participants_table",
    "reliability_table",
    "short_form_from_cohort",
    "summary_tables",
    "suppress_fixed",
    "suppress_means",
    "suppress_open",
    "values_table",
]
