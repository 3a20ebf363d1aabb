"""Screens for the interests step: the quiz and the results.

``InterestQuiz`` shows the inventory ten activities a page; every answer is written to
``wb.interests.responses`` and saved at once, and the page the person is on is saved too, so the
quiz resumes where they stopped (also after a kernel restart). ``InterestResults`` scores the
answers and shows the six scores, the Holland code in plain words, consistency and
differentiation, the hexagon, and occupations ranked by fit, filterable by Job Zone; choosing one
sets the target role for the skills step.

Every control is a standard ipywidgets control with a label (keyboard-usable); every sentence a
person reads is in ``TEXT`` below; user and data text shown as HTML is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import pandas as pd
from IPython.display import display

from careerkit import datasets
from careerkit._frames import table_rows
from careerkit.charts.interests import fit_chart, riasec_hexagon
from careerkit.charts.theme import summary as chart_summary
from careerkit.datasets import NOT_FOR_SELECTION
from careerkit.errors import CareerkitError
from careerkit.interests import (
    PLAIN_MEANING,
    RIASEC,
    TYPE_NAMES,
    InterestProfile,
    Inventory,
    differentiation,
    holland_ties,
    inventory_of,
    load_inventory,
    occupations_from_release,
)
from careerkit.results import results
from careerkit.ui._screen import Screen, debounced, say

__all__ = ["JOB_ZONE_MEANING", "TEXT", "InterestQuiz", "InterestResults"]

TEXT: dict[str, Any] = {
    "quiz_heading": "What kinds of work activities do you enjoy?",
    "quiz_intro": (
        "For each activity, choose how much you would like doing it as part of a job. Don't "
        "worry about whether you have the skills or training, or how much it pays: just how "
        "much you would enjoy it. There are no right or wrong answers. Your answers are saved "
        "as soon as you choose them."
    ),
    "scale": ["Strongly dislike", "Dislike", "Not sure", "Like", "Strongly like"],
    "scale_tips": [
        "I would strongly dislike this", "I would dislike this", "I am not sure or don't mind",
        "I would like this", "I would strongly like this",
    ],
    "tip_for": "{item}: {tip}",
    "progress": "Progress",
    "progress_text": "{answered} of {total} answered · page {page} of {pages}",
    "back": "Previous page",
    "next": "Next page",
    "finish": "Finish",
    "back_tip": "Go to the previous page of activities",
    "next_tip": "Go to the next page of activities",
    "finish_tip": "Finish the activities and see your results",
    "missing_on_page": (
        "{count} activities on this page are not answered yet. You can come back to them later; "
        "up to two per area may be left out."
    ),
    "finished": "All done! Scroll down to see your results.",
    "finished_missing": (
        "You have reached the end. {count} activities are still unanswered: answering them "
        "makes your results more accurate."
    ),
    "saved": "Saved.",
    "results_heading": "Your interest results",
    "refresh": "Show my results",
    "refresh_tip": "Score your answers and update the results below",
    "no_answers": "Answer the activities above first; your results will appear here.",
    "scores_heading": "Your scores",
    "score_row": "{name}",
    "score_of": "{score} of {max:g}",
    "code_heading": "Your Holland code: {code}",
    "code_intro": "Your three strongest interest areas, strongest first:",
    "code_intro_tied": (
        "Some of your scores are tied, so these areas could each be among your three strongest:"
    ),
    "suggestions": "Your answers do not point one way yet. Some things to try:",
    "by_zone": (
        "Strong and good fits in each Job Zone (choose the zones you are ready for first):"
    ),
    "code_ties": (
        "Some of your scores are equal ({ties}), so the order of these letters could also be "
        "{others}. The order shown is just for display."
    ),
    "consistency_heading": "Do your top two areas go together?",
    "differentiation_heading": "How clear are your preferences?",
    "differentiation_text": (
        "Your highest and lowest scores are {spread:g} points apart (out of {max:g}). {meaning}"
    ),
    "differentiation_high": (
        "That is a clear pattern: some kinds of work attract you much more than others."
    ),
    "differentiation_mid": (
        "You have some clear likes, and also several areas that interest you about equally."
    ),
    "differentiation_low": (
        "Your interests are quite even: many kinds of work could suit you, or you may still be "
        "discovering what you enjoy. Trying out activities and talking with people in different "
        "jobs can help."
    ),
    "zones_heading": "How much preparation are you ready for?",
    "zones_intro": (
        "O*NET groups occupations into five Job Zones by how much education, training and "
        "experience they usually need. Tick the zones you want to see (none ticked = all)."
    ),
    "zones_unavailable": (
        "These occupation data have no Job Zones, so the list cannot be filtered by preparation."
    ),
    "zone_box": "Zone {zone}",
    "matches_heading": "Occupations that fit your interests",
    "matches_table": ["Occupation", "Fit", "Job Zone", "Holland code", "Why"],
    "target_label": "Target role",
    "target_button": "Use as my target role",
    "target_tip": "Set this occupation as the role the skills step starts from",
    "target_set": (
        "Your target role is now <b>{title}</b>. The skills step will start from it; you can "
        "change it any time."
    ),
    "target_none": "Choose an occupation from the list first.",
    "target_current": "Current target role: <b>{title}</b>",
    "show_on_chart": "Compare on the chart",
}

#: What each Job Zone means, in our own words, from O*NET's Job Zone definitions (education,
#: training and experience usually needed).
JOB_ZONE_MEANING: dict[int, str] = {
    1: (
        "Little or no preparation: you can usually start without experience; training takes "
        "from a few days to a few months, often shown on the job by a co-worker."
    ),
    2: (
        "Some preparation: usually a high-school diploma (or equivalent) plus some work "
        "experience or up to a year of learning on the job."
    ),
    3: (
        "Medium preparation: vocational training, an apprenticeship or an associate's degree, "
        "and one or two years of related experience or training."
    ),
    4: (
        "Considerable preparation: most need a bachelor's degree and several years of related "
        "work experience."
    ),
    5: (
        "Extensive preparation: most need a graduate degree (such as a master's, a doctorate, "
        "or a medical or law degree) and often more than five years of experience."
    ),
}

_MESSAGE_STYLE = {
    "info": "color:#222222",
    "error": "color:#B00020;font-weight:bold",
    "ok": "color:#00634A",
}


def _esc(value: object) -> str:
    return html.escape(str(value), quote=False)


def _show(area: widgets.HTML, text: str, kind: str = "info", *, escape: bool = True) -> None:
    say(area, text, kind, markup=not escape)


def _inventory_for(wb: Any) -> Inventory:
    return inventory_of(wb.interests)  # the short form, a counselor's file or the bundled bank


class InterestQuiz(Screen):
    """The inventory, ten activities a page, saved answer by answer.

    Parameters
    ----------
    wb : Workbook
        Answers go to ``wb.interests.responses`` and the page to ``wb.interests.current_page``;
        each change is followed by ``wb.save()``.
    inventory : Inventory, optional
        Defaults to ``wb.interests.inventory_path`` if set, else the bundled bank.
    page_size : int
        Activities per page (10).

    Attributes
    ----------
    items : dict
        item_id → the ``RadioButtons`` of the activities on the current page.
    back, next : Button
    progress : IntProgress
    message : HTML
        Where confirmations and problems are shown.
    widget : VBox
        The screen.
    """

    def __init__(self, wb: Any, inventory: Inventory | None = None, page_size: int = 10) -> None:
        self.wb = wb
        self.message = widgets.HTML()
        self._finish_callbacks: list[Callable[[], None]] = []
        try:
            self.inventory = inventory if inventory is not None else _inventory_for(wb)
        except CareerkitError as exc:
            self.inventory = load_inventory()
            _show(self.message, str(exc), "error")
        self.pages = self.inventory.pages(page_size)
        self.items: dict[str, widgets.RadioButtons] = {}
        self.heading = widgets.HTML(
            f"<h3>{_esc(TEXT['quiz_heading'])}</h3><p>{_esc(TEXT['quiz_intro'])}</p>"
        )
        self.progress = widgets.IntProgress(
            value=0, min=0, max=len(self.inventory), description=TEXT["progress"],
            style={"description_width": "initial"},
        )
        self.progress_text = widgets.Label()
        self.back = widgets.Button(description=TEXT["back"], tooltip=TEXT["back_tip"],
                                   icon="arrow-left")
        self.next = widgets.Button(description=TEXT["next"], tooltip=TEXT["next_tip"],
                                   button_style="primary", icon="arrow-right")
        # a double click turns one page, not two
        self.back.on_click(debounced(lambda _b: self.go(self.page - 1)))
        self.next.on_click(debounced(lambda _b: self._next()))
        self.page_box = widgets.VBox()
        self.widget = widgets.VBox([
            self.heading,
            widgets.HBox([self.progress, self.progress_text]),
            self.page_box,
            widgets.HBox([self.back, self.next]),
            self.message,
        ])
        stored = int(getattr(wb.interests, "current_page", 0) or 0)
        self.page = -1
        self._render(min(max(stored, 0), len(self.pages) - 1))

    # -- state ------------------------------------------------------------------------------
    @property
    def responses(self) -> dict[str, int]:
        return self.wb.interests.responses

    @property
    def answered(self) -> int:
        known = set(self.inventory.item_ids)
        return sum(1 for k, v in self.responses.items() if k in known and v is not None)

    def on_finish(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` when the person presses Finish on the last page."""
        self._finish_callbacks.append(callback)

    # -- building the page ------------------------------------------------------------------
    def _toggle(self, number: int, item_id: str) -> widgets.RadioButtons:
        text = self.inventory.text_of(item_id)
        # A radio group: Tab reaches it, the arrow keys choose, a screen reader names the
        # activity and the chosen answer (the app's template names the group, see
        # careerkit/_voila); a double click cannot choose twice.
        toggle = widgets.RadioButtons(
            options=list(zip(TEXT["scale"], range(1, 6), strict=True)),
            value=self.responses.get(item_id),
            description=f"{number}. {text}",
            orientation="horizontal",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto", margin="0 0 12px 0"),
        )
        toggle.observe(lambda change, i=item_id: self._answer(i, change["new"]), names="value")
        return toggle

    def _render(self, page: int) -> None:
        self.page = page
        offset = sum(len(p) for p in self.pages[:page])
        self.items = {
            item_id: self._toggle(offset + n, item_id)
            for n, item_id in enumerate(self.pages[page], start=1)
        }
        self.page_box.children = tuple(self.items.values())
        last = page == len(self.pages) - 1
        self.back.disabled = page == 0
        self.next.description = TEXT["finish"] if last else TEXT["next"]
        self.next.tooltip = TEXT["finish_tip"] if last else TEXT["next_tip"]
        self._update_progress()

    def _update_progress(self) -> None:
        self.progress.value = self.answered
        self.progress_text.value = TEXT["progress_text"].format(
            answered=self.answered, total=len(self.inventory), page=self.page + 1,
            pages=len(self.pages),
        )

    # -- actions ----------------------------------------------------------------------------
    def _save(self) -> bool:
        try:
            self.wb.save()
        except CareerkitError as exc:
            _show(self.message, str(exc), "error")
            return False
        return True

    def _answer(self, item_id: str, value: int | None) -> None:
        if value is None:
            return
        self.wb.interests.responses[item_id] = int(value)
        self.wb.interests.inventory_id = self.inventory.inventory_id
        # The count first (the person sees the answer taken at once), then the save, whose
        # "Saved." or error follows in the message line.
        self._update_progress()
        if self._save():
            _show(self.message, TEXT["saved"], "ok")

    def go(self, page: int) -> None:
        """Show page ``page`` (0-based) and remember it in the workbook."""
        page = min(max(page, 0), len(self.pages) - 1)
        self.wb.interests.current_page = page
        self._save()
        self._render(page)
        _show(self.message, "")

    def _next(self) -> None:
        unanswered = [i for i in self.pages[self.page] if self.responses.get(i) is None]
        if self.page < len(self.pages) - 1:
            self.go(self.page + 1)
            if unanswered:
                _show(self.message, TEXT["missing_on_page"].format(count=len(unanswered)))
            return
        left = len(self.inventory) - self.answered
        if left:
            _show(self.message, TEXT["finished_missing"].format(count=left))
        else:
            _show(self.message, TEXT["finished"], "ok")
        for callback in self._finish_callbacks:
            callback()

    def _ipython_display_(self) -> None:
        display(self.widget)


