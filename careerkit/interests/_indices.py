"""Holland's diagnostic indices: consistency, differentiation, congruence.

Sources
-------
- Holland, J. L. (1997). *Making vocational choices* (3rd ed.). PAR. — the hexagon, consistency
  (adjacent / alternate / opposite) and differentiation as highest minus lowest score.
- Iachan, R. (1984). A measure of agreement for use with the Holland classification system.
  *Journal of Vocational Behavior, 24*, 133–141. — the M index with weights
  [[22, 10, 4], [10, 5, 2], [4, 2, 1]] (0–28).
- Iachan, R. (1984). A family of differentiation indices. *Psychological Documents, 14*, 1–2.
  — differentiation as the highest score minus the mean of the second and fourth highest.
- Iachan, R. (1990). Some extensions of the Iachan congruence index. *Journal of Vocational
  Behavior, 36*, 176–180. — ties (average M over the codes the tie allows) and the two-letter
  weights [[5, 2], [2, 1]] (0–6).
- Brown, S. D., & Gore, P. A. (1994). An evaluation of interest congruence indices:
  Distribution characteristics and measurement properties. *Journal of Vocational Behavior,
  45*, 310–327. — the C index, 3·X1 + 2·X2 + X3 with X = 3 for the same letter, 2 adjacent,
  1 alternate, 0 opposite on the hexagon (0–18).
"""

from __future__ import annotations

import itertools
import math
import numbers
from collections.abc import Mapping, Sequence

from careerkit.errors import InputError
from careerkit.interests._scoring import InterestProfile
from careerkit.interests._text import RIASEC

__all__ = ["IACHAN_WEIGHTS", "IACHAN_WEIGHTS_2", "congruence", "consistency",
           "differentiation", "hexagon_distance"]

#: Iachan (1984) weights: row = position in the first code, column = position in the second.
IACHAN_WEIGHTS = ((22, 10, 4), (10, 5, 2), (4, 2, 1))
#: Iachan (1990) weights for two-letter codes.
IACHAN_WEIGHTS_2 = ((5, 2), (2, 1))


def hexagon_distance(a: str, b: str) -> int:
    """Steps between two types around Holland's hexagon R-I-A-S-E-C: 0 same, 1 adjacent,
    2 alternate, 3 opposite."""
    i, j = RIASEC.index(a), RIASEC.index(b)
    step = abs(i - j)
    return min(step, 6 - step)


def _clean_code(code: object, what: str, lengths: tuple[int, ...] = (2, 3)) -> str:
    if not isinstance(code, str):
        raise InputError(f"{what} must be a Holland code such as 'SAE'; got {code!r}.")
    letters = code.strip().upper()
    bad = [ch for ch in letters if ch not in RIASEC]
    if bad:
        raise InputError(
            f"{what} {code!r} has {bad[0]!r}, which is not a Holland letter (R, I, A, S, E, C)."
        )
    if len(set(letters)) != len(letters):
        raise InputError(f"{what} {code!r} repeats a letter; each area appears at most once.")
    if len(letters) not in lengths:
        want = " or ".join(str(n) for n in lengths)
        raise InputError(f"{what} {code!r} has {len(letters)} letters; expected {want}.")
    return letters


def _alternatives(code: object, what: str, lengths: tuple[int, ...]) -> list[str]:
    """A code, a profile (all codes its ties allow) or a list of tied alternatives."""
    if isinstance(code, InterestProfile):
        if code.flat:
            raise InputError(
                f"{what}: the profile is flat (all areas equal), so it has no Holland code."
            )
        return [_clean_code(c, what, lengths) for c in code.codes]
    if isinstance(code, Sequence) and not isinstance(code, str):
        if not code:
            raise InputError(f"{what}: the list of codes is empty.")
        return [_clean_code(c, what, lengths) for c in code]
    return [_clean_code(code, what, lengths)]


def consistency(code: str | InterestProfile) -> int:
    """How close the first two letters of a Holland code sit on the hexagon (Holland, 1997).

    Returns 3 (high: adjacent, e.g. RI), 2 (medium: one type between, e.g. RA) or 1 (low:
    opposite, e.g. RS). For a profile, every order its ties allow must agree: when they do not
    (R 36, I 28, S 28 is RI adjacent or RS opposite), there is no single answer and an
    :class:`InputError` says to use :func:`careerkit.interests.holland_ties` or
    :func:`careerkit.interests.consistency_range`, which give the range.

    Examples
    --------
    >>> consistency("SAE"), consistency("SEC"), consistency("SIR"), consistency("RSA")
    (3, 3, 2, 1)
    """
    if isinstance(code, InterestProfile):
        if code.flat:
            raise InputError("The profile is flat (all areas equal), so it has no Holland code.")
        values = {3 - (hexagon_distance(c[0], c[1]) - 1) for c in code.codes}
        if len(values) > 1:
            raise InputError(
                f"The profile's top scores are tied (codes {', '.join(code.codes[:5])}), so "
                "consistency is a range, not one value: use holland_ties(profile) or "
                "consistency_range(profile)."
            )
        code = code.code
    letters = _clean_code(code, "Code", lengths=(2, 3, 4, 5, 6))
    return 3 - (hexagon_distance(letters[0], letters[1]) - 1)


