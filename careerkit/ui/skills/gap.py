"""Self-ratings and the gap view (with the button that drafts goals)."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
from IPython.display import display

from careerkit import charts, skills
from careerkit._frames import table_rows
from careerkit.errors import CareerkitError, InputError
from careerkit.ui._screen import html_table
from careerkit.ui.skills._common import Screen, SkillsSession, message
from careerkit.ui.skills._text import TEXT


class SkillRater(Screen):
    """One labelled 1–5 control per O*NET item the target role needs most (importance ≥ 3)."""

    def __init__(self, wb: Any, session: SkillsSession | None = None) -> None:
        self.session = session or SkillsSession(wb)
        self.wb = wb
        self.controls: dict[str, widgets.RadioButtons] = {}
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
        self.widget = widgets.VBox([self.scale, self.items, self.message])
        self.refresh()

    def refresh(self) -> None:
        self.controls = {}
        self.items.children = ()
        try:
            need = self.session.occupation_need()
        except CareerkitError as exc:
            message(self.message, str(exc), error=True)
            return
        if need is None:
            message(self.message, TEXT["rater_none"])
            return
        if need.empty:
            message(self.message, TEXT["rater_unrated"])
            return
        # ratings borrowed from a related occupation (O*NET has none of its own): say so
        message(self.message, need.attrs.get("message", ""))
        ratings = self.wb.skills.ratings
        tips = list(skills.RATING_SCALE.values())
        items = skills.items_to_rate(need)
        for row in table_rows(items):
            # a radio group (arrow keys choose; the app names it by the skill), each answer
            # saying its number and meaning
            control = widgets.RadioButtons(
                options=[
                    (TEXT["rate_option"].format(n=n, tip=tip), n)
                    for n, tip in zip(skills.RATING_SCALE, tips, strict=True)
                ],
                value=ratings.get(row.element_id),
                description=row.element_name,
                orientation="horizontal",
                style={"description_width": "16em"},
                layout=widgets.Layout(width="auto", margin="0 0 8px 0"),
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


class GapView(Screen):
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
        #: the charts' text summaries, for people who cannot see the charts
        self.summary = widgets.HTML()
        self.figures: list = []
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
                self.refresh_button,
                self.chart,
                self.summary,
                self.tables,
                widgets.HBox([self.make_goals]),
                self.message,
            ]
        )
        self.refresh()

    def compute(self) -> skills.GapTable:
        """The gap from what the workbook holds now (ratings of items the role does not list,
        e.g. kept from an earlier target role, are left out rather than lost)."""
        self.session.occupation_need()  # a problem with the role raises in words
        self.session.requirements()  # … and one with the postings
        found = self.session.results()
        table = found.gap()
        if table is None:
            if "gap" in found.problems:
                raise InputError(found.problems["gap"])
            table = skills.gap({}, None, have=self.wb.skills.skills_held)  # nothing to compare
        return table

    def refresh(self) -> None:
        try:
            self.table = self.compute()
        except CareerkitError as exc:
            message(self.message, str(exc), error=True)
            return
        table = self.table
        figures = [charts.gap_chart(table)]
        if not table.onet.empty and not table.postings.empty:
            figures.append(charts.gap_chart(table, source="postings"))
        self.figure = figures[0]
        self.figures = figures
        self.chart.clear_output()
        with self.chart:
            for figure in figures:
                display(figure)
        self.summary.value = "".join(f"<p>{html.escape(charts.summary(f))}</p>" for f in figures)
        mark = TEXT["suppressed_mark"]
        onet_rows = [
            [
                r.element_name + (mark if r.suppress else ""),
                f"{skills.format_level(r.level)} ({r.rating} of 5)",
                skills.format_level(r.need_level),
                skills.level_anchor(r.element_id, r.need_level),
                f"{r.priority:.2f}",
            ]
            for r in table_rows(table.onet.head(self.top))
        ]
        posting_rows = [
            [r.label, f"{r.share:.0%}", f"{r.priority:.2f}"]
            for r in table_rows(table.postings.head(self.top))
        ]
        strength_rows = [
            [
                r.element_name + (mark if r.suppress else ""),
                f"{skills.format_level(r.level)} ({r.rating} of 5)",
                skills.format_level(r.need_level),
            ]
            for r in table_rows(table.strengths.head(self.top))
        ]
        notes = [TEXT["one_scale"], *table.notes]
        if table.onet["suppress"].any() or table.strengths["suppress"].any():
            notes.append(mark.strip() + " " + skills.SUPPRESS_CAUTION)
        if table.unrated:
            notes.append(TEXT["unrated_note"].format(n=len(table.unrated)))
        self.tables.value = (
            "".join(f"<p>{html.escape(n)}</p>" for n in notes)
            + html_table(
                [TEXT["col_skill"], TEXT["col_you"], TEXT["col_need"], TEXT["col_anchor"],
                 TEXT["col_priority"]],
                onet_rows,
                caption=TEXT["onet_table"],
            )
            + html_table(
                [TEXT["col_skill"], TEXT["col_share"], TEXT["col_priority"]],
                posting_rows,
                caption=TEXT["postings_table"],
            )
            + html_table(
                [TEXT["col_skill"], TEXT["col_you"], TEXT["col_need"]],
                strength_rows,
                caption=TEXT["strengths_table"],
            )
        )
        self.make_goals.disabled = table.empty
        message(self.message, "")

    def _make_goals(self) -> None:
        from careerkit import goals
        from careerkit.goals import goals_from_gaps

        if self.table is None:
            self.refresh()
        drafts = skills.draft_goals(self.table, top=3) if self.table is not None else []
        if not drafts:
            message(self.message, TEXT["goals_none"])
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
            message(
                self.message,
                TEXT["goals_made"].format(n=len(made), skills=", ".join(d["skill"] for d in new)),
            )
        else:
            message(self.message, TEXT["goals_exist"])
