"""Group statistics with small groups suppressed, and Cronbach's alpha.

Suppression (statistical disclosure control): a count of 1 to k − 1 people is not shown — the
frame holds ``<NA>`` in ``count`` and ``"<k"`` in ``shown``. Within one distribution over fixed,
known groups (the six Holland letters, the goal types, the SMART verdicts, a step's statuses)
whose total is shown elsewhere, a single hidden count could be worked out by subtraction, so the
next smallest non-zero count is hidden as well ("secondary suppression"). Open groups (target
roles, gap skills) are named only when at least k people share them; the rest are counted
together in one "other" row. Zero counts are shown. When fewer than k people allow statistics at
all, every count is hidden. Tables that count goals (one person may write several) also hide a
group with fewer than k people behind it, however many goals it holds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from careerkit._frames import table_rows
from careerkit.cohort._text import TEXT
from careerkit.errors import InputError

TABLE_COLUMNS = ["group", "count", "shown", "share"]
MEANS_COLUMNS = ["group", "n", "mean", "sd", "shown"]


def _frame(groups: Sequence[str], counts: Sequence[int | None], total: int, k: int) -> pd.DataFrame:
    count = pd.array(list(counts), dtype="Int64")
    share = pd.array(
        [None if c is None or total == 0 else c / total for c in counts], dtype="Float64"
    )
    shown = [TEXT["hidden"].format(k=k) if c is None else str(c) for c in counts]
    return pd.DataFrame({"group": list(groups), "count": count, "shown": shown, "share": share})


def suppress_fixed(
    counts: Mapping[str, int],
    k: int,
    total: int | None = None,
    people: Mapping[str, int] | None = None,
    n_people: int | None = None,
) -> pd.DataFrame:
    """A distribution over known groups, with counts of 1..k−1 hidden (see module docstring).

    ``total`` is the number the shares refer to (default: the sum of the counts). When the
    counts are of things people have several of (goals), ``people`` gives the number of
    distinct people behind each group and ``n_people`` behind all of them: a group is then
    hidden when fewer than k people are behind it, however many goals they wrote, and
    everything is hidden when fewer than k people are behind the whole table.
    """
    check_k(k)
    total = sum(counts.values()) if total is None else total
    groups = list(counts)
    values: list[int | None] = [int(counts[g]) for g in groups]
    if total < k or (n_people is not None and n_people < k):
        values = [None if v else 0 for v in values]
        return _frame(groups, values, total, k)
    hidden = [
        i
        for i, (g, v) in enumerate(zip(groups, values, strict=True))
        if v is not None and (0 < v < k or (people is not None and v and people.get(g, 0) < k))
    ]
    for i in hidden:
        values[i] = None
    if len(hidden) == 1:
        # One hidden cell = total − the others: hide the next smallest shown count too.
        shown = [(v, i) for i, v in enumerate(values) if v]
        if shown:
            values[min(shown)[1]] = None
    return _frame(groups, values, total, k)


def suppress_open(counts: Mapping[str, int], k: int, total: int, top: int = 10) -> pd.DataFrame:
    """Groups named only when at least ``k`` people share them (at most ``top``, largest
    first); all others counted together in one "other" row (hidden when below ``k``)."""
    check_k(k)
    if total < k:
        return _frame([], [], total, k)
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    named = [(g, c) for g, c in ordered if c >= k][:top]
    rest = sum(counts.values()) - sum(c for _, c in named)
    groups = [g for g, _ in named]
    values: list[int | None] = [c for _, c in named]
    if rest:
        groups.append(TEXT["other"].format(k=k))
        values.append(rest if rest >= k else None)
    return _frame(groups, values, total, k)


def suppress_means(values: Mapping[str, Sequence[float]], k: int) -> pd.DataFrame:
    """Mean and standard deviation (sample, ddof = 1) of each group's values, hidden when the
    group has fewer than ``k`` values: ``mean`` and ``sd`` are ``<NA>`` and ``shown`` is
    ``"<k"``. Columns: ``group, n, mean, sd, shown``.

    One mean over a whole group of at least k people does not single anyone out, so no
    secondary suppression is needed here.
    """
    check_k(k)
    rows: list[tuple[str, int, float | None, float | None, str]] = []
    for group, items in values.items():
        data = np.asarray(list(items), dtype=float)
        n = len(data)
        if n < k or n == 0:
            rows.append((group, n, None, None, TEXT["hidden"].format(k=k)))
            continue
        mean = float(data.mean())
        sd = float(data.std(ddof=1)) if n > 1 else None
        shown = (
            TEXT["mean_sd"].format(mean=mean, sd=sd)
            if sd is not None
            else TEXT["mean_only"].format(mean=mean)
        )
        rows.append((group, n, mean, sd, shown))
    frame = pd.DataFrame(rows, columns=MEANS_COLUMNS)
    frame["n"] = frame["n"].astype("int64")
    frame["mean"] = frame["mean"].astype("Float64")
    frame["sd"] = frame["sd"].astype("Float64")
    return frame


def check_k(k: int) -> None:
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or k < 1:
        raise InputError(f"k must be a whole number of at least 1 (got {k!r}); the default is 5.")


@dataclass(frozen=True)
class CohortSummary:
    """Aggregates over the participants whose consent includes group statistics.

    Attributes
    ----------
    k
        Smallest group shown; smaller groups appear as ``"<k"`` (``count`` is ``<NA>``).
    n_valid, n_statistics, n_withdrawn, n_no_statistics, n_skipped
        Readable workbooks; those counted; those whose consent was withdrawn; the others not
        counted (no agreement to statistics); files that could not be read.
    tables
        ``steps``: ``step, group, count, shown, share`` (status per step);
        ``holland_first_letter``, ``holland_code``, ``target_roles``, ``gap_skills``,
        ``goal_categories``, ``goal_status``, ``smart_verdicts``: frames
        ``group, count, shown, share``; ``riasec_scores``: ``group, n, mean, sd, shown``
        (mean area score 0–40 of complete profiles, hidden below k).
    notes
        Plain sentences: who is counted, how suppression works, what a column means.
    """

    k: int
    n_valid: int
    n_statistics: int
    n_withdrawn: int
    n_no_statistics: int
    n_skipped: int
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def text(self) -> str:
        """The summary as plain text (for a terminal or a text summary of the charts)."""
        lines = list(self.notes)
        for name, table in self.tables.items():
            lines.append("")
            lines.append(name.replace("_", " ") + ":")
            for row in table_rows(table):
                label = f"{row.step}: {row.group}" if "step" in table.columns else row.group
                lines.append(f"  {label}: {row.shown}")
        return "\n".join(lines)


def cronbach_alpha(items: pd.DataFrame | np.ndarray) -> float:
    """Cronbach's alpha of a persons × items table of scores (complete rows only).

    α = k / (k − 1) · (1 − Σ σ²ᵢ / σ²ₓ), with σ²ᵢ the variance of item i and σ²ₓ the variance
    of the total score, sample variances (ddof = 1) (Cronbach, L. J. 1951, "Coefficient alpha
    and the internal structure of tests", *Psychometrika* 16, 297–334).

    Returns NaN when there are fewer than two items, fewer than two persons, or the total score
    does not vary.

    Examples
    --------
    Three persons, two items ``[[1, 2], [2, 3], [3, 3]]``: item variances 1 and 1/3, total
    scores 3, 5, 6 with variance 7/3, so α = 2 · (1 − (4/3) / (7/3)) = 6/7 ≈ 0.857.
    """
    values = np.asarray(items, dtype=float)
    if values.ndim != 2:
        raise InputError("cronbach_alpha needs a table: one row per person, one column per item.")
    values = values[~np.isnan(values).any(axis=1)]
    n, k = values.shape
    if k < 2 or n < 2:
        return float("nan")
    total_var = values.sum(axis=1).var(ddof=1)
    if total_var == 0:
        return float("nan")
    return float(k / (k - 1) * (1 - values.var(axis=0, ddof=1).sum() / total_var))


def count(values: Iterable[str]) -> Counter[str]:
    return Counter(v for v in values if v)
