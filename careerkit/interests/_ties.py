"""Ties, once: every code, index and sentence that depends on the order of tied areas.

Holland (1997) reports a tie instead of hiding it, and Iachan (1990) averages congruence over the
codes a tie allows. careerkit shows ties the same way everywhere — the results screen, the chart
text, the matches' "why", the report and the cohort — by asking this module:

* :func:`holland_ties` — the codes the scores allow (all tied orders), the letters that could come
  first, and consistency as a range over those orders;
* :func:`codes_text` — those codes in words, at most ``limit`` of them and "and N more";
* :func:`consistency_range` / :func:`congruence_range` — an index over every tied order;
* :func:`top_groups` — the highest areas as groups of equal scores, never cut by a tie-break.

Differentiation needs no range: it uses score values (highest minus lowest, or Iachan's highest
minus the mean of the second and fourth), which tied orders do not change.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from careerkit.errors import InputError
from careerkit.interests._indices import _alternatives, congruence, hexagon_distance
from careerkit.interests._scoring import InterestProfile
from careerkit.interests._text import (
    CODES_MORE,
    CODES_OR,
    CONSISTENCY_NAMES,
    CONSISTENCY_RANGE,
    CONSISTENCY_WORDS,
    FLAT_CODE,
    RIASEC,
    TIED_MARK,
)

__all__ = [
    "HollandTies",
    "codes_text",
    "congruence_range",
    "consistency_range",
    "holland_ties",
    "top_groups",
]

#: How many tied codes a text lists before "and N more".
CODES_SHOWN = 5


def _consistency_of(code: str) -> int:
    return 3 - (hexagon_distance(code[0], code[1]) - 1)


def top_groups(scores: Mapping[str, float | None], n: int = 3) -> list[tuple[str, ...]]:
    """The ``n`` highest areas as groups of equal scores, highest first; a group tied with the
    last place is kept whole, so a tie is never cut by R-I-A-S-E-C order.

    >>> top_groups({"R": 30, "I": 20, "A": 20, "S": 20, "E": 5, "C": 1})
    [('R',), ('I', 'A', 'S')]
    """
    present = [x for x in RIASEC if scores.get(x) is not None]
    ranked = sorted(present, key=lambda x: -float(scores[x]))  # type: ignore[arg-type]
    groups: list[list[str]] = []
    for taken, x in enumerate(ranked):
        value = float(scores[x])  # type: ignore[arg-type]
        if groups and abs(float(scores[groups[-1][0]]) - value) <= 1e-9:  # type: ignore[arg-type]
            groups[-1].append(x)
        elif taken >= n:
            break
        else:
            groups.append([x])
    return [tuple(g) for g in groups]


def codes_text(codes: Sequence[str], limit: int = CODES_SHOWN) -> str:
    """Codes in words: ``"RIA"``, ``"RIS or RSI"``, ``"RIA, RIS, … or RAE and 4 more"``."""
    codes = list(codes)
    if not codes:
        return ""
    shown, rest = codes[:limit], len(codes) - limit
    if len(shown) == 1:
        text = shown[0]
    elif rest > 0:
        text = ", ".join(shown)
    else:
        text = ", ".join(shown[:-1]) + f" {CODES_OR} {shown[-1]}"
    if rest > 0:
        text += " " + CODES_MORE.format(n=rest)
    return text


@dataclass(frozen=True)
class HollandTies:
    """What a profile's ties allow.

    Attributes
    ----------
    codes : tuple of str
        Every three-letter code the scores allow; the first is the displayed one (ties broken
        R-I-A-S-E-C). One code when nothing that matters is tied; empty for a flat profile.
    first : tuple of str
        Letters that could come first.
    top_three : tuple of str
        Letters that could be among the top three (in R-I-A-S-E-C order).
    certain : tuple of str
        Letters among the top three in every tied order.
    consistency : tuple of int
        (lowest, highest) consistency over the tied orders (3 adjacent … 1 opposite); (0, 0)
        for a flat profile.
    flat : bool
        All scored areas are equal: no code at all.
    """

    codes: tuple[str, ...]
    first: tuple[str, ...]
    top_three: tuple[str, ...]
    certain: tuple[str, ...]
    consistency: tuple[int, int]
    flat: bool

    @property
    def tied(self) -> bool:
        """More than one code is possible (or none, for a flat profile)."""
        return self.flat or len(self.codes) > 1

    def code_text(self, limit: int = CODES_SHOWN) -> str:
        """The code in words: ``"RIA"``, ``"RIS or RSI (tied scores)"``, or the flat sentence."""
        if self.flat:
            return FLAT_CODE
        text = codes_text(self.codes, limit)
        return text + (TIED_MARK if len(self.codes) > 1 else "")

    def consistency_text(self) -> str:
        """Consistency in plain words, as a range when the tied orders disagree."""
        low, high = self.consistency
        if self.flat:
            return ""
        if low == high:
            return CONSISTENCY_WORDS[low]
        return CONSISTENCY_RANGE.format(
            high=CONSISTENCY_NAMES[high], low=CONSISTENCY_NAMES[low]
        )


def holland_ties(profile: InterestProfile) -> HollandTies:
    """All tied orders of a profile's code (see :class:`HollandTies`).

    Examples
    --------
    R 36, I 28, S 28 (others lower): the code is RIS or RSI, so consistency runs from opposite
    (RS) to adjacent (RI).

    >>> from careerkit.interests import profile_from_scores
    >>> t = holland_ties(profile_from_scores({"R": 36, "I": 28, "A": 5, "S": 28, "E": 3, "C": 2}))
    >>> t.codes, t.consistency
    (('RIS', 'RSI'), (1, 3))
    """
    if not isinstance(profile, InterestProfile):
        raise InputError(f"Expected an InterestProfile; got {type(profile).__name__}.")
    if profile.flat or len(profile.ranked) < 3:
        return HollandTies((), tuple(profile.ranked), tuple(profile.ranked), (), (0, 0), True)
    codes = tuple(profile.codes)
    values = [_consistency_of(c) for c in codes]
    letters = set(itertools.chain.from_iterable(codes))
    order = [x for x in ("R", "I", "A", "S", "E", "C") if x in letters]
    certain = tuple(x for x in order if all(x in c for c in codes))
    first = tuple(dict.fromkeys(c[0] for c in codes))
    return HollandTies(codes, first, tuple(order), certain, (min(values), max(values)), False)


def consistency_range(code: str | Sequence[str] | InterestProfile) -> tuple[int, int]:
    """Consistency (3 adjacent, 2 alternate, 1 opposite) over every tied order: (low, high).

    A single code gives (c, c); a list of tied codes or a profile gives the range. A flat
    profile has no code and is refused.
    """
    codes = _alternatives(code, "Code", (2, 3))
    values = [_consistency_of(c) for c in codes]
    return min(values), max(values)


def congruence_range(
    code_a: str | Sequence[str] | InterestProfile,
    code_b: str | Sequence[str] | InterestProfile,
    method: str = "iachan",
) -> tuple[float, float]:
    """Congruence over every pair of tied orders: (lowest, highest). :func:`congruence` gives
    their mean (Iachan, 1990); this gives the range to show beside it."""
    lengths = (2, 3) if method == "iachan" else (3,)
    first = _alternatives(code_a, "First code", lengths)
    second = _alternatives(code_b, "Second code", lengths)
    values = [congruence(a, b, method) for a in first for b in second]
    return min(values), max(values)
