"""The cohort's tables as a counselor reads them: readable headers, suppressed cells marked.

One definition serves the dashboard, the XLSX workbook and the zip of CSV files, so a table
looks the same on screen and in every export: the same rows, the same "<k" marker in every
suppressed cell (count and share alike), the same headers. Numbers stay numbers (the marker is
the only text in a numeric column); how a column is shown (percent, decimals, date) travels with
the table as an Excel number format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pandas as pd

from careerkit import datasets
from careerkit._frames import table_rows
from careerkit.cohort._stats import CohortSummary
from careerkit.cohort._text import TEXT

#: the order tables are shown and exported in (summary keys)
SUMMARY_ORDER = (
    "steps",
    "holland_first_letter",
    "holland_code",
    "riasec_scores",
    "work_values",
    "target_roles",
    "gap_skills",
    "goal_categories",
    "goal_status",
    "smart_verdicts",
)
#: summary tables that count goals rather than people
_GOAL_TABLES = {"goal_categories", "goal_status", "smart_verdicts"}
PERCENT = "0%"
ONE_DECIMAL = "0.0"
TWO_DECIMALS = "0.00"
DATE_TIME = "yyyy-mm-dd hh:mm"
#: Python formats for the Excel number formats above (the dashboard shows the same rounding)
_PY_FORMAT = {PERCENT: "{:.0%}", ONE_DECIMAL: "{:.1f}", TWO_DECIMALS: "{:.2f}"}

PARTICIPANT_HEADERS = {
    "code": "Code",
    "pseudonym": "Pseudonym",
    "workshop": "Workshop",
    "interests_answered": "Interest items answered",
    "interests_items": "Interest items in inventory",
    "holland_code": "Holland code",
    "target_soc_code": "Target O*NET-SOC code",
    "target_role": "Target role",
    "postings": "Job postings",
    "ratings": "Skills rated",
    "goals": "Goals",
    "smart_goals": "SMART goals",
    "interests_step": "Step 1: interests",
    "skills_step": "Step 2: skills gap",
    "goals_step": "Step 3: goals",
    "in_statistics": "Counted in statistics",
    "last_change": "Last change (UTC)",
    "problems": "Problems",
    "notes": "Notes",
    "goal_texts": "Goal texts",
    "interview_answer": "Interview answer",
    "postings_text": "Job postings (text)",
    "comments": "Counselor comments",
}
_FREE_TEXT_HEADERS = (
    "Notes",
    "Goal texts",
    "Interview answer",
    "Job postings (text)",
    "Counselor comments",
    "Problems",
)


@dataclass(frozen=True)
class Table:
    """One table as shown and exported.

    Attributes
    ----------
    key
        Stable name (``"participants"``, a summary key such as ``"target_roles"``,
        ``"reliability"``); the CSV file name in a zip export.
    title
        Heading on screen and sheet name in the XLSX (at most 31 characters).
    frame
        Readable headers; numbers as numbers; a suppressed cell holds the marker text
        (``"<5"`` for k = 5).
    description
        One sentence saying what the table counts (shown under the heading and in "About").
    formats
        Column → Excel number format (``"0%"``, ``"0.0"``, ``"0.00"``, ``"yyyy-mm-dd hh:mm"``).
    wrap
        Columns of long text (wrapped, wider).
    """

    key: str
    title: str
    frame: pd.DataFrame
    description: str = ""
    formats: dict[str, str] = field(default_factory=dict)
    wrap: tuple[str, ...] = ()

    def shown(self) -> pd.DataFrame:
        """The frame as text, rounded as the spreadsheet shows it (for the dashboard)."""
        out = self.frame.copy()
        for column in out.columns:
            fmt = self.formats.get(column)
            out[column] = [format_value(v, fmt) for v in out[column]]
        return out


def format_value(value: Any, fmt: str | None = None) -> str:
    """One cell as text: numbers rounded per ``fmt``, missing values empty."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return TEXT["yes"] if value else TEXT["no"]
    if isinstance(value, datetime):  # pd.Timestamp too
        return value.strftime("%Y-%m-%d %H:%M")
    if fmt in _PY_FORMAT and isinstance(value, int | float):
        return _PY_FORMAT[fmt].format(value)
    return str(value)


