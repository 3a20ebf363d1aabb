"""Scoring answers into a RIASEC profile: area scores, Holland code, ties."""

from __future__ import annotations

import itertools
import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass, field

from careerkit.errors import InputError
from careerkit.interests._inventory import BUNDLED_ITEMS_PER_AREA, Inventory, load_inventory
from careerkit.interests._text import (
    INCOMPLETE,
    NO_NORMS,
    PLAIN_MEANING,
    PRORATED,
    RIASEC,
    SHORT_FORM,
    TYPE_NAMES,
    UNEQUAL_COUNTS,
)

__all__ = [
    "MAX_MISSING_PER_AREA",
    "InterestProfile",
    "allowed_missing",
    "profile_from_scores",
    "score",
]

#: At most this many unanswered items per area are prorated; more leave the area incomplete.
#: Areas with fewer items than the full bank's ten allow the same share (a fifth): one of five.
MAX_MISSING_PER_AREA = 2


def allowed_missing(n_items: int) -> int:
    """Unanswered items an area of ``n_items`` may have and still be prorated: 2 of 10 (and
    of more), 1 of 5 to 9, none below 5 — at most a fifth of the area estimated."""
    if n_items >= BUNDLED_ITEMS_PER_AREA:
        return MAX_MISSING_PER_AREA
    return MAX_MISSING_PER_AREA * n_items // BUNDLED_ITEMS_PER_AREA
_ANSWER_MIN, _ANSWER_MAX = 1, 5
_EPS = 1e-9


@dataclass(frozen=True, eq=False)
class InterestProfile:
    """A person's six RIASEC area scores and what follows from them (immutable).

    Build it with :func:`score` (answers to an inventory) or :func:`profile_from_scores`
    (scores from another instrument).

    Attributes
    ----------
    scores : dict
        ``{"R": …, …, "C": …}`` in R-I-A-S-E-C order; ``None`` for an incomplete area.
    max_score : float
        The top of the scale (40 for ten items scored 0–4).
    answered, missing : dict
        Items answered / unanswered per area (empty for :func:`profile_from_scores`).
    prorated : tuple of str
        Areas whose score was estimated from the answered items.
    notes : tuple of str
        Plain-language remarks to show with the results (no norms, prorating, scaling).
    inventory_id : str
        The inventory scored, or ``"scores"`` for scores entered directly.
    """

    scores: dict[str, float | None]
    max_score: float = 40.0
    answered: dict[str, int] = field(default_factory=dict)
    missing: dict[str, int] = field(default_factory=dict)
    prorated: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    inventory_id: str = "scores"

    # -- what the scores say -------------------------------------------------------------
    @property
    def incomplete(self) -> tuple[str, ...]:
        """Areas without a score (too many items unanswered)."""
        return tuple(letter for letter in RIASEC if self.scores[letter] is None)

    @property
    def complete(self) -> bool:
        """True when all six areas have a score."""
        return not self.incomplete

    @property
    def flat(self) -> bool:
        """True when the scored areas are all equal: no preference shows, nothing to rank."""
        values = [v for v in self.scores.values() if v is not None]
        return len(values) < 2 or max(values) - min(values) <= _EPS

    @property
    def ranked(self) -> tuple[str, ...]:
        """Scored areas from highest to lowest; equal scores in R-I-A-S-E-C order."""
        present = [letter for letter in RIASEC if self.scores[letter] is not None]
        return tuple(sorted(present, key=lambda letter: -float(self.scores[letter])))  # type: ignore[arg-type]

    @property
    def code(self) -> str:
        """Holland code: the three highest areas. Ties are broken by R-I-A-S-E-C order for
        display only — see :attr:`ties` and :attr:`codes` (Holland, 1997)."""
        return "".join(self.ranked[:3])

    @property
    def ties(self) -> tuple[tuple[str, ...], ...]:
        """Groups of areas with equal scores that touch the three-letter code.

        ``(("A", "S"),)`` means A and S tie, so the code could list them either way. A tie
        between the third and fourth area means the third letter is undecided.
        """
        groups: list[tuple[str, ...]] = []
        ranked = self.ranked
        for letter in ranked[:3]:
            value = float(self.scores[letter])  # type: ignore[arg-type]
            group = tuple(x for x in ranked if abs(float(self.scores[x]) - value) <= _EPS)  # type: ignore[arg-type]
            if len(group) > 1 and group not in groups:
                groups.append(group)
        return tuple(groups)

    @property
    def codes(self) -> tuple[str, ...]:
        """Every three-letter code the scores allow once ties are taken into account
        (the first is :attr:`code`). Iachan (1990) averages congruence over these."""
        ranked = self.ranked
        blocks: list[list[str]] = []
        for letter in ranked:
            if blocks and abs(self.scores[blocks[-1][0]] - self.scores[letter]) <= _EPS:  # type: ignore[operator]
                blocks[-1].append(letter)
            else:
                blocks.append([letter])
        codes: list[str] = []
        for orders in itertools.product(*(itertools.permutations(b) for b in blocks)):
            candidate = "".join(itertools.chain.from_iterable(orders))[:3]
            if candidate not in codes:
                codes.append(candidate)
        codes.sort(key=lambda c: c != self.code)
        return tuple(codes)

    def meaning(self, letter: str) -> str:
        """What an area letter means, in plain words."""
        return f"{TYPE_NAMES[letter]}: {PLAIN_MEANING[letter]}"

    def as_dict(self) -> dict[str, object]:
        """Plain data for reports and exports."""
        return {
            "scores": dict(self.scores),
            "max_score": self.max_score,
            "code": self.code,
            # every code the ties allow (the code alone is only the display order)
            "codes": list(self.codes) if self.complete and not self.flat else [],
            "ties": [list(t) for t in self.ties],
            "complete": self.complete,
            "flat": self.flat,
            "prorated": list(self.prorated),
            "notes": list(self.notes),
            "inventory_id": self.inventory_id,
        }

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{k}={'—' if v is None else f'{v:g}'}" for k, v in self.scores.items()
        )
        return f"InterestProfile({shown}; code {self.code or '—'})"


