"""Screens for the skills step: target role, postings, evidence, self-ratings and the gap.

Each screen takes a :class:`careerkit.Workbook`, writes what the person does into
``wb.skills`` (and draft goals into ``wb.goals``) and saves at once. :class:`SkillsStep` builds
them all and keeps them in step with each other (a new target role refreshes the rater and the
gap; new postings refresh the requirements, the evidence and the gap). Widgets are attributes so
tests can set values and click buttons without a browser.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import pandas as pd
from IPython.display import display

from careerkit import charts, datasets, interests, skills
from careerkit.errors import CareerkitError

__all__ = [
    "EvidenceView",
    "GapView",
    "PostingsPanel",
    "RequirementsView",
    "SkillRater",
    "SkillsSession",
    "SkillsStep",
    "TargetRolePanel",
    "evidence_html",
]

#: Every user-facing text of this module, in one place for translation.
TEXT = {
    "target_heading": "1. Your target role",
    "matches": "Your matches",
    "matches_none": "(no matches yet — finish the interests step, or search below)",
    "use_match": "Use this match",
    "search": "Search roles",
    "search_placeholder": "part of a job title or a keyword, e.g. nurse or Python",
    "search_button": "Search",
    "results": "Roles found",
    "use_result": "Choose this role",
    "no_results": "No role matched “{query}”. Try a shorter word or another spelling.",
    "current_none": "No target role chosen yet.",
    "current": "Your target role: <b>{title}</b> ({soc_code}).",
    "current_rated": (
        " O*NET lists {n} skills and knowledge areas for it; you will rate {k} of them."
    ),
    "current_unrated": (
        " O*NET has no skill ratings for this role, so your gap will come from job postings "
        "alone. Related roles that do have ratings: {alternatives}."
    ),
    "role_option": "{title} ({soc_code})",
    "match_option": "{title} ({soc_code}) – {band} fit",
    "postings_heading": "2. Job postings for this role",
    "paste": "Paste a posting",
    "paste_placeholder": "Paste the whole text of one job posting here (title on the first line).",
    "add_pasted": "Add this posting",
    "upload": "Upload postings file",
    "use_samples": "Add the sample postings",
    "samples_note": (
        "Sample postings are illustrative: written by the careerkit authors for practice, not "
        "real vacancies."
    ),
    "sample_role": "Samples for",
    "your_postings": "Your postings",
    "remove": "Remove selected posting",
    "no_postings": "No postings yet: paste one, upload a file, or add the sample postings.",
    "added": "Added {n} posting(s) from {source}.",
    "too_many": (
        " The workbook keeps at most {limit} postings, so only the first {kept} were added."
    ),
    "skipped_rows": " Rows without a description were left out: {rows}.",
    "removed": "Removed “{title}”.",
    "sample_label": "{title} (illustrative sample)",
    "requirements_heading": "3. What the postings ask for",
    "held_intro": "Tick the skills you already have:",
    "no_requirements": "No skills found yet. Add postings above.",
    "evidence_heading": "Where each skill was found",
    "evidence_choice": "Show posting",
    "evidence_legend": (
        "Highlighted words are the skills found; bold ones are asked for as required. Hover "
        "over a highlight to see the skill."
    ),
    "rater_heading": "4. Rate yourself",
    "rater_intro": (
        "For each skill or knowledge area the role needs most, choose how well you can do it "
        "today. Be honest: this is for you, not a test."
    ),
    "rater_none": "Choose a target role first.",
    "rater_unrated": (
        "O*NET has no skill ratings for this role, so there is nothing to rate here. Your gap "
        "comes from the postings: tick the skills you have in step 3."
    ),
    "scale_heading": "What the numbers mean",
    "gap_heading": "5. Your skills gap",
    "gap_refresh": "Show my gap",
    "make_goals": "Make these draft goals",
    "goals_made": (
        "{n} draft goal(s) added to your goals step: {skills}. You can change them there."
    ),
    "goals_none": "There is no gap to turn into goals yet.",
    "goals_exist": "Draft goals for these skills are already in your goals step.",
    "col_skill": "Skill or knowledge",
    "col_you": "You (1–5)",
    "col_need": "Needed (O*NET level 0–7)",
    "col_priority": "Priority",
    "col_share": "Asked for in",
    "onet_table": "Compared with O*NET",
    "postings_table": "Asked for in the postings, and you do not have yet",
    "strengths_table": "Your strengths (above what the role needs)",
    "unrated_note": "{n} item(s) not rated yet; rate them in step 4 for a full picture.",
    "unknown_error": "Something went wrong: {error}",
}

#: How many postings one workbook keeps (its file stays small enough to share by e-mail).
MAX_POSTINGS = 100
#: How many posting skills are offered as "I have this" boxes.
MAX_HELD_CHOICES = 30
_WIDE = widgets.Layout(width="95%")
_LABEL_STYLE = {"description_width": "initial"}


def _message(area: widgets.HTML, text: str, error: bool = False) -> None:
    colour = "#B00020" if error else "#1B5E20"
    area.value = f'<p role="status" style="color:{colour}">{html.escape(text)}</p>' if text else ""


def _heading(text: str) -> widgets.HTML:
    return widgets.HTML(f"<h3>{html.escape(text)}</h3>")


class _Screen:
    widget: widgets.Widget

    def _ipython_display_(self) -> None:
        display(self.widget)


# --------------------------------------------------------------------------- shared state


class SkillsSession:
    """What the skills screens share: the workbook, one extractor, cached requirements.

    ``extractor`` defaults to ``SkillExtractor(Taxonomy.default())``, built on first use.
    """

    def __init__(self, wb: Any, extractor: Any = None) -> None:
        self.wb = wb
        self._extractor = extractor
        self._cache: tuple[tuple[str, ...], pd.DataFrame] | None = None
        self.listeners: dict[str, list[Callable[[], None]]] = {
            "target": [],
            "postings": [],
            "held": [],
            "ratings": [],
        }

    @property
    def extractor(self) -> Any:
        if self._extractor is None:
            self._extractor = skills.SkillExtractor(skills.Taxonomy.default())
        return self._extractor

    def save(self, event: str) -> None:
        """Save the workbook, then tell the screens that depend on ``event``."""
        self.wb.save()
        for listener in self.listeners[event]:
            listener()

    def requirements(self) -> pd.DataFrame | None:
        posts = self.wb.skills.postings
        if not posts:
            return None
        key = tuple(f"{p.id}:{len(p.description)}" for p in posts)
        if self._cache is None or self._cache[0] != key:
            frame = skills.postings_from_records(posts)
            self._cache = (key, skills.requirements(frame, self.extractor))
        return self._cache[1]

    def occupation_need(self) -> pd.DataFrame | None:
        code = self.wb.skills.target_soc_code
        return skills.occupation_requirements(code) if code else None


# --------------------------------------------------------------------------- target role


class TargetRolePanel(_Screen):
    """Choose the target role: from the interest matches, or by searching titles and keywords."""

    def __init__(self, wb: Any, session: SkillsSession | None = None) -> None:
        self.session = session or SkillsSession(wb)
        self.wb = wb
        self.matches = widgets.Dropdown(
            description=TEXT["matches"], style=_LABEL_STYLE, layout=_WIDE
        )
        self.use_match = widgets.Button(description=TEXT["use_match"])
        self.search = widgets.Text(
            description=TEXT["search"],
            style=_LABEL_STYLE,
            placeholder=TEXT["search_placeholder"],
            layout=_WIDE,
            continuous_update=False,
        )
        self.search_button = widgets.Button(description=TEXT["search_button"])
        self.results = widgets.Select(
            description=TEXT["results"], style=_LABEL_STYLE, layout=_WIDE, rows=6
        )
        self.use_result = widgets.Button(description=TEXT["use_result"])
        self.current = widgets.HTML()
        self.message = widgets.HTML()
        self.use_match.on_click(lambda _: self._choose(self.matches.value, "interests"))
        self.search_button.on_click(lambda _: self._search())
        self.search.observe(lambda _: self._search(), names="value")
        self.use_result.on_click(lambda _: self._choose(self.results.value, "search"))
        self.widget = widgets.VBox(
            [
                _heading(TEXT["target_heading"]),
                self.current,
                widgets.HBox([self.matches, self.use_match]),
                widgets.HBox([self.search, self.search_button]),
                self.results,
                self.use_result,
                self.message,
            ]
        )
        self._load_matches()
        self._show_current()

    def _titles(self) -> pd.Series:
        return datasets.occupations().set_index("soc_code")["title"]

    def _load_matches(self) -> None:
        options: list[tuple[str, str]] = []
        answers = self.wb.interests
        try:
            if answers.responses:
                profile = interests.score(answers.responses)
                if profile.complete and not profile.flat:
                    found = interests.match_occupations(
                        profile, job_zones=answers.job_zones or None, top=20
                    )
                    options = [
                        (
                            TEXT["match_option"].format(
                                title=r.title, soc_code=r.soc_code, band=r.band
                            ),
                            r.soc_code,
                        )
                        for r in found.itertuples(index=False)
                    ]
        except CareerkitError:
            options = []
        chosen = answers.selected_soc_code
        if chosen and chosen not in {v for _, v in options}:
            title = self._titles().get(chosen, answers.selected_title or chosen)
            options.insert(0, (TEXT["role_option"].format(title=title, soc_code=chosen), chosen))
        if options:
            self.matches.options = options
            self.matches.value = chosen if chosen else options[0][1]
            self.matches.disabled = self.use_match.disabled = False
        else:
            self.matches.options = [(TEXT["matches_none"], None)]
            self.matches.disabled = self.use_match.disabled = True

    def _search(self) -> None:
        query = self.search.value
        if not query.strip():
            return
        try:
            found = skills.find_roles(query)
        except CareerkitError as exc:
            _message(self.message, str(exc), error=True)
            return
        self.results.options = [
            (TEXT["role_option"].format(title=r.title, soc_code=r.soc_code), r.soc_code)
            for r in found.itertuples(index=False)
        ]
        if found.empty:
            _message(self.message, TEXT["no_results"].format(query=query.strip()), error=True)
        else:
            self.results.value = found.loc[0, "soc_code"]
            _message(self.message, "")

    def _choose(self, soc_code: str | None, how: str) -> None:
        if not soc_code:
            return
        section = self.wb.skills
        section.target_soc_code = soc_code
        section.target_title = str(self._titles().get(soc_code, ""))
        section.target_source = how
        _message(self.message, "")
        self._show_current()
        self.session.save("target")

    def _show_current(self) -> None:
        code = self.wb.skills.target_soc_code
        if not code:
            self.current.value = f"<p>{html.escape(TEXT['current_none'])}</p>"
            return
        try:
            need = skills.occupation_requirements(code)
        except CareerkitError as exc:
            _message(self.message, str(exc), error=True)
            return
        text = TEXT["current"].format(
            title=html.escape(need.attrs["title"] or code), soc_code=html.escape(code)
        )
        if need.attrs["rated"]:
            text += html.escape(
                TEXT["current_rated"].format(n=len(need), k=len(skills.items_to_rate(need)))
            )
        else:
            alternatives = skills.rated_alternatives(code)
            names = ", ".join(f"{r.title} ({r.soc_code})" for r in alternatives.itertuples())
            text += html.escape(TEXT["current_unrated"].format(alternatives=names or "none"))
        self.current.value = f"<p>{text}</p>"


# --------------------------------------------------------------------------- postings


class PostingsPanel(_Screen):
    """Bring postings: paste one, upload a file, or add the illustrative sample postings."""

    def __init__(self, wb: Any, session: SkillsSession | None = None) -> None:
        self.session = session or SkillsSession(wb)
        self.wb = wb
        self.paste = widgets.Textarea(
            description=TEXT["paste"],
            style=_LABEL_STYLE,
            placeholder=TEXT["paste_placeholder"],
            layout=widgets.Layout(width="95%", height="12em"),
        )
        self.add_pasted = widgets.Button(description=TEXT["add_pasted"])
        self.upload = widgets.FileUpload(
            description=TEXT["upload"],
            multiple=False,
            accept=".csv,.tsv,.txt,.json,.jsonl,.parquet,.xlsx",
            layout=widgets.Layout(width="auto"),
        )
        roles = skills.sample_roles()
        self.sample_role = widgets.Dropdown(
            description=TEXT["sample_role"],
            style=_LABEL_STYLE,
            options=[(f"{r.title} ({r.soc_code})", r.soc_code) for r in roles.itertuples()],
        )
        self.use_samples = widgets.Button(
            description=TEXT["use_samples"], layout=widgets.Layout(width="auto")
        )
        self.posting_list = widgets.Select(
            description=TEXT["your_postings"], style=_LABEL_STYLE, layout=_WIDE, rows=6
        )
        self.remove = widgets.Button(
            description=TEXT["remove"], layout=widgets.Layout(width="auto")
        )
        self.message = widgets.HTML()
        self.add_pasted.on_click(lambda _: self._add_pasted())
        self.upload.observe(lambda _: self._add_uploaded(), names="value")
        self.use_samples.on_click(lambda _: self._add_samples())
        self.remove.on_click(lambda _: self._remove())
        self.session.listeners["target"].append(self._follow_target)
        self.widget = widgets.VBox(
            [
                _heading(TEXT["postings_heading"]),
                self.paste,
                self.add_pasted,
                self.upload,
                widgets.HTML(f"<p><i>{html.escape(TEXT['samples_note'])}</i></p>"),
                widgets.HBox([self.sample_role, self.use_samples]),
                self.posting_list,
                self.remove,
                self.message,
            ]
        )
        self._follow_target()
        self._show_list()

    def _follow_target(self) -> None:
        code = self.wb.skills.target_soc_code
        if code in {v for _, v in self.sample_role.options}:
            self.sample_role.value = code

    def _show_list(self) -> None:
        posts = self.wb.skills.postings
        self.posting_list.options = [
            (
                TEXT["sample_label"].format(title=p.title)
                if p.illustrative
                else f"{p.title or '(untitled)'} – {p.source}",
                p.id,
            )
            for p in posts
        ]
        self.remove.disabled = not posts
        if not posts:
            _message(self.message, TEXT["no_postings"])

    def _add(self, frame: pd.DataFrame, source: str, illustrative: bool = False) -> None:
        room = MAX_POSTINGS - len(self.wb.skills.postings)
        kept = frame.head(max(0, room))
        for row in kept.itertuples(index=False):
            self.wb.skills.postings.append(
                skills.Posting(
                    id=uuid.uuid4().hex,
                    title=row.title,
                    description=row.description,
                    company=row.company,
                    source=source,
                    illustrative=illustrative,
                )
            )
        text = TEXT["added"].format(n=len(kept), source=source)
        if len(kept) < len(frame):
            text += TEXT["too_many"].format(limit=MAX_POSTINGS, kept=len(kept))
        if frame.attrs.get("skipped_rows"):
            text += TEXT["skipped_rows"].format(
                rows=", ".join(str(r) for r in frame.attrs["skipped_rows"][:20])
            )
        self._show_list()
        _message(self.message, text)
        self.session.save("postings")

    def _add_pasted(self) -> None:
        try:
            frame = skills.postings_from_text(self.paste.value)
        except CareerkitError as exc:
            _message(self.message, str(exc), error=True)
            return
        self._add(frame, "pasted")
        self.paste.value = ""

    def _add_uploaded(self) -> None:
        files = self.upload.value
        if not files:
            return
        # Clear the control so the same file can be chosen again after a fix.
        self.upload.value = ()
        for item in files:
            name = item.get("name", "upload")
            try:
                frame = skills.postings_from_bytes(bytes(item["content"]), name)
            except CareerkitError as exc:
                _message(self.message, str(exc), error=True)
                continue
            self._add(frame, name)

    def _add_samples(self) -> None:
        code = self.sample_role.value
        frame = skills.sample_postings(code)
        self._add(frame, "careerkit samples (illustrative)", illustrative=True)

    def _remove(self) -> None:
        chosen = self.posting_list.value
        posts = self.wb.skills.postings
        gone = next((p for p in posts if p.id == chosen), None)
        if gone is None:
            return
        posts.remove(gone)
        self._show_list()
        _message(self.message, TEXT["removed"].format(title=gone.title))
        self.session.save("postings")


# --------------------------------------------------------------------------- requirements


class RequirementsView(_Screen):
    """What the postings ask for (chart), and boxes to tick the skills the person has."""

    def __init__(self, wb: Any, session: SkillsSession | None = None) -> None:
        self.session = session or SkillsSession(wb)
        self.wb = wb
        self.chart = widgets.Output()
        self.figure = None
        self.held: dict[str, widgets.Checkbox] = {}
        self.held_box = widgets.VBox()
        self.message = widgets.HTML()
        self.session.listeners["postings"].append(self.refresh)
        self.widget = widgets.VBox(
            [_heading(TEXT["requirements_heading"]), self.chart, self.held_box, self.message]
        )
        self.refresh()

    def refresh(self) -> None:
        try:
            req = self.session.requirements()
        except CareerkitError as exc:
            _message(self.message, str(exc), error=True)
            return
        self.chart.clear_output()
        if req is None or req.empty:
            self.figure = None
            self.held = {}
            self.held_box.children = ()
            _message(self.message, TEXT["no_requirements"])
            return
        _message(self.message, "")
        self.figure = charts.requirements_chart(req)
        with self.chart:
            display(self.figure)
        have = set(self.wb.skills.skills_held)
        self.held = {}
        for row in req.head(MAX_HELD_CHOICES).itertuples(index=False):
            box = widgets.Checkbox(
                value=row.skill_id in have,
                indent=False,
                description=f"{row.label} ({row.postings} of {req.attrs['n_postings']})",
            )
            box.observe(
                lambda change, sid=row.skill_id: self._tick(sid, change["new"]), names="value"
            )
            self.held[row.skill_id] = box
        self.held_box.children = (
            widgets.HTML(f"<p>{html.escape(TEXT['held_intro'])}</p>"),
            *self.held.values(),
        )

    def _tick(self, skill_id: str, value: bool) -> None:
        held = self.wb.skills.skills_held
        if value and skill_id not in held:
            held.append(skill_id)
        elif not value and skill_id in held:
            held.remove(skill_id)
        self.session.save("held")


def evidence_html(text: str, matches: list[Any]) -> str:
    """The posting as HTML with each skill match wrapped in ``<mark>`` (required ones also in
    ``<strong>``), every piece of the posting escaped. Overlapping matches keep the first."""
    parts = ['<div style="white-space: pre-wrap; line-height: 1.5">']
    pos = 0
    for match in sorted(matches, key=lambda m: (m.start, -m.end)):
        if match.start < pos or match.end <= match.start:
            continue
        parts.append(html.escape(text[pos : match.start]))
        tip = html.escape(f"{match.label} ({match.strength})", quote=True)
        inner = html.escape(text[match.start : match.end])
        if match.strength == "required":
            inner = f"<strong>{inner}</strong>"
        parts.append(f'<mark title="{tip}">{inner}</mark>')
        pos = match.end
    parts.append(html.escape(text[pos:]))
    parts.append("</div>")
    return "".join(parts)


class EvidenceView(_Screen):
    """One posting with the skills found in it highlighted, so the person can check them."""

    def __init__(self, wb: Any, session: SkillsSession | None = None) -> None:
        self.session = session or SkillsSession(wb)
        self.wb = wb
        self.choice = widgets.Dropdown(
            description=TEXT["evidence_choice"], style=_LABEL_STYLE, layout=_WIDE
        )
        self.text = widgets.HTML()
        self.message = widgets.HTML()
        self.choice.observe(lambda _: self._show(), names="value")
        self.session.listeners["postings"].append(self.refresh)
        self.widget = widgets.VBox(
            [
                _heading(TEXT["evidence_heading"]),
                widgets.HTML(f"<p>{html.escape(TEXT['evidence_legend'])}</p>"),
                self.choice,
                self.text,
                self.message,
            ]
        )
        self.refresh()

    def refresh(self) -> None:
        posts = self.wb.skills.postings
        current = self.choice.value
        self.choice.options = [(p.title or "(untitled)", p.id) for p in posts]
        if not posts:
            self.text.value = ""
            return
        ids = [p.id for p in posts]
        # Keep the posting on show when it is still there; otherwise show the newest one.
        self.choice.value = current if current in ids else ids[-1]
        self._show()

    def _show(self) -> None:
        post = next((p for p in self.wb.skills.postings if p.id == self.choice.value), None)
        if post is None:
            return
        try:
            found = self.session.extractor.extract(post.description, employer=post.company or None)
        except CareerkitError as exc:
            _message(self.message, str(exc), error=True)
            return
        self.text.value = evidence_html(post.description, found)


# --------------------------------------------------------------------------- self-ratings


class SkillRater(_Screen):
    """One labelled 1–5 control per O*NET item the target role needs most (importance ≥ 3)."""

    def __init__(self, wb: Any, session: SkillsSession | None = None) -> None:
        self.session = session or SkillsSession(wb)
        self.wb = wb
        self.controls: dict[str, widgets.ToggleButtons] = {}
        self.items = widgets.VBox()
        self.message = widgets.HTML()
        scale = "".join(
            f"<li><b>{n}</b> – {html.escape(text)}</li>" for n, text in skills.RATING_SCALE.items()
        )
        self.scale = widgets.HTML(
            f"<p>{html.escape(TEXT['rater_intro'])}</p>"
            f"<p><b>{html.escape(TEXT['scale_heading'])}</b></p><ul>{scale}</ul>"
        )
        self.session.listeners["target"].append(self.refresh)
        self.widget = widgets.VBox(
            [_heading(TEXT["rater_heading"]), self.scale, self.items, self.message]
        )
        self.refresh()

    def refresh(self) -> None:
        self.controls = {}
        self.items.children = ()
        try:
            need = self.session.occupation_need()
        except CareerkitError as exc:
            _message(self.message, str(exc), error=True)
            return
        if need is None:
            _message(self.message, TEXT["rater_none"])
            return
        if need.empty:
            _message(self.message, TEXT["rater_unrated"])
            return
        _message(self.message, "")
        ratings = self.wb.skills.ratings
        tips = list(skills.RATING_SCALE.values())
        for row in skills.items_to_rate(need).itertuples(index=False):
            control = widgets.ToggleButtons(
                options=[(str(n), n) for n in skills.RATING_SCALE],
                value=ratings.get(row.element_id),
                description=row.element_name,
                tooltips=tips,
                style={"description_width": "16em", "button_width": "3em"},
            )
            control.observe(
                lambda change, eid=row.element_id: self._rate(eid, change["new"]), names="value"
            )
            self.controls[row.element_id] = control
        self.items.children = tuple(self.controls.values())

    def _rate(self, element_id: str, value: int | None) -> None:
        if value is None:
            self.wb.skills.ratings.pop(element_id, None)
        else:
            self.wb.skills.ratings[element_id] = int(value)
        self.session.save("ratings")


# --------------------------------------------------------------------------- the gap


def _table(title: str, header: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return ""
    head = "".join(f'<th scope="col" style="text-align:left">{html.escape(h)}</th>' for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return (
        f"<table><caption style='text-align:left'><b>{html.escape(title)}</b></caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


class GapView(_Screen):
    """The ranked gap (tables and chart) and a button that turns the top gaps into draft goals."""

    def __init__(self, wb: Any, session: SkillsSession | None = None, top: int = 10) -> None:
        self.session = session or SkillsSession(wb)
        self.wb = wb
        self.top = top
        self.table: skills.GapTable | None = None
        self.figure = None
        self.refresh_button = widgets.Button(description=TEXT["gap_refresh"])
        self.tables = widgets.HTML()
        self.chart = widgets.Output()
        self.make_goals = widgets.Button(
            description=TEXT["make_goals"], layout=widgets.Layout(width="auto")
        )
        self.message = widgets.HTML()
        self.refresh_button.on_click(lambda _: self.refresh())
        self.make_goals.on_click(lambda _: self._make_goals())
        for event in ("target", "postings", "held", "ratings"):
            self.session.listeners[event].append(self.refresh)
        self.widget = widgets.VBox(
            [
                _heading(TEXT["gap_heading"]),
                self.refresh_button,
                self.chart,
                self.tables,
                self.make_goals,
                self.message,
            ]
        )
        self.refresh()

    def compute(self) -> skills.GapTable:
        """The gap from what the workbook holds now (ratings of items the role does not list,
        e.g. kept from an earlier target role, are left out rather than lost)."""
        need = self.session.occupation_need()
        ratings = dict(self.wb.skills.ratings)
        if need is not None and not need.empty:
            listed = set(need["element_id"])
            ratings = {k: v for k, v in ratings.items() if k in listed}
        else:
            ratings = {}
        return skills.gap(
            ratings, need, have=self.wb.skills.skills_held, posting_need=self.session.requirements()
        )

    def refresh(self) -> None:
        try:
            self.table = self.compute()
        except CareerkitError as exc:
            _message(self.message, str(exc), error=True)
            return
        table = self.table
        self.figure = charts.gap_chart(table)
        self.chart.clear_output()
        with self.chart:
            display(self.figure)
        onet_rows = [
            [r.element_name, str(r.rating), f"{r.need_level:.1f}", f"{r.priority:.2f}"]
            for r in table.onet.head(self.top).itertuples(index=False)
        ]
        posting_rows = [
            [r.label, f"{r.share:.0%}", f"{r.priority:.2f}"]
            for r in table.postings.head(self.top).itertuples(index=False)
        ]
        strength_rows = [
            [r.element_name, str(r.rating), f"{r.need_level:.1f}"]
            for r in table.strengths.head(self.top).itertuples(index=False)
        ]
        notes = list(table.notes)
        if table.unrated:
            notes.append(TEXT["unrated_note"].format(n=len(table.unrated)))
        self.tables.value = (
            "".join(f"<p>{html.escape(n)}</p>" for n in notes)
            + _table(
                TEXT["onet_table"],
                [TEXT["col_skill"], TEXT["col_you"], TEXT["col_need"], TEXT["col_priority"]],
                onet_rows,
            )
            + _table(
                TEXT["postings_table"],
                [TEXT["col_skill"], TEXT["col_share"], TEXT["col_priority"]],
                posting_rows,
            )
            + _table(
                TEXT["strengths_table"],
                [TEXT["col_skill"], TEXT["col_you"], TEXT["col_need"]],
                strength_rows,
            )
        )
        self.make_goals.disabled = table.empty
        _message(self.message, "")

    def _make_goals(self) -> None:
        from careerkit import goals
        from careerkit.goals.library import goals_from_gaps

        if self.table is None:
            self.refresh()
        drafts = skills.draft_goals(self.table, top=3) if self.table is not None else []
        if not drafts:
            _message(self.message, TEXT["goals_none"])
            return
        section = self.wb.skills
        section.draft_goals = [skills.DraftGoal(**d) for d in drafts]
        existing = {
            s.casefold() for g in self.wb.goals.goals if g.draft for s in g.links.gap_skills
        }
        new = [d for d in drafts if d["skill"].casefold() not in existing]
        made: list[goals.Goal] = []
        if new:
            made = goals_from_gaps(
                new,
                top=len(new),
                target_title=section.target_title,
                target_soc_code=section.target_soc_code or "",
            )
            self.wb.goals.goals.extend(made)
        self.wb.save()
        if made:
            _message(
                self.message,
                TEXT["goals_made"].format(n=len(made), skills=", ".join(d["skill"] for d in new)),
            )
        else:
            _message(self.message, TEXT["goals_exist"])


# --------------------------------------------------------------------------- the whole step


class SkillsStep(_Screen):
    """All skills screens over one workbook, kept in step with each other.

    Show them one by one (``step.target``, ``step.postings``, ``step.requirements``,
    ``step.evidence``, ``step.rater``, ``step.gap``) or all at once (``step.widget``).
    """

    def __init__(self, wb: Any, extractor: Any = None) -> None:
        self.session = SkillsSession(wb, extractor)
        self.target = TargetRolePanel(wb, self.session)
        self.postings = PostingsPanel(wb, self.session)
        self.requirements = RequirementsView(wb, self.session)
        self.evidence = EvidenceView(wb, self.session)
        self.rater = SkillRater(wb, self.session)
        self.gap = GapView(wb, self.session)
        self.widget = widgets.VBox(
            [
                s.widget
                for s in (
                    self.target,
                    self.postings,
                    self.requirements,
                    self.evidence,
                    self.rater,
                    self.gap,
                )
            ]
        )