class InterestResults(Screen):
    """Scores, Holland code, indices, hexagon and matching occupations, with a target choice.

    Parameters
    ----------
    wb : Workbook
    occupations : DataFrame or OnetRelease, optional
        Passed to :func:`careerkit.interests.match_occupations` (default: bundled O*NET data).
    quiz : InterestQuiz, optional
        When given, the results refresh when the person finishes the quiz.
    top : int
        How many occupations to list.

    Attributes
    ----------
    refresh_button : Button
    zone_boxes : dict
        Job Zone (1–5) → ``Checkbox``; ticking saves ``wb.interests.job_zones``.
    target : Dropdown
        The listed occupations; ``choose`` sets the chosen one as the target role.
    choose : Button
    message : HTML
    profile : InterestProfile or None
    matches : DataFrame or None
    hexagon_figure, fit_figure : go.Figure or None
    widget : VBox
    """

    def __init__(self, wb: Any, occupations: Any = None, quiz: InterestQuiz | None = None,
                 top: int = 15) -> None:
        self.wb = wb
        self.occupations = occupations
        self._frame: pd.DataFrame | None = None
        self.top = top
        self.profile: InterestProfile | None = None
        self.matches: pd.DataFrame | None = None
        self.hexagon_figure = None
        self.fit_figure = None
        self.message = widgets.HTML()
        self.heading = widgets.HTML(f"<h3>{_esc(TEXT['results_heading'])}</h3>")
        self.refresh_button = widgets.Button(description=TEXT["refresh"],
                                             tooltip=TEXT["refresh_tip"], icon="refresh")
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.notes = widgets.HTML()
        self.scores_html = widgets.HTML()
        self.code_html = widgets.HTML()
        self.indices_html = widgets.HTML()
        self.hexagon_out = widgets.Output()
        self.zones_help = widgets.HTML(self._zones_help())
        chosen = set(getattr(wb.interests, "job_zones", []) or [])
        self.zone_boxes = {
            zone: widgets.Checkbox(value=zone in chosen, description=TEXT["zone_box"].format(
                zone=zone), indent=False, layout=widgets.Layout(width="7em"))
            for zone in range(1, 6)
        }
        for box in self.zone_boxes.values():
            box.observe(lambda _c: self._zones_changed(), names="value")
        self.matches_html = widgets.HTML()
        self.fit_out = widgets.Output()
        self.target = widgets.Dropdown(options=[], value=None, description=TEXT["target_label"],
                                       style={"description_width": "initial"},
                                       layout=widgets.Layout(width="36em"))
        self.target.observe(lambda _c: self._draw_hexagon(), names="value")
        self.choose = widgets.Button(description=TEXT["target_button"],
                                     tooltip=TEXT["target_tip"], button_style="success",
                                     icon="check", layout=widgets.Layout(width="auto"))
        self.choose.on_click(lambda _b: self.set_target())
        self.target_status = widgets.HTML()
        self.widget = widgets.VBox([
            self.heading, self.refresh_button, self.message, self.notes, self.scores_html,
            self.hexagon_out, self.code_html, self.indices_html,
            widgets.HTML(f"<h4>{_esc(TEXT['zones_heading'])}</h4>"), self.zones_help,
            widgets.HBox(list(self.zone_boxes.values())),
            widgets.HTML(f"<h4>{_esc(TEXT['matches_heading'])}</h4>"), self.matches_html,
            self.fit_out, widgets.HBox([self.target, self.choose]), self.target_status,
        ])
        if quiz is not None:
            quiz.on_finish(self.refresh)
        self._show_current_target()
        self.refresh()

    # -- pieces -----------------------------------------------------------------------------
    @staticmethod
    def _zones_help() -> str:
        rows = "".join(
            f"<tr><th scope='row' style='text-align:left;padding-right:1em'>"
            f"{_esc(TEXT['zone_box'].format(zone=z))}</th><td>{_esc(m)}</td></tr>"
            for z, m in JOB_ZONE_MEANING.items()
        )
        return f"<p>{_esc(TEXT['zones_intro'])}</p><table>{rows}</table>"

    def _show_current_target(self) -> None:
        title = self.wb.skills.target_title
        self.target_status.value = (
            TEXT["target_current"].format(title=_esc(title)) if title else ""
        )

    def _scores_table(self, profile: InterestProfile) -> str:
        rows = []
        for letter in RIASEC:
            value = profile.scores[letter]
            shown = "—" if value is None else TEXT["score_of"].format(
                score=f"{value:g}", max=profile.max_score)
            rows.append(
                f"<tr><th scope='row' style='text-align:left;padding-right:1em'>"
                f"{_esc(TYPE_NAMES[letter])} ({letter})</th><td style='padding-right:1em'>"
                f"{_esc(shown)}</td><td>{_esc(PLAIN_MEANING[letter])}</td></tr>"
            )
        return f"<h4>{_esc(TEXT['scores_heading'])}</h4><table>{''.join(rows)}</table>"

    def _code_text(self, profile: InterestProfile) -> str:
        ties = holland_ties(profile)
        # with ties, every letter that could be among the top three (not one tie-broken order)
        letters = ties.top_three if ties.tied else profile.code
        items = "".join(
            f"<li><b>{letter} — {_esc(TYPE_NAMES[letter])}</b>: {_esc(PLAIN_MEANING[letter])}"
            "</li>" for letter in letters
        )
        text = (f"<h4>{_esc(TEXT['code_heading'].format(code=ties.code_text()))}</h4>"
                f"<p>{_esc(TEXT['code_intro_tied' if ties.tied else 'code_intro'])}</p>"
                f"<{'ul' if ties.tied else 'ol'}>{items}</{'ul' if ties.tied else 'ol'}>")
        if profile.ties:
            tied = "; ".join(" = ".join(TYPE_NAMES[x] for x in g) for g in profile.ties)
            others = ", ".join(c for c in profile.codes[1:6])
            text += f"<p>{_esc(TEXT['code_ties'].format(ties=tied, others=others))}</p>"
        return text

    def _indices_text(self, profile: InterestProfile) -> str:
        consistent = holland_ties(profile).consistency_text()  # a range when ties disagree
        spread = differentiation(profile)
        share = spread / profile.max_score if profile.max_score else 0.0
        meaning = TEXT["differentiation_high"] if share >= 0.5 else (
            TEXT["differentiation_mid"] if share >= 0.25 else TEXT["differentiation_low"])
        return (
            f"<h4>{_esc(TEXT['consistency_heading'])}</h4><p>{_esc(consistent)}</p>"
            f"<h4>{_esc(TEXT['differentiation_heading'])}</h4><p>"
            + _esc(TEXT["differentiation_text"].format(spread=round(spread, 1),
                                                       max=profile.max_score, meaning=meaning))
            + "</p>"
        )

    def _matches_table(self, matches: pd.DataFrame) -> str:
        head = "".join(f"<th scope='col' style='text-align:left;padding-right:1em'>{_esc(h)}"
                       "</th>" for h in TEXT["matches_table"])
        rows = "".join(
            "<tr>"
            f"<td style='padding-right:1em'>{_esc(r.title)}</td>"
            f"<td style='padding-right:1em'>{r.fit:.2f} ({_esc(r.band)})</td>"
            f"<td style='padding-right:1em'>{'—' if pd.isna(r.job_zone) else int(r.job_zone)}</td>"
            f"<td style='padding-right:1em'>{_esc(r.code)}</td><td>{_esc(r.why)}</td></tr>"
            for r in table_rows(matches)
        )
        notes = "".join(f"<p><small>{_esc(n)}</small></p>" for n in matches.attrs["notes"])
        tips = matches.attrs.get("suggestions") or []
        suggestions = (
            f"<p>{_esc(TEXT['suggestions'])}</p><ul>"
            + "".join(f"<li>{_esc(t)}</li>" for t in tips) + "</ul>"
        ) if tips else ""
        zones = self._zone_counts(matches.attrs.get("by_zone") or {})
        return (f"{suggestions}{zones}<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody>"
                f"</table>{notes}<p><small>{_esc(NOT_FOR_SELECTION)}</small></p>")

    @staticmethod
    def _zone_counts(by_zone: dict) -> str:
        """Job Zone first (as O*NET puts it): how many good or strong fits each zone holds."""
        if not by_zone:
            return ""
        parts = []
        for zone, bands in sorted(by_zone.items()):
            counted = ", ".join(
                f"{n} {band}" for band, n in bands.items() if n and band in ("strong", "good")
            )
            if counted:
                zone_name = _esc(TEXT["zone_box"].format(zone=zone))
                parts.append(f"<li>{zone_name}: {_esc(counted)}</li>")
        return f"<p>{_esc(TEXT['by_zone'])}</p><ul>{''.join(parts)}</ul>" if parts else ""

    def _selected_zones(self) -> list[int]:
        return [z for z, box in self.zone_boxes.items() if box.value]

    # -- actions ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Score the workbook's answers and redraw everything."""
        _show(self.message, "")
        self.matches = None
        self.matches_html.value = ""
        self.target.options = []
        self.fit_out.clear_output()
        try:
            found = results(self.wb)
            if found.inventory is None:
                _show(self.message, found.problems["interests"], "error")
                return
            responses = self.wb.interests.responses
            if not any(v is not None for v in responses.values()):
                self.profile = None
                for area in (self.notes, self.scores_html, self.code_html, self.indices_html):
                    area.value = ""
                self.hexagon_out.clear_output()
                _show(self.message, TEXT["no_answers"])
                return
            if found.profile is None:
                _show(self.message, found.problems.get("interests", TEXT["no_answers"]), "error")
                return
            self.profile = profile = found.profile
            self.notes.value = "".join(f"<p><small>{_esc(n)}</small></p>" for n in profile.notes)
            self.scores_html.value = self._scores_table(profile)
            self._draw_hexagon()
            if profile.flat or not profile.complete:
                self.code_html.value = ""
                self.indices_html.value = ""
            else:
                self.code_html.value = self._code_text(profile)
                self.indices_html.value = self._indices_text(profile)
            self._match()
        except CareerkitError as exc:
            _show(self.message, str(exc), "error")

    def _match(self) -> None:
        assert self.profile is not None
        zones = self._selected_zones() or None
        found = results(self.wb)
        matches = found.matches(self.occupations, job_zones=zones, top=self.top)
        if matches is None:
            _show(self.message, found.problems.get("matches", ""), "info")
            return
        self.matches = matches
        unavailable = matches.attrs["job_zone_filter"] == "unavailable"
        for box in self.zone_boxes.values():
            box.disabled = unavailable
        if unavailable:
            self.zones_help.value = f"<p>{_esc(TEXT['zones_unavailable'])}</p>"
        self.matches_html.value = self._matches_table(matches)
        self.target.options = [
            (f"{r.title} ({r.fit:.2f}, {r.band})", r.soc_code) for r in matches.itertuples()
        ]
        selected = self.wb.interests.selected_soc_code
        self.target.value = selected if selected in set(matches["soc_code"]) else None
        self.fit_figure = fit_chart(matches)
        with self.fit_out:
            display(self.fit_figure)
            display(widgets.HTML(f"<p>{_esc(chart_summary(self.fit_figure))}</p>"))

    def _draw_hexagon(self) -> None:
        if self.profile is None:
            return
        overlay = None
        if self.matches is not None and self.target.value is not None:
            overlay = self._occupation_row(self.target.value)
        self.hexagon_figure = riasec_hexagon(self.profile, overlay)
        self.hexagon_out.clear_output(wait=True)
        with self.hexagon_out:
            display(self.hexagon_figure)
            display(widgets.HTML(f"<p>{_esc(chart_summary(self.hexagon_figure))}</p>"))

    def _occupation_row(self, soc_code: str) -> dict[str, Any] | None:
        if self._frame is None:
            source = self.occupations
            if source is None:
                source = datasets.occupations()
            elif not isinstance(source, pd.DataFrame):
                source = occupations_from_release(source)
            self._frame = source
        rows = self._frame.loc[self._frame["soc_code"] == soc_code]
        if rows.empty:
            return None
        row = rows.iloc[0]
        return {"title": row["title"], **{x: float(row[x]) for x in RIASEC}}

    def _zones_changed(self) -> None:
        self.wb.interests.job_zones = self._selected_zones()
        try:
            self.wb.save()
        except CareerkitError as exc:
            _show(self.message, str(exc), "error")
            return
        if self.profile is not None and self.profile.complete and not self.profile.flat:
            self.matches_html.value = ""
            self.target.options = []
            self.fit_out.clear_output()
            self._match()

    def set_target(self) -> None:
        """Make the occupation chosen in ``target`` the person's target role, and save."""
        soc = self.target.value
        if soc is None or self.matches is None:
            _show(self.message, TEXT["target_none"], "error")
            return
        title = str(self.matches.loc[self.matches["soc_code"] == soc, "title"].iloc[0])
        self.wb.skills.target_soc_code = soc
        self.wb.skills.target_title = title
        if "target_source" in type(self.wb.skills).model_fields:
            self.wb.skills.target_source = "interests"
        self.wb.interests.selected_soc_code = soc
        self.wb.interests.selected_title = title
        try:
            self.wb.save()
        except CareerkitError as exc:
            _show(self.message, str(exc), "error")
            return
        _show(self.target_status, TEXT["target_set"].format(title=_esc(title)), "ok",
              escape=False)

    def _ipython_display_(self) -> None:
        display(self.widget)