def _number(value: Any, marker: str | None) -> Any:
    """A plain Python number, or the marker where the value is suppressed (NA)."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return marker
    return value.item() if hasattr(value, "item") else value


def _count_table(key: str, table: pd.DataFrame, summary: CohortSummary) -> Table:
    marker = TEXT["hidden"].format(k=summary.k)
    unit = TEXT["col_goals"] if key in _GOAL_TABLES else TEXT["col_people"]
    label = TEXT[f"col_group_{key}"]
    rows: list[list[Any]] = []
    for record in table_rows(table):
        row = [record.step] if key == "steps" else []
        count = _number(record.count, marker)
        # A share is hidden with its count; a shown count of nobody out of nobody has none.
        share = marker if count == marker else _number(record.share, None)
        row += [record.group, count, share]
        rows.append(row)
    if not rows:
        # An open list (roles, skills) with fewer than k people in all names nobody: say so
        # in a row rather than leave an empty table that looks like a failure.
        rows.append([TEXT["all_hidden"].format(k=summary.k), marker, marker])
    columns = [TEXT["col_step"]] if key == "steps" else []
    columns += [label, unit, TEXT["col_share"]]
    return Table(
        key=key,
        title=TEXT[f"title_{key}"],
        frame=pd.DataFrame(rows, columns=columns, dtype=object),
        description=TEXT[f"desc_{key}"],
        formats={TEXT["col_share"]: PERCENT},
    )


def _means_table(table: pd.DataFrame, summary: CohortSummary, key: str = "riasec_scores"
                 ) -> Table:
    marker = TEXT["hidden"].format(k=summary.k)
    rows = []
    for record in table_rows(table):
        hidden = record.n < summary.k
        rows.append(
            [
                record.group,
                marker if hidden else int(record.n),
                marker if hidden else _number(record.mean, marker),
                marker if hidden else _number(record.sd, None),
            ]
        )
    columns = [TEXT["col_area"], TEXT["col_people"], TEXT["col_mean"], TEXT["col_sd"]]
    return Table(
        key=key,
        title=TEXT[f"title_{key}"],
        frame=pd.DataFrame(rows, columns=columns, dtype=object),
        description=TEXT[f"desc_{key}"],
        formats={TEXT["col_mean"]: ONE_DECIMAL, TEXT["col_sd"]: ONE_DECIMAL},
    )


def summary_tables(summary: CohortSummary) -> list[Table]:
    """Every table of ``summary`` in :data:`SUMMARY_ORDER`, readable and marked."""
    out = []
    for key in SUMMARY_ORDER:
        if key not in summary.tables:
            continue
        table = summary.tables[key]
        if key in ("riasec_scores", "work_values"):
            out.append(_means_table(table, summary, key))
        else:
            out.append(_count_table(key, table, summary))
    return out


def reliability_table(frame: pd.DataFrame) -> Table:
    """:meth:`Cohort.reliability` with readable headers; alpha empty where it is not reported
    (the note says why)."""
    rows = [
        [
            f"{r.scale} ({r.name})",
            int(r.items),
            int(r.n),
            None if pd.isna(r.alpha) else float(r.alpha),
            r.note,
        ]
        for r in table_rows(frame)
    ]
    columns = [
        TEXT["col_area"],
        TEXT["col_items"],
        TEXT["col_answer_sets"],
        TEXT["col_alpha"],
        TEXT["col_note"],
    ]
    return Table(
        key="reliability",
        title=TEXT["title_reliability"],
        frame=pd.DataFrame(rows, columns=columns, dtype=object),
        description=frame.attrs.get("source", TEXT["alpha_source"]),
        formats={TEXT["col_alpha"]: TWO_DECIMALS},
        wrap=(TEXT["col_note"],),
    )


def participants_table(frame: pd.DataFrame) -> Table:
    """The export frame (:meth:`Cohort.export_frame`) with readable headers; the last change as
    a plain (timezone-free) UTC time, which spreadsheets store as a date."""
    out = frame.copy()
    if "last_change" in out.columns:
        out["last_change"] = pd.to_datetime(out["last_change"], utc=True).dt.tz_localize(None)
    out = out.rename(columns=PARTICIPANT_HEADERS)
    formats = {PARTICIPANT_HEADERS["last_change"]: DATE_TIME}
    wrap = tuple(c for c in _FREE_TEXT_HEADERS if c in out.columns)
    return Table(
        key="participants",
        title=TEXT["title_participants"],
        frame=out,
        description=TEXT["desc_participants"],
        formats=formats,
        wrap=wrap,
    )


def notice_lines() -> list[str]:
    """What every export says first: results are for exploration, not selection; then the
    O*NET credit for each release the data come from."""
    return [datasets.NOT_FOR_SELECTION, "", *datasets.credit().splitlines()]


def about_lines(
    summary: CohortSummary, tables: Sequence[Table], export_lines: Sequence[str]
) -> list[str]:
    """The "About" sheet: who is counted, how cells are hidden and guarded, what each sheet
    holds."""
    lines = [TEXT["about_heading"], *notice_lines(), "", *summary.notes]
    if summary.k > 1:
        marker = TEXT["hidden"].format(k=summary.k)
        lines.append(TEXT["about_marker"].format(marker=marker, k_minus=summary.k - 1))
    lines.extend(export_lines)
    lines.append("")
    lines.append(TEXT["about_sheets"])
    lines.extend(f"{t.title}: {t.description}" for t in tables)
    return lines
