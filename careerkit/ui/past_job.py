"""Jobs like my last one (optional, before the skills step).

The person finds a past or current occupation by title, sees the occupations O*NET lists as
related (closest first), and for one of them which skills they have used already, which the new
job needs more of, and which would be new. Choosing it makes it the target role of the skills
step, with starting self-ratings from the past job (the person changes what does not fit).
The logic is :mod:`careerkit.occupations`; this screen only binds it.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pandas as pd

from careerkit import occupations
from careerkit._frames import table_rows
from careerkit.errors import CareerkitError
from careerkit.ui._screen import Screen, debounced, esc, html_table

__all__ = ["TEXT", "PastJobScreen"]

TEXT: dict[str, Any] = {
    "heading": "Jobs like my last one",
    "intro": (
        "Start from a job you have done or do now: find it by its title (for example "
        "“cashier” or “nursing assistant”), then look at jobs that use many of the same "
        "skills."
    ),
    "search": "My last job",
    "search_placeholder": "part of its title, e.g. cashier",
    "search_button": "Find",
    "search_tip": "Search O*NET occupations by title",
    "found": "Which one?",
    "choose_past": "This was my job",
    "choose_past_tip": "Use this occupation as your past job",
    "none_found": "No occupation matches “{query}”. Try a shorter or more general word.",
    "need_query": "Type part of your job's title first.",
    "past_set": "Your last job: {title}.",
    "related_heading": "Jobs like it",
    "related_table": ["Occupation", "How close", "Job Zone"],
    "related": "Look at",
    "overlap_heading": "Moving from {past} to {new}",
    "overlap_counts": (
        "{shared} skills you have used already, {more} you would use more of, {new} that would "
        "be new to you."
    ),
    "overlap_table": ["Skill or knowledge", "In your last job"],
    "use": "Make this my target role",
    "use_tip": "Set this job as the target role of the skills step, with starting ratings",
    "used": (
        "Your target role is now {title}, with {n} starting ratings from your last job. {note}"
    ),
    "not_comparable": "{reason} You can still make it your target role.",
}


class PastJobScreen(Screen):
    """Find a past job, look at related jobs and what they share, choose a target role.

    Attributes
    ----------
    query : Text
    search_button : Button
    found : Dropdown
    choose_past : Button
    related : Dropdown
    related_html, overlap_html : HTML
    use : Button
    message : HTML
    widget : VBox
    """

    def __init__(self, wb: Any) -> None:
        self.wb = wb
        self.message = widgets.HTML()
        self.query = widgets.Text(
            description=TEXT["search"], placeholder=TEXT["search_placeholder"],
            style={"description_width": "initial"}, layout=widgets.Layout(width="30em"),
        )
        self.search_button = widgets.Button(description=TEXT["search_button"],
                                            tooltip=TEXT["search_tip"])
        self.found = widgets.Dropdown(options=[], value=None, description=TEXT["found"],
                                      style={"description_width": "initial"},
                                      layout=widgets.Layout(width="36em"))
        self.choose_past = widgets.Button(description=TEXT["choose_past"],
                                          tooltip=TEXT["choose_past_tip"],
                                          button_style="primary",
                                          layout=widgets.Layout(width="auto"))
        self.related_html = widgets.HTML()
        self.related = widgets.Dropdown(options=[], value=None, description=TEXT["related"],
                                        style={"description_width": "initial"},
                                        layout=widgets.Layout(width="36em"))
        self.overlap_html = widgets.HTML()
        self.use = widgets.Button(description=TEXT["use"], tooltip=TEXT["use_tip"],
                                  button_style="success", layout=widgets.Layout(width="auto"))
        self.search_button.on_click(debounced(lambda _b: self._guarded(self.search)))
        self.choose_past.on_click(debounced(lambda _b: self._guarded(self.set_past)))
        self.related.observe(lambda _c: self._guarded(self._show_overlap), names="value")
        self.use.on_click(debounced(lambda _b: self._guarded(self.use_related)))
        self.widget = widgets.VBox([
            widgets.HTML(f"<h3>{esc(TEXT['heading'])}</h3><p>{esc(TEXT['intro'])}</p>"),
            widgets.HBox([self.query, self.search_button]),
            widgets.HBox([self.found, self.choose_past]),
            self.message,
            self.related_html,
            self.related,
            self.overlap_html,
            self.use,
        ])
        self._show_related()

    # ------------------------------------------------------------------ actions
    def search(self) -> None:
        text = self.query.value.strip()
        if not text:
            self._say(TEXT["need_query"], "error")
            return
        hits = occupations.search_occupations(text, limit=20)
        if hits.empty:
            self.found.options = []
            self._say(TEXT["none_found"].format(query=text), "error")
            return
        self.found.options = [(f"{r.title} ({r.soc_code})", r.soc_code) for r in hits.itertuples()]
        self.found.value = hits["soc_code"].iloc[0]
        self._say("")

    def set_past(self) -> None:
        soc = self.found.value
        if soc is None:
            self._say(TEXT["need_query"], "error")
            return
        title = next(label for label, code in self.found.options if code == soc)
        self.wb.past_job.soc_code = soc
        self.wb.past_job.title = title.rsplit(" (", 1)[0]
        self.wb.save()
        self._say(TEXT["past_set"].format(title=self.wb.past_job.title), "ok")
        self._show_related()

    def use_related(self) -> None:
        soc, past = self.related.value, self.wb.past_job.soc_code
        if soc is None or past is None:
            return
        title = next(label for label, code in self.related.options if code == soc)
        title = title.rsplit(" (", 1)[0]
        try:
            starting = occupations.ratings_from_past_job(past, soc)
        except CareerkitError:  # a job without O*NET ratings: no starting ratings
            starting = {}
        self.wb.past_job.related_soc_code = soc
        self.wb.past_job.related_title = title
        self.wb.skills.target_soc_code = soc
        self.wb.skills.target_title = title
        for element, rating in starting.items():
            self.wb.skills.ratings.setdefault(element, rating)  # never over the person's own
        self.wb.save()
        note = occupations.prefill_note(self.wb.past_job.title) if starting else ""
        self._say(TEXT["used"].format(title=title, n=len(starting), note=note), "ok")

    # ------------------------------------------------------------------ showing
    def _show_related(self) -> None:
        past = self.wb.past_job.soc_code
        if not past:
            self.related_html.value = ""
            self.related.layout.display = self.use.layout.display = "none"
            return
        table = occupations.related_occupations(past)
        self.related_html.value = (
            f"<h4>{esc(TEXT['related_heading'])}</h4>" + self._related_table(table)
        )
        self.related.options = [(f"{r.title} ({r.soc_code})", r.soc_code)
                                for r in table.itertuples()]
        shown = None if len(table) else "none"
        self.related.layout.display = self.use.layout.display = shown
        chosen = self.wb.past_job.related_soc_code
        if chosen in set(table["soc_code"]):
            self.related.value = chosen
        elif len(table):
            self.related.value = table["soc_code"].iloc[0]

    @staticmethod
    def _related_table(table: pd.DataFrame) -> str:
        if table.empty:
            return f"<p>{esc(table.attrs.get('message', ''))}</p>"
        rows = [
            [r.title, r.closeness, "—" if pd.isna(r.job_zone) else str(int(r.job_zone))]
            for r in table_rows(table.head(15))
        ]
        source = esc(table.attrs.get("source", ""))
        return html_table(TEXT["related_table"], rows) + f"<p><small>{source}</small></p>"

    def _show_overlap(self) -> None:
        soc, past = self.related.value, self.wb.past_job.soc_code
        if soc is None or past is None:
            self.overlap_html.value = ""
            return
        new_title = next(label for label, code in self.related.options if code == soc)
        heading = TEXT["overlap_heading"].format(past=self.wb.past_job.title,
                                                 new=new_title.rsplit(" (", 1)[0])
        try:
            overlap = occupations.skill_overlap(past, soc)
        except CareerkitError as exc:  # shown as words; the role can still be chosen
            self.overlap_html.value = (
                f"<h4>{esc(heading)}</h4><p>"
                f"{esc(TEXT['not_comparable'].format(reason=exc))}</p>"
            )
            return
        counts = overlap.attrs["counts"]
        rows = [[r.element_name, r.status_words] for r in table_rows(overlap)]
        self.overlap_html.value = (
            f"<h4>{esc(heading)}</h4><p>{esc(TEXT['overlap_counts'].format(**counts))}</p>"
            + html_table(TEXT["overlap_table"], rows)
        )
