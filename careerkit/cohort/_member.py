"""One participant's workbook boiled down to what the cohort view counts.

Each workbook is read once; everything the progress table, the summary, the reliability check and
the export need is taken from it here, so the later views are plain aggregations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from careerkit.cohort._text import TEXT
from careerkit.cohort._values import value_scores_of
from careerkit.errors import CareerkitError
from careerkit.interests import (
    FORMS,
    Inventory,
    codes_text,
    holland_ties,
    load_inventory,
)
from careerkit.results import results
from careerkit.workbook import Workbook

#: how many of a participant's highest-priority O*NET gaps count as their "gap skills"
GAP_TOP = 3
SMART = "SMART"


@lru_cache(maxsize=8)
def _inventory(path: str | None, form: str = "long") -> Inventory:
    return load_inventory(path, form=form) if path is None else load_inventory(path)


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


@dataclass(frozen=True)
class Member:
    """What the cohort view knows about one participant (read once from their workbook)."""

    file: str
    pseudonym: str
    workshop: str
    #: consent allows the counselor to see this participant's own rows (progress, export)
    shared: bool
    #: consent allows counting this participant in group statistics
    in_statistics: bool
    last_change: datetime
    answered: int
    items: int
    #: inventory the answers belong to, and the answers on the 0–4 item scale (reverse applied)
    inventory_id: str
    item_scores: dict[str, int]
    holland_code: str
    interests_complete: bool
    target_soc_code: str
    target_role: str
    postings: int
    ratings: int
    to_rate: int
    unrated: int
    gap_skills: tuple[str, ...]
    goals: int
    goal_categories: tuple[str, ...]
    smart_verdicts: tuple[str, ...]
    notes_text: str
    goal_texts: tuple[str, ...]
    interview_answer: str
    posting_texts: tuple[str, ...]
    comments: tuple[str, ...]
    problems: tuple[str, ...] = field(default=())
    #: the six area scores (0–40) when every area could be scored, else empty
    scores: dict[str, float] = field(default_factory=dict)
    #: each goal's status as the participant set it ("not started", "in progress", …)
    goal_statuses: tuple[str, ...] = field(default=())
    #: the work-value profile (value key -> 1–5) when the optional values step is complete
    value_scores: dict[str, float] = field(default_factory=dict)
    #: the letters that could come first in the Holland code (more than one: a tie)
    first_letters: tuple[str, ...] = field(default=())

    @property
    def smart_goals(self) -> int:
        return sum(v == SMART for v in self.smart_verdicts)

    @property
    def interests_step(self) -> str:
        if self.answered == 0:
            return TEXT["not_started"]
        return TEXT["done"] if self.answered >= self.items else TEXT["started"]

    @property
    def skills_step(self) -> str:
        if not (self.target_soc_code or self.ratings or self.postings):
            return TEXT["not_started"]
        done = bool(self.target_soc_code) and self.to_rate > 0 and self.unrated == 0
        return TEXT["done"] if done else TEXT["started"]

    @property
    def goals_step(self) -> str:
        if self.goals == 0:
            return TEXT["not_started"]
        return TEXT["done"] if self.smart_goals > 0 else TEXT["started"]


def _interests(
    wb: Workbook, problems: list[str], scores: dict[str, float], first: list[str]
) -> tuple[int, int, str, str, bool, dict]:
    """Answered and inventory item counts, inventory id, Holland code, completeness and the
    item scores; fills ``scores`` with the six area scores when the profile is complete."""
    answers = wb.interests
    inventory_id = answers.inventory_id
    try:
        if inventory_id in FORMS.values():
            inventory = _inventory(None, next(f for f, i in FORMS.items() if i == inventory_id))
        elif answers.inventory_path and Path(answers.inventory_path).is_file():
            inventory = _inventory(answers.inventory_path)
        else:
            problems.append(TEXT["other_inventory"].format(inventory=inventory_id))
            answered = sum(v is not None for v in answers.responses.values())
            return answered, 0, inventory_id, "", False, {}
    except CareerkitError as exc:
        problems.append(TEXT["other_inventory"].format(inventory=inventory_id))
        problems.append(_first_line(exc))
        return len(answers.responses), 0, inventory_id, "", False, {}
    items = len(inventory.items)
    answered = sum(v is not None for v in answers.responses.values())
    reverse = dict(zip(inventory.items["item_id"], inventory.items["reverse"], strict=True))
    item_scores = {
        item: (5 - int(v) if reverse.get(item) else int(v) - 1)
        for item, v in answers.responses.items()
        if v is not None and item in reverse
    }
    code, complete = "", False
    if answered:
        computed = results(wb, cache=False)  # the profile the screens and the report show
        profile = computed.profile
        if profile is None:
            reason = computed.problems.get("interests", "")
            problems.append(TEXT["bad_answers"].format(reason=reason.splitlines()[0]))
        else:
            complete = profile.complete
            if complete:
                scores.update({a: float(v) for a, v in profile.scores.items() if v is not None})
            # A flat profile shows no preference: its "code" would only be the tie-break order.
            # A tied one is every code its ties allow ("RIS or RSI"), as everywhere else.
            if complete and not profile.flat:
                ties = holland_ties(profile)
                code = codes_text(ties.codes)
                first.extend(ties.first)
    return answered, items, inventory.inventory_id, code, complete, item_scores


def _skills(wb: Workbook, problems: list[str]) -> tuple[int, int, tuple[str, ...]]:
    """Items to rate, items still unrated, and the top gap skills."""
    soc = wb.skills.target_soc_code
    if not soc:
        return 0, 0, ()
    computed = results(wb, cache=False)  # the gap the screens and the report show
    need = computed.needs
    if need is None:
        reason = computed.problems.get("needs", "")
        problems.append(TEXT["bad_target"].format(reason=reason.splitlines()[0] if reason else ""))
        return 0, 0, ()
    to_rate = len(computed.to_rate) if computed.to_rate is not None else 0
    table = computed.gap(with_postings=False) if not need.empty else None
    if table is None:
        return 0, 0, ()
    top = table.onet[table.onet["gap"] > 0].head(GAP_TOP)
    labels = tuple(
        f"{name} ({kind})" for name, kind in zip(top["element_name"], top["kind"], strict=True)
    )
    return to_rate, len(table.unrated), labels


def _goals(wb: Workbook, problems: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    categories, verdicts = [], []
    computed = results(wb, cache=False)
    checks = computed.smart  # the checks the goals screen and the report show
    if "goals" in computed.problems:
        problems.append(TEXT["bad_goal"].format(reason=computed.problems["goals"].splitlines()[0]))
    for goal in wb.goals.goals:
        categories.append(goal.category.value if goal.category is not None else TEXT["no_type"])
        check = checks.get(goal.id)
        verdicts.append(check.verdict if check is not None else "")
    return tuple(categories), tuple(verdicts)


def member_from_workbook(wb: Workbook) -> Member:
    """Read what the cohort view needs from one workbook (never raises for bad answers: a
    problem becomes a note in ``problems``)."""
    problems: list[str] = []
    consent = wb.consent
    scores: dict[str, float] = {}
    first: list[str] = []
    answered, items, inventory_id, code, complete, item_scores = _interests(
        wb, problems, scores, first
    )
    to_rate, unrated, gap_skills = _skills(wb, problems)
    categories, verdicts = _goals(wb, problems)
    comments = [c.text for c in wb.counselor_comments]
    for goal in wb.goals.goals:
        comments.extend(c.text for c in goal.counselor_comments)
    return Member(
        file=wb.path.name,
        pseudonym=wb.pseudonym,
        workshop=wb.participant.workshop,
        shared=consent.allows("share_with_counselor"),
        in_statistics=consent.allows("cohort_statistics"),
        last_change=wb.updated_at,
        answered=answered,
        items=items,
        inventory_id=inventory_id,
        item_scores=item_scores,
        holland_code=code,
        interests_complete=complete,
        target_soc_code=wb.skills.target_soc_code or "",
        target_role=wb.skills.target_title or "",
        postings=len(wb.skills.postings),
        ratings=len(wb.skills.ratings),
        to_rate=to_rate,
        unrated=unrated,
        gap_skills=gap_skills,
        goals=len(wb.goals.goals),
        goal_categories=categories,
        smart_verdicts=verdicts,
        notes_text=wb.notes,
        goal_texts=tuple(g.text for g in wb.goals.goals),
        interview_answer=wb.goals.interview_answer,
        posting_texts=tuple(
            " — ".join(part for part in (p.title, p.company, p.description) if part)
            for p in wb.skills.postings
        ),
        comments=tuple(comments),
        problems=tuple(problems),
        scores=scores,
        goal_statuses=tuple(g.status.value for g in wb.goals.goals),
        value_scores=value_scores_of(wb),
        first_letters=tuple(first),
    )


def exclusion_reason(wb: Workbook) -> str:
    """Why a workbook's consent allows neither sharing nor statistics ("" when it allows one)."""
    consent = wb.consent
    if consent.allows("share_with_counselor") or consent.allows("cohort_statistics"):
        return ""
    if consent.withdrawn:
        return TEXT["withdrawn"]
    if not consent.agreed:
        return TEXT["not_agreed"]
    if consent.under_16 and not consent.guardian_consent_noted:
        return TEXT["guardian"]
    return TEXT["no_share"]
