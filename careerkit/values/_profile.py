"""The person's answers about work values, and the value profile scored from them."""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from careerkit.errors import InputError
from careerkit.values._text import (
    BAD_METHOD,
    BAD_RANKS,
    BAD_RATING,
    BAD_WEIGHT,
    MISSING_RATINGS,
    NO_ANSWERS,
    RANK_MISSING,
    RANK_REPEATED,
    RATING_LABELS,
    UNKNOWN_VALUE,
    VALUE_NAMES,
    VALUES,
)

__all__ = [
    "DEFAULT_VALUES_WEIGHT",
    "RATING_MAX",
    "RATING_MIN",
    "ValueProfile",
    "ValuesAnswers",
    "make_answers",
    "value_key",
    "value_profile",
]

RATING_MIN, RATING_MAX = 1, 5
#: Share of the combined fit given to value fit by default (interests get the rest): interests
#: come from 60 (or 30) answers, values from six, so interests count a little more.
DEFAULT_VALUES_WEIGHT = 0.4
_EPS = 1e-9
_BY_NAME = {name.casefold(): key for key, name in VALUE_NAMES.items()}
_BY_NAME.update({key.replace("_", " "): key for key in VALUES})


def value_key(raw: object, where: str = "value") -> str:
    """The value's key (``"working_conditions"``) from its key or O*NET name, any case."""
    text = str(raw).strip().casefold().replace("-", " ")
    key = text.replace(" ", "_")
    if key in VALUES:
        return key
    if text in _BY_NAME:
        return _BY_NAME[text]
    raise InputError(
        UNKNOWN_VALUE.format(
            where=where, value=raw, expected=", ".join(VALUE_NAMES[v] for v in VALUES)
        )
    )


def _rating(key: str, value: object) -> int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    try:
        number = float(value) if isinstance(value, str | numbers.Real) else math.nan
    except ValueError:
        number = math.nan
    if isinstance(value, bool) or not (
        number.is_integer() and RATING_MIN <= number <= RATING_MAX
    ):
        raise InputError(
            BAD_RATING.format(
                name=VALUE_NAMES[key], rating=value, low=RATING_LABELS[1], high=RATING_LABELS[5]
            )
        )
    return int(number)


def _check_ranking(order: Iterable[object]) -> list[str]:
    keys = [value_key(v, "ranking") for v in order]
    repeated = sorted({k for k in keys if keys.count(k) > 1}, key=VALUES.index)
    if repeated:
        problem = "; ".join(RANK_REPEATED.format(name=VALUE_NAMES[k]) for k in repeated)
        raise InputError(BAD_RANKS.format(problem=problem))
    missing = [k for k in VALUES if k not in keys]
    if keys and missing:
        names = ", ".join(VALUE_NAMES[k] for k in missing)
        raise InputError(BAD_RANKS.format(problem=RANK_MISSING.format(names=names)))
    return keys


class ValuesAnswers(BaseModel):
    """The values step's section of a workbook (optional step between interests and skills).

    The person either rates each of the six O*NET work values 1–5 (``method="rate"``) or puts
    them in order (``method="rank"``). Both may be kept; ``method`` says which one counts.
    Ratings may be partial while the person is answering; a ranking is all six or nothing.
    """

    model_config = ConfigDict(validate_assignment=True)

    #: "rate" (1–5 each) or "rank" (an order of all six)
    method: Literal["rate", "rank"] = "rate"
    #: value key -> 1..5 (1 hardly matters … 5 matters most of all)
    ratings: dict[str, int] = Field(default_factory=dict)
    #: the six value keys, most important first (empty until ranked)
    ranking: list[str] = Field(default_factory=list)
    #: share of the combined fit given to values (0–1); interests get the rest
    values_weight: float = DEFAULT_VALUES_WEIGHT

    @field_validator("ratings", mode="before")
    @classmethod
    def _ratings(cls, value: object) -> dict[str, int]:
        if not isinstance(value, Mapping):
            raise InputError(f"ratings must be a mapping of value -> 1..5; got {value!r}.")
        out: dict[str, int] = {}
        for raw, rating in value.items():
            key = value_key(raw, "ratings")
            number = _rating(key, rating)
            if number is not None:
                out[key] = number
        return out

    @field_validator("ranking", mode="before")
    @classmethod
    def _ranking(cls, value: object) -> list[str]:
        if isinstance(value, str) or not isinstance(value, Iterable):
            raise InputError(f"ranking must be a list of the six values; got {value!r}.")
        return _check_ranking(value)

    @field_validator("values_weight")
    @classmethod
    def _weight(cls, value: float) -> float:
        if not 0.0 <= value <= 1.0:
            raise InputError(BAD_WEIGHT.format(weight=value))
        return value

    @property
    def answered(self) -> bool:
        """True when the chosen method has a complete set of answers."""
        if self.method == "rank":
            return len(self.ranking) == len(VALUES)
        return all(k in self.ratings for k in VALUES)