def _answer_value(item_id: str, value: object) -> int | None:
    """One answer as an int 1..5, ``None`` when unanswered; anything else is refused."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise InputError(f"Answer to item {item_id!r} is {value!r}; expected a number 1–5.")
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            number: float = float(text)
        except ValueError:
            raise InputError(
                f"Answer to item {item_id!r} is {value!r}, which is not a number; expected "
                "1 (strongly dislike) to 5 (strongly like)."
            ) from None
    elif isinstance(value, numbers.Real):
        number = float(value)
        if math.isnan(number):
            return None
    else:
        raise InputError(
            f"Answer to item {item_id!r} is {value!r}, which is not a number; expected 1–5."
        )
    if not number.is_integer() or not _ANSWER_MIN <= number <= _ANSWER_MAX:
        raise InputError(
            f"Answer to item {item_id!r} is {value!r}; expected a whole number from 1 "
            "(strongly dislike) to 5 (strongly like)."
        )
    return int(number)


def score(
    responses: Mapping[str, object], inventory: Inventory | None = None
) -> InterestProfile:
    """Score answers to an interest inventory.

    Each answer 1–5 (strongly dislike … strongly like) scores 0–4 (reversed items 4–0); an
    area's score is the sum of its items (0–40 for ten items). When an area has at most
    :data:`MAX_MISSING_PER_AREA` (2) unanswered items (areas of 5–9 items: 1, see
    :func:`allowed_missing`), its score is prorated from the answered ones (sum × items /
    answered); with more, the area is incomplete (score ``None``) and the profile's notes say
    how many items are missing. An inventory with unequal item counts per area, and the 30-item
    short form, are scored as item mean × 10 (the bundled bank's count, 0–40), and the notes
    say so.

    Parameters
    ----------
    responses : mapping
        ``{item_id: answer}``; answers are whole numbers 1–5 (ints, integral floats or
        numeric text). ``None`` or ``""`` means unanswered.
    inventory : Inventory, optional
        Defaults to the bundled 60-item bank.

    Raises
    ------
    InputError
        An answer out of range or not a number, or an item id the inventory does not have;
        the message names the ``item_id``.
    """
    inventory = inventory if inventory is not None else load_inventory()
    known = set(inventory.item_ids)
    unknown = [item_id for item_id in responses if item_id not in known]
    if unknown:
        raise InputError(
            f"Answer for item {unknown[0]!r}, which is not in inventory "
            f"{inventory.inventory_id!r}" + (f" (and {len(unknown) - 1} more)" if len(unknown) > 1
                                              else "")
            + "; were these answers given to another inventory?"
        )
    values = {item_id: _answer_value(item_id, v) for item_id, v in responses.items()}
    equal = inventory.equal_counts
    counts = inventory.counts
    scores: dict[str, float | None] = {}
    answered: dict[str, int] = {}
    missing: dict[str, int] = {}
    prorated: list[str] = []
    notes: list[str] = []
    if inventory.bundled:
        notes.append(NO_NORMS)
    if inventory.form == "short":
        notes.append(SHORT_FORM.format(per_area=counts["R"], bundled=BUNDLED_ITEMS_PER_AREA))
    elif not equal:
        notes.append(
            UNEQUAL_COUNTS.format(
                counts=", ".join(f"{k} {v}" for k, v in counts.items()),
                bundled=BUNDLED_ITEMS_PER_AREA,
                maximum=4 * BUNDLED_ITEMS_PER_AREA,
            )
        )
    for letter in RIASEC:
        rows = inventory.items[inventory.items["scale"] == letter]
        points = []
        for item_id, reverse in zip(rows["item_id"], rows["reverse"], strict=True):
            answer = values.get(item_id)
            if answer is not None:
                points.append(_ANSWER_MAX - answer if reverse else answer - _ANSWER_MIN)
        n_items = len(rows)
        n_missing = n_items - len(points)
        answered[letter], missing[letter] = len(points), n_missing
        allowed = allowed_missing(n_items)
        if n_missing > allowed or not points:
            scores[letter] = None
            notes.append(
                INCOMPLETE.format(
                    area=TYPE_NAMES[letter], missing=n_missing, items=n_items,
                    allowed=allowed,
                )
            )
            continue
        total = float(sum(points))
        if inventory.scaled:
            value = total / len(points) * BUNDLED_ITEMS_PER_AREA
        else:
            value = total * n_items / len(points)
        if n_missing:
            prorated.append(letter)
            notes.append(
                PRORATED.format(area=TYPE_NAMES[letter], missing=n_missing, items=n_items)
            )
        scores[letter] = round(value, 2)
    return InterestProfile(
        scores=scores,
        max_score=inventory.max_score,
        answered=answered,
        missing=missing,
        prorated=tuple(prorated),
        notes=tuple(notes),
        inventory_id=inventory.inventory_id,
    )


def _letter(key: object) -> str | None:
    text = str(key).strip()
    if text.upper() in RIASEC:
        return text.upper()
    for letter, name in TYPE_NAMES.items():
        if text.lower() == name.lower():
            return letter
    return None


def profile_from_scores(
    scores: Mapping[str, object], max_score: float = 40.0
) -> InterestProfile:
    """A profile from six scores measured elsewhere (e.g. a paper O*NET Interest Profiler,
    0–40 per area, or the Self-Directed Search).

    Parameters
    ----------
    scores : mapping
        Keys are the six letters R I A S E C (or the area names); values are non-negative
        numbers up to ``max_score``; ``None`` marks an area without a score.
    max_score : float
        The top of the instrument's scale (default 40), used for charts.

    Raises
    ------
    InputError
        A letter is missing or unknown, or a value is negative, above ``max_score`` or not a
        number; the message names the area.
    """
    if not isinstance(scores, Mapping):
        raise InputError(f"Scores must be a mapping such as {{'R': 27, …}}; got {scores!r}.")
    if not (isinstance(max_score, numbers.Real) and max_score > 0):
        raise InputError(f"max_score must be a positive number; got {max_score!r}.")
    clean: dict[str, float | None] = {}
    for key, value in scores.items():
        letter = _letter(key)
        if letter is None:
            raise InputError(f"Unknown interest area {key!r}; expected R, I, A, S, E, C.")
        if letter in clean:
            raise InputError(f"Interest area {letter} is given twice.")
        if value is None or (isinstance(value, float) and math.isnan(value)):
            clean[letter] = None
            continue
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise InputError(
                f"Score for {TYPE_NAMES[letter]} ({letter}) is {value!r}; expected a number."
            )
        number = float(value)
        if number < 0 or number > max_score:
            raise InputError(
                f"Score for {TYPE_NAMES[letter]} ({letter}) is {value!r}; expected 0 to "
                f"{max_score:g} (pass max_score= for another scale)."
            )
        clean[letter] = number
    absent = [letter for letter in RIASEC if letter not in clean]
    if absent:
        raise InputError(
            f"Scores for {', '.join(absent)} are missing; give all six areas R, I, A, S, E, C "
            "(None for an area without a score)."
        )
    return InterestProfile(
        scores={letter: clean[letter] for letter in RIASEC}, max_score=float(max_score)
    )
