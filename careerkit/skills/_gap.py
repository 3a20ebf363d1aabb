"""What a role asks for, how the person rates themselves, and the gap between them.

Two sources of "need":

* **O*NET** (release 29.2, CC BY 4.0): each occupation's skills and knowledge with importance
  (IM, 1–5) and level (LV, 0–7). :func:`occupation_requirements` reads them from the bundled
  table (for an occupation O*NET has not rated, those of its most related rated occupation, and
  says so); :func:`items_to_rate` keeps the ones with importance ≥ 3, which the person rates on
  a plain 1–5 scale (:data:`RATING_SCALE`, our own wording).

**One scale.** Every number shown is on O*NET's 0–7 level scale: the person's rating r becomes
level ``(r − 1) × 7 / 4`` and is printed with :func:`format_level` (rating 2 → "1.75", never
"1.8"); :func:`level_words` gives the line "you: starting (2 of 5) = level 1.75 of 7; needed:
level 4.12 of 7", and :func:`level_anchor` what a level means in O*NET's own examples.
* **Job postings**: :func:`requirements` counts, per skill, how many postings ask for it and how
  many ask for it as required.

:func:`gap` combines them with the formulas in ARCHITECTURE.md ("Gap"):

* a self-rating r (1–5) maps onto O*NET's level scale as ``level = (r − 1) × 7 / 4``;
* ``gap = max(0, need_level − level) / 7`` and ``priority = gap × importance / 5``;
* for posting skills the person does not have, ``priority = share``.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import zip_longest
from typing import Any, Protocol

import numpy as np
import pandas as pd

from careerkit import datasets
from careerkit._frames import table_rows
from careerkit.errors import InputError
from careerkit.skills._postings import postings_from_records

__all__ = [
    "LEVEL_SCALE",
    "MIN_IMPORTANCE",
    "RATING_SCALE",
    "SUPPRESS_CAUTION",
    "GapTable",
    "draft_goals",
    "format_level",
    "gap",
    "items_to_rate",
    "level_anchor",
    "level_from_rating",
    "level_words",
    "occupation_requirements",
    "rated_alternatives",
    "rating_from_level",
    "requirements",
]

#: Only O*NET items at least this important (IM, 1–5) for the target role are rated.
MIN_IMPORTANCE = 3.0

#: The self-rating scale, in our own words (not O*NET's level anchors).
RATING_SCALE: dict[int, str] = {
    1: "Not yet — I have not done this, or only watched others do it.",
    2: "Starting — I have tried it a few times, usually with someone helping me.",
    3: "Working — I can do the everyday parts on my own.",
    4: "Strong — I handle difficult cases, and others come to me for help with it.",
    5: "Expert — I could teach it, lead others in it, or solve unusual problems with it.",
}

#: Short names of the five ratings, for charts and goal texts.
RATING_NAMES: dict[int, str] = {1: "not yet", 2: "starting", 3: "working", 4: "strong", 5: "expert"}

#: The one scale every gap number is shown on: O*NET's level scale (LV, 0–7).
LEVEL_SCALE = "O*NET level 0–7"

#: Shown beside a rating O*NET marks "Recommend Suppress" (too few or too varied answers behind
#: it: O*NET's data dictionary advises caution).
SUPPRESS_CAUTION = (
    "O*NET flags this rating as less reliable (\"recommend suppress\"): few or widely differing "
    "answers stand behind it, so treat the level as a rough guide."
)

TEXT = {
    "source_onet": "O*NET {release}",
    "source_related": (
        "related occupation {soc_code} → {source_soc_code} {source_title} (O*NET {release} "
        "Related Occupations, {tier} #{index})"
    ),
    "borrowed": (
        "O*NET has no skill or knowledge ratings of its own for {title} ({soc_code}), so the "
        "ratings shown are those of {source_title} ({source_soc_code}), the most closely related "
        "occupation that has them in O*NET's Related Occupations. Read them as an approximation "
        "and check them against job postings for {title}."
    ),
    "borrowed_newer": (
        "The ratings for {title} ({soc_code}) come from O*NET {release}, a newer release than "
        "the other occupations' ratings."
    ),
    "suppressed_note": (
        "{n} of these ratings carry O*NET's \"recommend suppress\" flag; they are marked with a "
        "caution."
    ),
    "level_you": "you: {words} ({rating} of 5) = level {level} of 7",
    "level_need": "needed: level {need} of 7",
    "level_line": "{name}: {you}; {need}",
    "anchor": "level {value:g} of 7 on {name} is like: {text}",
    "anchor_between": (
        "level {level} of 7 on {name} lies between \"{low}\" (level {low_value:g}) and "
        "\"{high}\" (level {high_value:g})"
    ),
    "anchor_below": (
        "level {level} of 7 on {name} is below O*NET's first example, \"{text}\" (level "
        "{value:g})"
    ),
    "anchor_above": (
        "level {level} of 7 on {name} is above O*NET's highest example, \"{text}\" (level "
        "{value:g})"
    ),
    "no_ratings": (
        "O*NET has no skill or knowledge ratings for {title} ({soc_code}) in the bundled release, "
        "so there is nothing to rate against O*NET for this role. The skills gap comes from job "
        "postings alone: bring a few postings for this role in the next step."
    ),
    "unknown_soc": (
        "{soc_code!r} is not an O*NET-SOC code we know. Expected a code such as 15-1252.00 "
        "(choose the role from the list or search by title)."
    ),
    "note_postings_only": "This gap is based on job postings only.",
    # a name O*NET gives both a skill and a knowledge area, with which one it is
    "name_with_kind": "{name} ({kind})",
    "note_rate_first": (
        "Nothing is rated yet, so this gap is based on job postings only; rate yourself to "
        "compare with O*NET as well."
    ),
    "note_onet_only": "This gap is based on O*NET ratings only (no postings yet).",
    "goal_onet": "Raise my {label} from {current} to {needed} within 6 months",
    "goal_onet_measure": (
        "I rate myself {needed_rating} of 5 ({needed}) or higher, and can show an example of work "
        "that proves it"
    ),
    "goal_posting": "Learn {label} well enough to use it at work within 6 months",
    "goal_posting_knowledge": "Build my knowledge of {label} within 6 months",
    "goal_posting_transferable": "Practise my {label} skills and show them at work within 6 months",
    "goal_posting_language": "Improve my {label} to a level I can use at work within 6 months",
    "goal_posting_certification": "Earn the {label} certification within 12 months",
    "goal_posting_measure": (
        "I finish a course or a small project that uses {label} and can show the result to an "
        "employer ({share:.0%} of the postings I read asked for it)"
    ),
}

_REQ_COLUMNS = [
    "skill_id",
    "label",
    "kind",
    "postings",
    "required",
    "preferred",
    "unspecified",
    "share",
    "required_share",
    "rank",
]
_OCC_COLUMNS = ["element_id", "element_name", "kind", "importance", "level", "suppress"]
_ONET_GAP_COLUMNS = [
    "element_id",
    "element_name",
    "kind",
    "importance",
    "need_level",
    "rating",
    "level",
    "gap",
    "priority",
    "suppress",
    "text",
]
_POSTING_GAP_COLUMNS = [
    "skill_id",
    "label",
    "kind",
    "postings",
    "share",
    "required_share",
    "priority",
]
_STRENGTH_COLUMNS = [
    "element_id",
    "element_name",
    "kind",
    "importance",
    "need_level",
    "rating",
    "level",
    "margin",
    "priority",
    "suppress",
    "text",
]
_STRENGTH_ORDER = {"required": 0, "preferred": 1, "unspecified": 2}


class _Extractor(Protocol):
    def extract(self, text: str, employer: str | None = None) -> list[Any]: ...


# --------------------------------------------------------------------------- postings side


def requirements(postings: Any, extractor: _Extractor) -> pd.DataFrame:
    """Which skills the postings ask for, and how often.

    Parameters
    ----------
    postings
        A postings frame (:func:`read_postings`), or a list of :class:`Posting`, dicts or strings.
    extractor
        A :class:`SkillExtractor` (anything with ``extract(text, employer=None)`` returning
        matches with ``skill_id, label, kind, strength``). Each posting's ``company`` is passed as
        ``employer`` so the employer's name is never counted as a skill.

    Returns
    -------
    pandas.DataFrame
        One row per skill: ``skill_id, label, kind, postings`` (number of postings mentioning
        it), ``required, preferred, unspecified`` (postings by the strongest way they asked for
        it), ``share`` (postings / all postings), ``required_share`` (required / all postings)
        and ``rank`` (1 = most asked for), sorted by rank. ``attrs["n_postings"]`` is the number
        of postings read.
    """
    frame = postings_from_records(postings)
    n = len(frame)
    best: dict[str, dict[str, Any]] = {}
    per_posting: list[dict[str, str]] = []
    for description, company in zip(frame["description"], frame["company"], strict=True):
        strongest: dict[str, str] = {}
        for match in extractor.extract(description, employer=company or None):
            sid = match.skill_id
            best.setdefault(sid, {"skill_id": sid, "label": match.label, "kind": match.kind})
            strength = match.strength if match.strength in _STRENGTH_ORDER else "unspecified"
            old = strongest.get(sid)
            if old is None or _STRENGTH_ORDER[strength] < _STRENGTH_ORDER[old]:
                strongest[sid] = strength
        per_posting.append(strongest)
    counts = {sid: dict.fromkeys(_STRENGTH_ORDER, 0) for sid in best}
    for strongest in per_posting:
        for sid, strength in strongest.items():
            counts[sid][strength] += 1
    rows = [{**best[sid], **c, "postings": sum(c.values())} for sid, c in counts.items()]
    out = pd.DataFrame(
        rows, columns=[c for c in _REQ_COLUMNS if c not in {"share", "required_share", "rank"}]
    )
    for column in ("postings", "required", "preferred", "unspecified"):
        out[column] = out[column].astype("int64")
    out["share"] = out["postings"] / n if n else 0.0
    out["required_share"] = out["required"] / n if n else 0.0
    out = out.sort_values(
        ["postings", "required", "label"], ascending=[False, False, True], kind="stable"
    ).reset_index(drop=True)
    out["rank"] = range(1, len(out) + 1)
    out = out[_REQ_COLUMNS]
    out.attrs["n_postings"] = n
    return out


# --------------------------------------------------------------------------- O*NET side


def _occupation_title(soc_code: str) -> str:
    occupations = datasets.occupations()
    titles = occupations.loc[occupations["soc_code"] == soc_code, "title"]
    return str(titles.iloc[0]) if len(titles) else ""


def _borrowed(code: str) -> dict[str, Any] | None:
    sources = datasets.rating_sources()
    row = sources[sources["soc_code"] == code]
    return None if row.empty else {str(k): v for k, v in row.iloc[0].to_dict().items()}


def _release_of_ratings() -> str:
    info = datasets.provenance().get("tables", {}).get("occupation_ratings", {})
    return str(info.get("release", "unknown"))


def occupation_requirements(soc_code: str) -> pd.DataFrame:
    """O*NET skills and knowledge for one occupation, most important first.

    Reads the bundled O*NET ratings (:func:`careerkit.datasets.occupation_ratings`, release
    29.2) and skips the rows O*NET marks "not relevant". Rows O*NET recommends suppressing (low
    precision) are kept with ``suppress=True`` so the caller can show them with
    :data:`SUPPRESS_CAUTION`.

    An occupation O*NET has not rated (44 of those with interest profiles, e.g. 15-1252.00
    Software Developers) takes the ratings of a newer release that rates it, else of its most
    related rated occupation (O*NET Related Occupations; :func:`careerkit.datasets.rating_sources`),
    and says so in ``source`` and ``attrs["message"]``.

    Returns
    -------
    pandas.DataFrame
        ``element_id, element_name, kind`` ("skill"|"knowledge"), ``importance`` (IM 1–5),
        ``level`` (LV 0–7), ``suppress``, ``source`` (where the rating comes from: "O*NET 29.2",
        or "related occupation 15-1252.00 → 15-1299.08 Computer Systems Engineers/Architects
        (…)"), sorted by importance then level (descending). A name O*NET gives both a skill and
        a knowledge area carries its kind: "Mathematics (skill)", "Mathematics (knowledge)".
        ``attrs``: ``soc_code``, ``title``, ``rated`` (False when there are no ratings at all;
        the frame is then empty), ``ratings_from`` ("own", "newer release", "related
        occupation" or ""), ``source`` (as the column), ``source_soc_code`` (whose ratings),
        ``message`` (a plain explanation when the ratings are not the occupation's own, or
        missing; else "") and ``notes`` (e.g. how many ratings carry the suppress flag).

    Raises
    ------
    InputError
        ``soc_code`` is not in the bundled occupations or ratings.
    """
    code = str(soc_code).strip() if soc_code is not None else ""
    ratings = datasets.occupation_ratings()
    rows = ratings[ratings["soc_code"] == code]
    title = _occupation_title(code)
    if rows.empty and not title:
        raise InputError(TEXT["unknown_soc"].format(soc_code=soc_code))
    source = TEXT["source_onet"].format(release=_release_of_ratings())
    ratings_from, source_soc, message = ("own", code, "") if not rows.empty else ("", "", "")
    borrowed = _borrowed(code)
    if borrowed is not None:
        source_soc = str(borrowed["source_soc_code"])
        if borrowed["source"] == "related occupation":
            rows = ratings[ratings["soc_code"] == source_soc]
            ratings_from = "related occupation"
            source = TEXT["source_related"].format(**borrowed)
            message = TEXT["borrowed"].format(title=title or code, **borrowed)
        else:
            ratings_from = "newer release"
            source = str(borrowed["source"])
            message = TEXT["borrowed_newer"].format(
                title=title or code, soc_code=code, release=borrowed["release"]
            )
    rows = rows[~rows["not_relevant"].astype(bool)]
    out = (
        rows[_OCC_COLUMNS]
        .sort_values(
            ["importance", "level", "element_name"], ascending=[False, False, True], kind="stable"
        )
        .reset_index(drop=True)
    )
    out["suppress"] = out["suppress"].astype(bool)
    out["source"] = source
    twice = out["element_name"].duplicated(keep=False)
    if twice.any():
        # O*NET names a skill and a knowledge area alike ("Mathematics", 2.A.1.e and 2.C.4.a):
        # such names carry their kind, so every table, chart, rating row and goal built from
        # this frame can tell the two apart
        out.loc[twice, "element_name"] = [
            TEXT["name_with_kind"].format(name=name, kind=kind)
            for name, kind in zip(
                out.loc[twice, "element_name"], out.loc[twice, "kind"], strict=True
            )
        ]
    rated = not out.empty
    notes = []
    if int(out["suppress"].sum()):
        notes.append(TEXT["suppressed_note"].format(n=int(out["suppress"].sum())))
    out.attrs.update(
        soc_code=code,
        title=title,
        rated=rated,
        ratings_from=ratings_from if rated else "",
        source=source if rated else "",
        source_soc_code=source_soc if rated else "",
        message=message
        if rated
        else TEXT["no_ratings"].format(title=title or code, soc_code=code),
        notes=notes,
    )
    return out


def rated_alternatives(soc_code: str, limit: int = 5) -> pd.DataFrame:
    """Occupations in the same O*NET-SOC minor group that do have skill ratings (``soc_code,
    title``), to offer when the chosen one has none (e.g. 15-1252.00 Software Developers →
    15-1251.00 Computer Programmers, 15-1254.00 Web Developers)."""
    code = str(soc_code).strip()
    rated = set(datasets.occupation_ratings()["soc_code"])
    occupations = datasets.occupations()
    prefix = code[:6]  # "15-125": the broad occupation group
    same = occupations[
        occupations["soc_code"].str.startswith(prefix)
        & occupations["soc_code"].isin(rated)
        & (occupations["soc_code"] != code)
    ]
    if same.empty:
        prefix = code[:4]  # "15-1": the minor group
        same = occupations[
            occupations["soc_code"].str.startswith(prefix)
            & occupations["soc_code"].isin(rated)
            & (occupations["soc_code"] != code)
        ]
    return same[["soc_code", "title"]].head(limit).reset_index(drop=True)


def items_to_rate(onet_need: pd.DataFrame, min_importance: float = MIN_IMPORTANCE) -> pd.DataFrame:
    """The target role's items the person rates: importance ≥ ``min_importance`` (3 by default;
    about 10–25 items for most occupations, instead of all 68)."""
    return onet_need[onet_need["importance"] >= min_importance].reset_index(drop=True)


def level_from_rating(rating: float) -> float:
    """A 1–5 self-rating on O*NET's 0–7 level scale: ``(rating − 1) × 7 / 4`` (1 → 0, 5 → 7)."""
    return (rating - 1) * 7 / 4


def rating_from_level(level: float) -> int:
    """The smallest whole self-rating that reaches an O*NET level (inverse of
    :func:`level_from_rating`, rounded up, clipped to 1–5)."""
    return int(min(5, max(1, math.ceil(level * 4 / 7 + 1 - 1e-9))))


def format_level(level: float) -> str:
    """A level on O*NET's 0–7 scale as shown everywhere: up to two decimals, no trailing
    zeros (a rating of 2 is level 1.75, never "1.8")."""
    text = f"{float(level):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def level_words(rating: int, need_level: float, name: str = "") -> str:
    """One line with both sides on O*NET's level scale, e.g. "Programming: you: starting (2 of
    5) = level 1.75 of 7; needed: level 4.12 of 7"."""
    rating = int(rating)
    you = TEXT["level_you"].format(
        words=RATING_NAMES[rating], rating=rating, level=format_level(level_from_rating(rating))
    )
    need = TEXT["level_need"].format(need=format_level(need_level))
    line = f"{you}; {need}"
    return TEXT["level_line"].format(name=name, you=you, need=need) if name else line


def level_anchor(element_id: str, level: float) -> str:
    """What a level means for a skill or knowledge area, in O*NET's own examples (Level Scale
    Anchors, O*NET 29.2): the anchor at that level, or the two it lies between.

    Examples
    --------
    >>> level_anchor("2.A.1.a", 4)  # doctest: +SKIP
    'level 4 of 7 on Reading Comprehension is like: Understand an email from management …'

    Raises
    ------
    InputError
        An element O*NET has no level anchors for, or a level outside 0–7.
    """
    if isinstance(level, bool) or not isinstance(level, numbers.Real) or not 0 <= level <= 7:
        raise InputError(f"level is {level!r}; expected a number on O*NET's 0–7 level scale.")
    anchors = datasets.level_anchors()
    rows = anchors[anchors["element_id"] == str(element_id)].sort_values("anchor_value")
    if rows.empty:
        raise InputError(
            f"O*NET has no level anchors for element {element_id!r}; expected the element_id of "
            "a skill or knowledge area (e.g. 2.A.1.a Reading Comprehension)."
        )
    names = datasets.elements().set_index("element_id")["element_name"]
    name = str(names.get(str(element_id), element_id))
    values = rows["anchor_value"].to_numpy(dtype=float)
    texts = rows["anchor_description"].tolist()
    shown = format_level(level)
    exact = np.flatnonzero(np.isclose(values, float(level), atol=0.125))
    if len(exact):
        return TEXT["anchor"].format(value=values[exact[0]], name=name, text=texts[exact[0]])
    if level < values[0]:
        return TEXT["anchor_below"].format(level=shown, name=name, text=texts[0], value=values[0])
    if level > values[-1]:
        return TEXT["anchor_above"].format(level=shown, name=name, text=texts[-1],
                                           value=values[-1])
    high = int(np.searchsorted(values, float(level)))
    return TEXT["anchor_between"].format(
        level=shown, name=name, low=texts[high - 1], low_value=values[high - 1],
        high=texts[high], high_value=values[high],
    )


# --------------------------------------------------------------------------- the gap


@dataclass(frozen=True)
class GapTable:
    """The skills gap, three frames each ranked by priority (highest first).

    Attributes
    ----------
    onet
        Rated O*NET items: ``element_id, element_name, kind, importance, need_level`` (O*NET LV),
        ``rating`` (1–5), ``level`` (the rating on 0–7), ``gap`` (0–1), ``priority`` (0–1).
    postings
        Posting skills the person does not have: ``skill_id, label, kind, postings, share,
        required_share, priority`` (= share).
    strengths
        Rated O*NET items where the person's level exceeds the need: as ``onet`` with ``margin =
        (level − need_level) / 7`` and ``priority = margin × importance / 5``.
    held
        Posting skills the person has (same columns as ``postings``; ``priority`` = share).
    unrated
        element_ids of the items to rate (importance ≥ 3) that have no rating yet.
    notes
        Plain sentences about what the table is based on (e.g. "postings only").
    """

    onet: pd.DataFrame
    postings: pd.DataFrame
    strengths: pd.DataFrame
    held: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=_POSTING_GAP_COLUMNS))
    unrated: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """True when there is no gap at all to show (nothing rated and no posting skills)."""
        return bool(self.onet.empty and self.postings.empty)