@dataclass(frozen=True, eq=False)
class ValueProfile:
    """How much each work value matters to the person, on one 1–5 scale (immutable).

    Attributes
    ----------
    scores : dict
        ``{value key: 1..5}`` in O*NET's order. Ratings are kept as given; a ranking is spread
        evenly over the scale (first 5, then 4.2, 3.4, 2.6, 1.8, last 1) so rated and ranked
        profiles can be compared and averaged.
    method : str
        ``"rate"`` or ``"rank"``.
    """

    scores: dict[str, float]
    method: str = "rate"

    @property
    def ranked(self) -> tuple[str, ...]:
        """Values from most to least important; equal scores in O*NET's order."""
        return tuple(sorted(VALUES, key=lambda k: -self.scores[k]))

    @property
    def flat(self) -> bool:
        """True when all six are equal: nothing to compare occupations with."""
        values = list(self.scores.values())
        return max(values) - min(values) <= _EPS

    @property
    def top(self) -> tuple[str, ...]:
        """The value(s) with the highest score (several when tied)."""
        best = max(self.scores.values())
        return tuple(k for k in self.ranked if abs(self.scores[k] - best) <= _EPS)

    def top_three(self) -> tuple[str, ...]:
        """The three most important values, plus any tied with the third."""
        ranked = self.ranked
        third = self.scores[ranked[2]]
        return tuple(k for k in ranked if self.scores[k] >= third - _EPS)

    def as_dict(self) -> dict[str, object]:
        return {"scores": dict(self.scores), "method": self.method, "top": list(self.top)}

    def __repr__(self) -> str:
        shown = ", ".join(f"{VALUE_NAMES[k]}={v:g}" for k, v in self.scores.items())
        return f"ValueProfile({shown}; {self.method})"


def make_answers(**fields: object) -> ValuesAnswers:
    """A :class:`ValuesAnswers` from plain fields; a bad field is an :class:`InputError` with
    our message (not pydantic's wrapper)."""
    try:
        return ValuesAnswers(**fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        cause = first.get("ctx", {}).get("error")
        if isinstance(cause, InputError):
            raise cause from None
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{where}: {first['msg']}") from None


def _from_ranking(order: list[str]) -> dict[str, float]:
    step = (RATING_MAX - RATING_MIN) / (len(VALUES) - 1)
    return {k: round(RATING_MAX - step * order.index(k), 2) for k in VALUES}


def value_profile(
    answers: ValuesAnswers | Mapping[str, object] | Iterable[object],
    method: str | None = None,
) -> ValueProfile:
    """Score work-value answers into a :class:`ValueProfile`.

    Parameters
    ----------
    answers : ValuesAnswers, mapping or sequence
        A workbook's section; or ratings ``{"Achievement": 4, …}`` (keys: value keys or O*NET
        names, any case); or a ranking ``["independence", …]`` (all six, most important first).
    method : {"rate", "rank"}, optional
        Which answers of a :class:`ValuesAnswers` count (default: its own ``method``).

    Raises
    ------
    InputError
        No answers, a rating missing or outside 1–5, an unknown value name, or a ranking that
        does not list each value once; the message names the value.
    """
    if isinstance(answers, ValuesAnswers):
        # validated again: answers may have been changed in place after loading
        section = make_answers(**answers.model_dump())
    elif isinstance(answers, Mapping):
        section = make_answers(method="rate", ratings=dict(answers))
    elif isinstance(answers, Iterable) and not isinstance(answers, str):
        section = make_answers(method="rank", ranking=list(answers))
    else:
        raise InputError(f"Expected ratings or a ranking of the six work values; got {answers!r}.")
    chosen = method or section.method
    if chosen not in ("rate", "rank"):
        raise InputError(BAD_METHOD.format(method=chosen))
    if chosen == "rank":
        if not section.ranking:
            raise InputError(NO_ANSWERS)
        return ValueProfile(scores=_from_ranking(section.ranking), method="rank")
    if not section.ratings:
        raise InputError(NO_ANSWERS)
    missing = [k for k in VALUES if k not in section.ratings]
    if missing:
        raise InputError(MISSING_RATINGS.format(names=", ".join(VALUE_NAMES[k] for k in missing)))
    return ValueProfile(
        scores={k: float(section.ratings[k]) for k in VALUES}, method="rate"
    )