def differentiation(
    scores: Mapping[str, float] | InterestProfile, method: str = "holland"
) -> float:
    """How clearly a profile stands out: larger = a sharper, more defined profile.

    Parameters
    ----------
    scores : mapping or InterestProfile
        The six area scores (any non-negative scale).
    method : {"holland", "iachan"}
        ``"holland"``: highest minus lowest score (Holland, 1997). ``"iachan"``: highest minus
        the mean of the second and fourth highest (Iachan, 1984, "A family of differentiation
        indices"), less sensitive to one extreme low score.

    Examples
    --------
    >>> s = {"R": 10, "I": 25, "A": 30, "S": 36, "E": 18, "C": 6}
    >>> differentiation(s), differentiation(s, method="iachan")
    (30.0, 12.0)
    """
    if isinstance(scores, InterestProfile):
        if not scores.complete:
            raise InputError(
                "Differentiation needs all six scores; incomplete: "
                + ", ".join(scores.incomplete) + "."
            )
        scores = scores.scores  # type: ignore[assignment]
    if not isinstance(scores, Mapping):
        raise InputError(f"Scores must be a mapping R…C → number; got {scores!r}.")
    values: list[float] = []
    for letter in RIASEC:
        value = scores.get(letter)
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or math.isnan(value):
            raise InputError(
                f"Differentiation needs a number for each of R, I, A, S, E, C; {letter} is "
                f"{value!r}."
            )
        if value < 0:
            raise InputError(f"Score for {letter} is {value!r}; scores cannot be negative.")
        values.append(float(value))
    ordered = sorted(values, reverse=True)
    if method == "holland":
        return ordered[0] - ordered[-1]
    if method == "iachan":
        return ordered[0] - (ordered[1] + ordered[3]) / 2
    raise InputError(f"Unknown differentiation method {method!r}; use 'holland' or 'iachan'.")


def _iachan(a: str, b: str) -> int:
    weights = IACHAN_WEIGHTS if len(a) == 3 else IACHAN_WEIGHTS_2
    return sum(
        weights[i][j] for i, x in enumerate(a) for j, y in enumerate(b) if x == y
    )


def _brown_gore(a: str, b: str) -> int:
    return sum(
        weight * (3 - hexagon_distance(x, y))
        for weight, x, y in zip((3, 2, 1), a, b, strict=True)
    )


def congruence(
    code_a: str | Sequence[str] | InterestProfile,
    code_b: str | Sequence[str] | InterestProfile,
    method: str = "iachan",
) -> float:
    """Agreement between two Holland codes, e.g. a person's and an occupation's.

    Parameters
    ----------
    code_a, code_b : str, list of str, or InterestProfile
        Three-letter codes (two-letter codes with ``method="iachan"``). A list holds the codes
        a tie allows (e.g. ``["ESA", "ESI"]``); a profile stands for all its tied codes. As
        Iachan (1990) proposes for ties, the index is then averaged over every pair.
    method : {"iachan", "brown_gore"}
        ``"iachan"``: M index (Iachan, 1984): sum of weights [[22, 10, 4], [10, 5, 2],
        [4, 2, 1]] for each letter shared, by its positions in the two codes; 0–28. For
        two-letter codes the weights are [[5, 2], [2, 1]], 0–6 (Iachan, 1990).
        ``"brown_gore"``: C index (Brown & Gore, 1994): 3·X1 + 2·X2 + X3, where Xi compares the
        i-th letters: 3 same, 2 adjacent, 1 alternate, 0 opposite on the hexagon; 0–18.

    Examples
    --------
    Iachan's (1990) tie example: a person coded SEA against an occupation tied between ESA
    and ESI (m = 21 and 20, M = 20.5):

    >>> congruence("SEA", "ESA"), congruence("SEA", "ESI"), congruence("SEA", ["ESA", "ESI"])
    (21.0, 20.0, 20.5)
    >>> congruence("RIA", "RIA", method="brown_gore"), congruence("RIA", "SEC", "brown_gore")
    (18.0, 0.0)
    """
    if method == "iachan":
        lengths: tuple[int, ...] = (2, 3)
        func = _iachan
    elif method == "brown_gore":
        lengths = (3,)
        func = _brown_gore
    else:
        raise InputError(f"Unknown congruence method {method!r}; use 'iachan' or 'brown_gore'.")
    first = _alternatives(code_a, "First code", lengths)
    second = _alternatives(code_b, "Second code", lengths)
    sizes = {len(c) for c in first} | {len(c) for c in second}
    if len(sizes) > 1:
        raise InputError(
            "Both codes need the same number of letters (both three, or both two for the "
            f"two-letter Iachan index); got {first[0]!r} and {second[0]!r}."
        )
    values = [func(a, b) for a, b in itertools.product(first, second)]
    return float(sum(values) / len(values))
