"""One source for a workbook's results: profile, matches, role needs, gap, SMART checks, steps.

The screens, the report and the cohort view all *format* what :func:`results` computes; none
of them scores, matches or ranks on its own, so the three cannot disagree (they did: with a
counselor's own inventory, the interests screen matched against it while the skills step's
role panel scored against the bundled one).

A :class:`Results` is frozen and computed lazily: each piece is worked out on first use, from a
snapshot of the workbook's sections taken when the object was made. :func:`results` keeps the
latest objects per workbook content, so asking again after nothing changed costs a hash of the
sections, and a change (an answer, a rating, a goal) gives a fresh object.

Layer: between state and presentation. It imports the core steps and the workbook model, never
charts or widgets.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

import pandas as pd

from careerkit import goals, interests, skills, values
from careerkit.errors import CareerkitError

__all__ = [
    "DONE",
    "NOT_STARTED",
    "STARTED",
    "STEP_KEYS",
    "Results",
    "fingerprint",
    "results",
]

NOT_STARTED, STARTED, DONE = "not started", "started", "done"
#: the participant's steps, in order, as ``Results.steps`` names them
STEP_KEYS = ("interests", "skills", "goals")
SMART = "SMART"
_CACHE_SIZE = 64


def _copy(section: Any) -> Any:
    return None if section is None else section.model_copy(deep=True)


def _section_dump(section: Any) -> dict[str, Any]:
    return section.model_dump(mode="json")


@dataclass(frozen=True, eq=False)
class Results:
    """Everything computed from one state of a workbook (build it with :func:`results`).

    Attributes (each computed on first use)
    ----------------------------------------
    inventory : Inventory or None
        The inventory the answers belong to (the workbook's own, else the bundled bank).
    profile : InterestProfile or None
        The scored answers (None before any answer, or when they cannot be scored).
    problems : dict of str to str
        Why a piece is missing ("interests", "needs", "postings", "goals"), in plain words.
    needs : DataFrame or None
        The target role's O*NET skills and knowledge (``occupation_requirements``).
    smart : dict of str to SmartCheck
        Each goal's SMART check, by goal id.
    steps : dict of str to str
        ``interests``, ``skills``, ``goals`` → "not started", "started" or "done".
    """

    interests_section: Any
    skills_section: Any
    goals_section: Any
    values_section: Any = None
    past_job_section: Any = None
    extractor: Any = None
    today: date | None = None
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)
    #: why a piece is missing, in plain words (filled as the pieces are computed)
    problems: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    # ------------------------------------------------------------------ interests

    @cached_property
    def inventory(self) -> interests.Inventory | None:
        try:
            return interests.inventory_of(self.interests_section)
        except CareerkitError as exc:
            self.problems["interests"] = str(exc)
            return None

    @cached_property
    def profile(self) -> interests.InterestProfile | None:
        responses = {k: v for k, v in self.interests_section.responses.items() if v is not None}
        if not responses or self.inventory is None:
            return None
        try:
            return interests.score(responses, self.inventory)
        except CareerkitError as exc:
            self.problems["interests"] = str(exc)
            return None

    @property
    def answered(self) -> int:
        """Answers given to items of the inventory in use."""
        if self.inventory is None:
            return len(self.interests_section.responses)
        known = set(self.inventory.item_ids)
        return sum(
            1 for k, v in self.interests_section.responses.items() if k in known and v is not None
        )

    def matches(
        self, occupations: Any = None, job_zones: Any = "saved", top: int | None = 20
    ) -> pd.DataFrame | None:
        """Occupations ranked by fit (``match_occupations``), or None when the profile cannot
        be matched (the reason is in ``problems["matches"]``). ``job_zones="saved"`` uses the
        zones the person ticked."""
        if job_zones == "saved":
            job_zones = list(self.interests_section.job_zones or []) or None
        zones = tuple(sorted(job_zones)) if isinstance(job_zones, list | tuple | set) else job_zones
        key = ("matches", id(occupations), zones, top)
        if key in self._memo:
            return self._memo[key]
        found = None
        profile = self.profile
        if profile is not None:  # an incomplete or flat profile: the error says why
            try:
                found = interests.match_occupations(
                    profile, occupations, job_zones=job_zones, top=top
                )
            except CareerkitError as exc:
                self.problems["matches"] = str(exc)
        self._memo[key] = found
        return found

    # ------------------------------------------------------------------ values
    @cached_property
    def value_profile(self) -> values.ValueProfile | None:
        """How much each work value matters (None until the chosen method is complete)."""
        section = self.values_section
        if section is None or not section.answered:
            return None
        try:
            return values.value_profile(section)
        except CareerkitError as exc:
            self.problems["values"] = str(exc)
            return None

    def value_matches(self, values_weight: float | None = None, top: int | None = 20
                      ) -> pd.DataFrame | None:
        """Occupations by interest and value fit combined (``match_with_values``), with the
        person's weight unless ``values_weight`` is given; None when either side is missing
        (the reason in ``problems["value_matches"]``)."""
        weight = self.values_section.values_weight if values_weight is None else values_weight
        zones = list(self.interests_section.job_zones or []) or None
        key = ("value_matches", weight, tuple(zones or ()), top)
        if key in self._memo:
            return self._memo[key]
        found = None
        if self.profile is not None and self.value_profile is not None:
            try:
                found = values.match_with_values(
                    self.profile, self.value_profile, values_weight=weight, job_zones=zones,
                    top=top,
                )
            except CareerkitError as exc:
                self.problems["value_matches"] = str(exc)
        self._memo[key] = found
        return found

    # ------------------------------------------------------------------ skills
    @cached_property
    def needs(self) -> pd.DataFrame | None:
        soc = self.skills_section.target_soc_code
        if not soc:
            return None
        try:
            return skills.occupation_requirements(soc)
        except CareerkitError as exc:
            self.problems["needs"] = str(exc)
            return None

    @cached_property
    def to_rate(self) -> pd.DataFrame | None:
        """The target role's items the person rates (importance ≥ 3)."""
        return None if self.needs is None else skills.items_to_rate(self.needs)

    @cached_property
    def posting_needs(self) -> pd.DataFrame | None:
        """What the person's postings ask for (``requirements``), or None without postings."""
        postings = self.skills_section.postings
        if not postings:
            return None
        # Reading postings is the slow part: kept per set of postings (and extractor), so a new
        # rating or goal does not read them again.
        key = (_hash([p.model_dump(mode="json") for p in postings]), id(self.extractor))
        if key in _posting_cache:
            _posting_cache.move_to_end(key)
            return _posting_cache[key]
        try:
            extractor = self.extractor or skills.SkillExtractor(skills.Taxonomy.default())
            found = skills.requirements(skills.postings_from_records(postings), extractor)
        except CareerkitError as exc:
            self.problems["postings"] = str(exc)
            return None
        _posting_cache[key] = found
        while len(_posting_cache) > _CACHE_SIZE:
            _posting_cache.popitem(last=False)
        return found

    def gap(self, with_postings: bool = True) -> skills.GapTable | None:
        """The gap against the role's needs (and the postings' unless ``with_postings`` is
        False); ratings kept from an earlier target role are left out."""
        key = ("gap", with_postings)
        if key in self._memo:
            return self._memo[key]
        need = self.needs
        ratings = dict(self.skills_section.ratings)
        if need is not None and not need.empty:
            listed = set(need["element_id"])
            ratings = {k: v for k, v in ratings.items() if k in listed}
        else:
            ratings = {}
        posting_need = self.posting_needs if with_postings else None
        table = None
        if (need is not None and not need.empty) or posting_need is not None:
            try:
                table = skills.gap(
                    ratings, need, have=self.skills_section.skills_held, posting_need=posting_need
                )
            except CareerkitError as exc:
                self.problems["gap"] = str(exc)
        self._memo[key] = table
        return table

    # ------------------------------------------------------------------ goals
    @cached_property
    def smart(self) -> dict[str, goals.SmartCheck]:
        checks = {}
        for goal in self.goals_section.goals:
            try:
                checks[goal.id] = goals.check_smart(
                    goal,
                    today=self.today,
                    horizons=self.goals_section.horizons,
                    term_calendar=self.goals_section.term_calendar,
                )
            except CareerkitError as exc:
                self.problems["goals"] = str(exc)
        return checks

    # ------------------------------------------------------------------ progress
    @cached_property
    def steps(self) -> dict[str, str]:
        """How far the person got: interests done when every item is answered; skills done
        when a target role is chosen and every item of importance ≥ 3 is rated (or, for a
        role without O*NET ratings, when postings are added); goals done with one SMART goal."""
        out = {}
        answered = self.answered
        total = len(self.inventory) if self.inventory is not None else 0
        out["interests"] = (
            NOT_STARTED if answered == 0 else DONE if total and answered >= total else STARTED
        )
        section = self.skills_section
        if not (section.target_soc_code or section.ratings or section.postings):
            out["skills"] = NOT_STARTED
        else:
            to_rate = self.to_rate
            if to_rate is not None and not to_rate.empty:
                rated = set(section.ratings)
                done = all(e in rated for e in to_rate["element_id"])
            else:
                done = bool(section.target_soc_code) and bool(section.postings)
            out["skills"] = DONE if done else STARTED
        if not self.goals_section.goals:
            out["goals"] = NOT_STARTED
        else:
            smart = any(c.verdict == SMART for c in self.smart.values())
            out["goals"] = DONE if smart else STARTED
        return out


_cache: OrderedDict[tuple[Any, ...], Results] = OrderedDict()
_posting_cache: OrderedDict[tuple[Any, ...], pd.DataFrame] = OrderedDict()


def _hash(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def fingerprint(wb: Any) -> str:
    """A hash of the workbook's step sections: equal while nothing a result depends on changed."""
    return _hash({
        name: _section_dump(getattr(wb, name))
        for name in ("interests", "skills", "goals", "values", "past_job")
        if getattr(wb, name, None) is not None
    })


def results(
    wb: Any, *, extractor: Any = None, today: date | None = None, cache: bool = True
) -> Results:
    """The results of ``wb`` as it is now (the same object while its sections are unchanged).

    ``extractor`` reads the postings (default: the bundled taxonomy); ``today`` dates the SMART
    checks (default: today). ``cache=False`` (a reader of many workbooks that change nothing,
    such as the cohort view) skips the snapshot and the cache: the object reads the workbook's
    sections directly.
    """
    if not cache:
        return Results(
            interests_section=wb.interests,
            skills_section=wb.skills,
            goals_section=wb.goals,
            values_section=getattr(wb, "values", None),
            past_job_section=getattr(wb, "past_job", None),
            extractor=extractor,
            today=today,
        )
    key = (fingerprint(wb), id(extractor), today)
    found = _cache.get(key)
    if found is not None:
        _cache.move_to_end(key)
        return found
    made = Results(
        interests_section=wb.interests.model_copy(deep=True),
        skills_section=wb.skills.model_copy(deep=True),
        goals_section=wb.goals.model_copy(deep=True),
        values_section=_copy(getattr(wb, "values", None)),
        past_job_section=_copy(getattr(wb, "past_job", None)),
        extractor=extractor,
        today=today,
    )
    _cache[key] = made
    while len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return made