def _check_ratings(ratings: Mapping[str, Any]) -> dict[str, int]:
    checked: dict[str, int] = {}
    for element_id, value in ratings.items():
        real = isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))
        number = float(value) if real else math.nan
        if not math.isfinite(number) or number != int(number) or not 1 <= number <= 5:
            raise InputError(
                f"rating for {element_id!r} is {value!r}; expected a whole number from 1 "
                "(not yet) to 5 (expert)."
            )
        checked[str(element_id)] = int(number)
    return checked


def _onet_frames(
    ratings: dict[str, int], onet_need: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame, tuple[str, ...]]:
    # Plain arrays, one frame built at the end: with 10–70 rows, pandas' per-operation overhead
    # (not the arithmetic) is what costs time (see benchmarks/bench_gap.py).
    ids = onet_need["element_id"].to_numpy(dtype=object)
    position: dict[str, int] = {}
    for i, element_id in enumerate(ids):
        position.setdefault(element_id, i)
    unknown = [e for e in ratings if e not in position]
    if unknown:
        raise InputError(
            f"ratings given for {', '.join(repr(e) for e in unknown[:5])}, which the target role's "
            "O*NET requirements do not list; rate only the items shown for this role."
        )
    importance_all = onet_need["importance"].to_numpy(dtype=float)
    unrated = tuple(
        ids[i]
        for i in position.values()
        if importance_all[i] >= MIN_IMPORTANCE and ids[i] not in ratings
    )
    take = np.fromiter((position[e] for e in ratings), dtype=np.int64, count=len(ratings))
    names = onet_need["element_name"].to_numpy(dtype=object)[take]
    kinds = onet_need["kind"].to_numpy(dtype=object)[take]
    importance = importance_all[take]
    need_level = onet_need["level"].to_numpy(dtype=float)[take]
    rating = np.fromiter(ratings.values(), dtype=np.int64, count=len(ratings))
    level = (rating - 1) * 7 / 4
    suppress = (
        onet_need["suppress"].to_numpy(dtype=bool)[take]
        if "suppress" in onet_need.columns
        else np.zeros(len(take), dtype=bool)
    )
    text = np.array(
        [
            level_words(r, n, str(name))
            for r, n, name in zip(rating, need_level, names, strict=True)
        ],
        dtype=object,
    )
    diff = need_level - level
    gap_value = np.maximum(diff, 0.0) / 7
    priority = gap_value * importance / 5
    columns = {
        "element_id": ids[take],
        "element_name": names,
        "kind": kinds,
        "importance": importance,
        "need_level": need_level,
        "rating": rating,
        "level": level,
        "suppress": suppress,
        "text": text,
    }
    order = _order(priority, importance, names)
    onet = pd.DataFrame(
        {k: v[order] for k, v in {**columns, "gap": gap_value, "priority": priority}.items()},
        columns=_ONET_GAP_COLUMNS,
    )
    strong = np.flatnonzero(diff < 0)
    margin = -diff[strong] / 7
    strong_priority = margin * importance[strong] / 5
    within = _order(strong_priority, importance[strong], names[strong])
    order = strong[within]
    strengths = pd.DataFrame(
        {
            **{k: v[order] for k, v in columns.items()},
            "margin": margin[within],
            "priority": strong_priority[within],
        },
        columns=_STRENGTH_COLUMNS,
    )
    return onet, strengths, unrated


