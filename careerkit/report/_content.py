"""What the report says: plain data (strings, numbers, lists) and figures from a workbook.

Nothing here writes HTML: the template does, with autoescaping, so every piece of text a person
typed reaches the page escaped. Each step is worked out on its own, and a step that cannot be
worked out (e.g. a counselor's inventory file that went missing) gives a plain sentence in its
section instead of stopping the whole report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import pandas as pd

from careerkit import charts, datasets, goals, interests, skills
from careerkit._frames import table_rows
from careerkit.report._text import HORIZON_WORDS, STATUS_WORDS, TEXT
from careerkit.results import results

#: How many rows the report's tables show.
TOP_MATCHES = 10
TOP_REQUIREMENTS = 15
TOP_GAPS = 12


@dataclass
class Chart:
    """A figure and its words; ``markup`` is filled in by the renderer (SVG or a live div)."""

    key: str
    figure: Any
    summary: str
    markup: str = ""


@dataclass
class Content:
    """Everything the template shows."""

    pseudonym: str
    workshop: str
    today: date
    generated: str
    updated: str
    interests: dict[str, Any]
    skills: dict[str, Any]
    goals: dict[str, Any]
    notes: str
    comments: list[dict[str, str]]
    credit: list[str]
    version: str
    charts: list[Chart] = field(default_factory=list)
    #: the optional steps of issue 14 (see ``_extra``)
    values: dict[str, Any] = field(default_factory=dict)
    past_job: dict[str, Any] = field(default_factory=dict)
    #: the statement that results are for exploration, not selection (careerkit.datasets)
    notice: str = ""


def _chart(charts_list: list[Chart], key: str, figure: Any) -> Chart:
    chart = Chart(key=key, figure=figure, summary=charts.summary(figure))
    charts_list.append(chart)
    return chart


def _fmt(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else f"{value:.1f}"


def _when(moment: datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _by(author: str, moment: datetime | None) -> str:
    when = _when(moment)
    if not when:
        return author or TEXT["none"]
    return TEXT["comment_by"].format(author=author or TEXT["none"], time=when)


def _day(value: date | None) -> str:
    return value.isoformat() if value else TEXT["none"]


# --------------------------------------------------------------------------- interests


def _interests(wb: Any, found: list[Chart]) -> dict[str, Any]:
    section = wb.interests
    if not section.responses:
        return {"done": False, "message": TEXT["interests_not_done"]}
    computed = results(wb)  # one source: the screens and the cohort read the same results
    inventory, profile = computed.inventory, computed.profile
    if inventory is None or profile is None:
        error = computed.problems.get("interests", "")
        return {"done": False, "message": TEXT["interests_error"].format(error=error)}
    out: dict[str, Any] = {
        "done": True,
        "answered": TEXT["answered"].format(
            answered=sum(profile.answered.values()) or len(section.responses),
            total=len(inventory),
        ),
        "notes": [n for n in profile.notes if n != interests.NO_NORMS],
        "scores": [
            {
                "letter": letter,
                "name": interests.TYPE_NAMES[letter],
                "meaning": interests.PLAIN_MEANING[letter],
                "score": (
                    TEXT["score_missing"]
                    if score is None
                    else TEXT["score_of"].format(score=_fmt(score), max=profile.max_score)
                ),
            }
            for letter in interests.RIASEC
            for score in [profile.scores[letter]]
        ],
        "code": "",
        "matches": [],
        "match_notes": [],
    }
    _chart(found, "hexagon", charts.riasec_hexagon(profile))
    if not profile.complete:
        out["unfinished"] = TEXT["incomplete"].format(
            areas=", ".join(interests.TYPE_NAMES[x] for x in profile.incomplete)
        )
        return out
    if profile.flat:
        out["flat"] = TEXT["flat"]
        return out
    ties = interests.holland_ties(profile)
    out["code"] = ties.code_text()
    out["code_intro"] = TEXT["code_intro"].format(
        names=", ".join(
            " = ".join(interests.TYPE_NAMES[x] for x in group)
            for group in interests.top_groups(profile.scores)
        )
    )
    if profile.ties:
        out["ties"] = TEXT["code_ties"].format(
            ties="; ".join(" = ".join(t) for t in profile.ties),
            others=interests.codes_text(ties.codes[1:]) or profile.code,
        )
    if profile.complete:
        spread = interests.differentiation(profile)
        share = spread / profile.max_score if profile.max_score else 0.0
        meaning = (
            TEXT["differentiation_high"]
            if share >= 0.5
            else TEXT["differentiation_mid"]
            if share >= 0.25
            else TEXT["differentiation_low"]
        )
        out["consistency"] = ties.consistency_text()
        out["differentiation"] = TEXT["differentiation_text"].format(
            spread=round(spread, 1), max=profile.max_score, meaning=meaning
        )
    matches = computed.matches(job_zones="saved", top=TOP_MATCHES)
    if matches is None:
        out["match_notes"] = [computed.problems.get("matches", "")]
        return out
    out["match_notes"] = list(matches.attrs.get("notes", []))
    if matches.attrs.get("suggestions"):
        out["match_notes"].append(
            TEXT["explore"].format(suggestions=" ".join(matches.attrs["suggestions"]))
        )
    out["matches"] = [
        {
            "title": row.title,
            "soc_code": row.soc_code,
            "job_zone": TEXT["zone_unknown"] if pd.isna(row.job_zone) else str(int(row.job_zone)),
            "fit": f"{row.fit:.2f}",
            "band": row.band,
            "why": row.why,
        }
        for row in table_rows(matches)
    ]
    if not matches.empty:
        _chart(found, "fit", charts.fit_chart(matches))
    if section.selected_title:
        out["chosen"] = TEXT["chosen_occupation"].format(title=section.selected_title)
    return out


# --------------------------------------------------------------------------- skills


def _skills(wb: Any, found: list[Chart], extractor: Any) -> dict[str, Any]:
    section = wb.skills
    if not (section.target_soc_code or section.target_title or section.postings or section.ratings):
        return {"done": False, "message": TEXT["skills_not_done"]}
    out: dict[str, Any] = {
        "done": True,
        "target": TEXT["target"].format(title=section.target_title or section.target_soc_code)
        if (section.target_title or section.target_soc_code)
        else TEXT["no_target"],
        "target_code": TEXT["target_code"].format(soc_code=section.target_soc_code)
        if section.target_soc_code
        else "",
        "postings": [
            {
                "title": p.title or TEXT["none"],
                "company": p.company,
                "illustrative": p.illustrative,
            }
            for p in section.postings
        ],
        "requirements": [],
        "onet": [],
        "posting_gaps": [],
        "strengths": [],
        "notes": [],
    }
    computed = results(wb, extractor=extractor)
    required = computed.posting_needs
    errors = [computed.problems[k] for k in ("needs", "postings") if k in computed.problems]
    if required is not None:
        n_postings = required.attrs.get("n_postings", len(section.postings))
        out["requirements"] = [
            {
                "label": r.label,
                "kind": r.kind,
                "postings": f"{r.postings} of {n_postings}",
                "required": f"{r.required_share:.0%}",
            }
            for r in table_rows(required.head(TOP_REQUIREMENTS))
        ]
        out["requirements_checked"] = True
    table = computed.gap()
    if "gap" in computed.problems:
        errors.append(computed.problems["gap"])
    out["notes"] = errors
    if table is None:
        return out
    out["notes"] += list(table.notes)
    if table.unrated:
        out["notes"].append(TEXT["unrated"].format(n=len(table.unrated)))
    out["gap_empty"] = table.empty
    out["onet"] = [
        {
            "name": r.element_name,
            "rating": str(int(r.rating)),
            "level": skills.format_level(r.level),  # one scale: both on O*NET's 0–7
            "need": skills.format_level(r.need_level),
            "priority": f"{r.priority:.2f}",
        }
        for r in table_rows(table.onet.head(TOP_GAPS))
    ]
    out["posting_gaps"] = [
        {
            "label": r.label,
            "kind": r.kind,
            "share": f"{r.share:.0%}",
            "priority": f"{r.priority:.2f}",
        }
        for r in table_rows(table.postings.head(TOP_GAPS))
    ]
    out["strengths"] = [
        {
            "name": r.element_name,
            "rating": str(int(r.rating)),
            "level": skills.format_level(r.level),
            "need": skills.format_level(r.need_level),
        }
        for r in table_rows(table.strengths.head(TOP_GAPS))
    ]
    if not table.held.empty:
        out["held"] = TEXT["held"].format(skills=", ".join(table.held["label"].astype(str)))
    if not table.empty:
        _chart(found, "gap", charts.gap_chart(table))
        if not table.onet.empty and not table.postings.empty:
            _chart(found, "gap_postings", charts.gap_chart(table, source="postings"))
    return out


# --------------------------------------------------------------------------- goals


def _goal(n: int, goal: goals.Goal, section: Any, today: date, check: Any = None
          ) -> dict[str, Any]:
    if check is None:
        check = goals.check_smart(
            goal, today, horizons=section.horizons, term_calendar=section.term_calendar
        )
    letters = []
    for letter, name in TEXT["smart_letters"].items():
        value = check.scores.get(letter)
        letters.append(
            {
                "letter": letter,
                "name": name,
                "score": TEXT["smart_not_judged"]
                if value is None
                else TEXT["smart_score"].format(score=value),
                "suggestion": check.suggestions.get(letter, ""),
            }
        )
    measure = " — ".join(x for x in (goal.measure.what, goal.measure.target) if x.strip())
    links = [goal.links.target_title, goal.links.interest_code, *goal.links.gap_skills]
    return {
        "number": n,
        "heading": TEXT["goal"].format(n=n),
        "text": goal.text,
        "draft": goal.draft,
        "facts": [
            (TEXT["goal_type"], goal.category.value if goal.category else TEXT["none"]),
            (
                TEXT["goal_horizon"],
                HORIZON_WORDS.get(goal.horizon.value, goal.horizon.value)
                if goal.horizon
                else TEXT["none"],
            ),
            (TEXT["goal_start"], _day(goal.start)),
            (TEXT["goal_deadline"], _day(goal.deadline or check.deadline)),
            (
                TEXT["goal_status"],
                STATUS_WORDS.get(goal.status.value, goal.status.value)
                + " · "
                + TEXT["goal_progress"].format(percent=goal.percent_complete),
            ),
            (
                TEXT["goal_confidence"],
                TEXT["goal_confidence_value"].format(value=goal.confidence)
                if goal.confidence is not None
                else TEXT["none"],
            ),
        ],
        "measure": measure,
        "why": goal.why,
        "resources": [r for r in goal.resources if r.strip()],
        "supporters": [s for s in goal.supporters if s.strip()],
        "obstacles": [(o.obstacle, o.strategy) for o in goal.obstacles],
        "steps": [s.text for s in goal.action_steps],
        "links": [x for x in links if x],
        "verdict": TEXT["smart"].format(verdict=check.verdict),
        "verdict_key": check.verdict.replace(" ", "-").lower(),
        "letters": letters,
        "milestones": [
            {
                "title": m.title,
                "due": _day(m.due),
                "done": m.done_on.isoformat() if m.done_on else TEXT["not_done_yet"],
            }
            for m in goal.milestones
        ],
        "comments": [{"text": c.text, "by": _by(c.author, c.at)} for c in goal.counselor_comments],
    }


def _goals(wb: Any, found: list[Chart], today: date) -> dict[str, Any]:
    section = wb.goals
    out: dict[str, Any] = {
        "interview": section.interview_answer,
        "goals": [],
    }
    if not section.goals:
        out.update(done=False, message=TEXT["goals_not_done"])
        return out
    out["done"] = True
    checks = results(wb, today=today).smart  # the same checks the screens and cohort show
    out["goals"] = [
        _goal(n, g, section, today, checks.get(g.id))
        for n, g in enumerate(section.goals, start=1)
    ]
    _chart(
        found,
        "timeline",
        charts.goal_timeline(section.goals, today=today, horizons=section.horizons),
    )
    return out


# --------------------------------------------------------------------------- all of it


def build(
    wb: Any, *, today: date | None = None, now: datetime | None = None, extractor: Any = None
) -> Content:
    """Work out everything the report shows for ``wb`` (figures included, not yet drawn)."""
    from careerkit import __version__

    now = now or datetime.now(UTC)
    today = today or now.date()
    found: list[Chart] = []
    content = Content(
        pseudonym=wb.participant.pseudonym,
        workshop=wb.participant.workshop,
        today=today,
        generated=_when(now),
        updated=_when(wb.updated_at),
        interests=_interests(wb, found),
        skills=_skills(wb, found, extractor),
        goals=_goals(wb, found, today),
        notes=wb.notes,
        comments=[
            {"text": c.text, "about": c.about, "by": _by(c.author, c.time)}
            for c in wb.counselor_comments
        ],
        credit=datasets.credit().splitlines(),
        notice=datasets.NOT_FOR_SELECTION,
        version=__version__,
    )
    from careerkit.report._extra import past_job_section, values_section

    content.values = values_section(wb, found)
    content.past_job = past_job_section(wb)
    content.charts = found
    return content