def _order(priority: np.ndarray, second: np.ndarray, names: np.ndarray) -> np.ndarray:
    """Positions sorted by priority (high first), then ``second`` (high first), then name."""
    if not len(priority):
        return np.zeros(0, dtype=np.int64)
    # np.lexsort sorts by the last key first; names as fixed-width text sort like str.
    return np.lexsort((names.astype(str), -second, -priority))


def _posting_frames(
    posting_need: pd.DataFrame, held_ids: set[str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    values = {
        c: posting_need[c].to_numpy(dtype=object if c in {"skill_id", "label", "kind"} else None)
        for c in _POSTING_GAP_COLUMNS
        if c != "priority"
    }
    values["share"] = values["share"].astype(float)
    values["required_share"] = values["required_share"].astype(float)
    values["priority"] = values["share"]
    is_held = np.fromiter(
        (s in held_ids for s in values["skill_id"]), dtype=bool, count=len(values["skill_id"])
    )
    frames = []
    for mask in (~is_held, is_held):
        rows = np.flatnonzero(mask)
        order = rows[
            _order(values["share"][rows], values["required_share"][rows], values["label"][rows])
        ]
        frames.append(
            pd.DataFrame({k: v[order] for k, v in values.items()}, columns=_POSTING_GAP_COLUMNS)
        )
    return frames[0], frames[1]


def gap(
    ratings: Mapping[str, int] | None = None,
    onet_need: pd.DataFrame | None = None,
    have: Iterable[str] = (),
    posting_need: pd.DataFrame | None = None,
) -> GapTable:
    """Rank the person's gaps against O*NET and against job postings.

    Parameters
    ----------
    ratings
        ``{element_id: 1..5}`` self-ratings (see :data:`RATING_SCALE`).
    onet_need
        :func:`occupation_requirements` for the target role (needed with ``ratings``).
    have
        ``skill_id``s from the postings that the person already has.
    posting_need
        :func:`requirements` of the postings the person brought.

    Returns
    -------
    GapTable
        Frozen; ``.onet``, ``.postings`` and ``.strengths`` ranked by priority. With
        ``gap = max(0, need_level − level) / 7`` and ``priority = gap × importance / 5`` (O*NET),
        ``priority = share`` (postings). Ties are broken by importance (or required share), then
        by name.

    Raises
    ------
    InputError
        A rating outside 1–5, a rating for an item the role does not list, or ratings without
        ``onet_need``.

    Examples
    --------
    Need level 5.25 at importance 4, rated 2 (level 1.75): gap = 3.5 / 7 = 0.5,
    priority = 0.5 × 4 / 5 = 0.4.
    """
    notes: list[str] = []
    ratings = _check_ratings(ratings or {})
    if ratings and (onet_need is None or onet_need.empty):
        raise InputError(
            "ratings were given, but the target role has no O*NET requirements to compare them "
            "with (onet_need is missing or empty)."
        )
    if onet_need is not None and not onet_need.empty:
        onet, strengths, unrated = _onet_frames(ratings, onet_need)
    else:
        onet = pd.DataFrame(columns=_ONET_GAP_COLUMNS)
        strengths = pd.DataFrame(columns=_STRENGTH_COLUMNS)
        unrated = ()
    if onet_need is not None and onet_need.attrs.get("message"):
        # no ratings at all, or ratings borrowed from a related occupation: the person is told
        notes.append(onet_need.attrs["message"])
    if not onet.empty and onet["suppress"].astype(bool).any():
        notes.append(SUPPRESS_CAUTION)
    held_ids = {str(s) for s in have}
    if posting_need is not None and not posting_need.empty:
        postings, held = _posting_frames(posting_need, held_ids)
    else:
        postings = pd.DataFrame(columns=_POSTING_GAP_COLUMNS)
        held = pd.DataFrame(columns=_POSTING_GAP_COLUMNS)
    if onet.empty and not postings.empty:
        rateable = onet_need is not None and not onet_need.empty
        notes.append(TEXT["note_rate_first"] if rateable else TEXT["note_postings_only"])
    elif postings.empty and not onet.empty:
        notes.append(TEXT["note_onet_only"])
    return GapTable(
        onet=onet,
        postings=postings,
        strengths=strengths,
        held=held,
        unrated=unrated,
        notes=tuple(notes),
    )


# --------------------------------------------------------------------------- draft goals


def draft_goals(gap_table: GapTable, top: int = 3) -> list[dict[str, Any]]:
    """The top gaps as draft goals, plain dicts for the goals step.

    Each dict has ``text`` (a first wording the person edits), ``category`` ("skill"),
    ``measure``, ``skill_id`` and ``skill`` (the linked gap skill: an O*NET element_id or a
    taxonomy skill_id, and its name), ``source`` ("onet" | "postings") and ``priority``.

    The two sides' priorities are on different footings (O*NET: gap × importance / 5, rarely
    above 0.5; postings: share of postings, often 1.0 with a few postings), so instead of
    mixing them on one scale the drafts take the two ranked lists in turn, O*NET first: the
    person gets their largest gap against the role's standard and the skill employers ask for
    most. Gaps with zero priority are not goals; a skill in both lists appears once.
    """
    onet: list[dict[str, Any]] = []
    for row in table_rows(gap_table.onet):
        if row.priority <= 0:
            continue
        needed_rating = rating_from_level(row.need_level)
        words = {
            "label": row.element_name,
            "current": f"{RATING_NAMES[int(row.rating)]} ({int(row.rating)} of 5)",
            "needed": f"{RATING_NAMES[needed_rating]} ({needed_rating} of 5)",
            "needed_rating": needed_rating,
        }
        onet.append(
            {
                "text": TEXT["goal_onet"].format(**words),
                "category": "skill",
                "measure": TEXT["goal_onet_measure"].format(
                    needed_rating=needed_rating, needed=RATING_NAMES[needed_rating]
                ),
                "skill_id": row.element_id,
                "skill": row.element_name,
                "source": "onet",
                "priority": float(row.priority),
            }
        )
    postings: list[dict[str, Any]] = []
    for row in table_rows(gap_table.postings):
        if row.priority <= 0:
            continue
        wording = TEXT.get(f"goal_posting_{row.kind}", TEXT["goal_posting"])
        postings.append(
            {
                "text": wording.format(label=row.label),
                "category": "skill",
                "measure": TEXT["goal_posting_measure"].format(label=row.label, share=row.share),
                "skill_id": row.skill_id,
                "skill": row.label,
                "source": "postings",
                "priority": float(row.priority),
            }
        )
    drafts: list[dict[str, Any]] = []
    seen: set[str] = set()
    for pair in zip_longest(onet, postings):
        for draft in pair:
            if draft is None or len(drafts) >= top:
                continue
            keys = {str(draft["skill_id"]), draft["skill"].casefold()}
            if keys & seen:
                continue
            seen |= keys
            drafts.append(draft)
    return drafts
