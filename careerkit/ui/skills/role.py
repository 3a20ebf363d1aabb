"""Choosing the target role: from the interest matches, or by title or keyword."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
import pandas as pd

from careerkit import datasets, skills
from careerkit._frames import table_rows
from careerkit.errors import CareerkitError
from careerkit.results import results
from careerkit.ui.skills._common import LABEL_STYLE, WIDE, Screen, SkillsSession, message
from careerkit.ui.skills._text import TEXT


class TargetRolePanel(Screen):
    """Choose the target role: from the interest matches, or by searching titles and keywords."""

    def __init__(self, wb: Any, session: SkillsSession | None = None) -> None:
        self.session = session or SkillsSession(wb)
        self.wb = wb
        self.matches = widgets.Dropdown(description=TEXT["matches"], style=LABEL_STYLE, layout=WIDE)
        self.use_match = widgets.Button(description=TEXT["use_match"])
        self.search = widgets.Text(
            description=TEXT["search"],
            style=LABEL_STYLE,
            placeholder=TEXT["search_placeholder"],
            layout=WIDE,
            continuous_update=False,
        )
        self.search_button = widgets.Button(description=TEXT["search_button"])
        self.results = widgets.Select(
            description=TEXT["results"], style=LABEL_STYLE, layout=WIDE, rows=6
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
        # The matches of the interests step, from the same results (the workbook's own
        # inventory, the zones ticked there): one source, so the two steps cannot disagree.
        found = results(self.wb).matches(job_zones="saved", top=20)
        profile = results(self.wb).profile
        if found is not None and profile is not None and not profile.flat:
            options = [
                (
                    TEXT["match_option"].format(title=r.title, soc_code=r.soc_code, band=r.band),
                    r.soc_code,
                )
                for r in table_rows(found)
            ]
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
            message(self.message, str(exc), error=True)
            return
        self.results.options = [
            (TEXT["role_option"].format(title=r.title, soc_code=r.soc_code), r.soc_code)
            for r in table_rows(found)
        ]
        if found.empty:
            message(self.message, TEXT["no_results"].format(query=query.strip()), error=True)
        else:
            self.results.value = found.loc[0, "soc_code"]
            message(self.message, "")

    def _choose(self, soc_code: str | None, how: str) -> None:
        if not soc_code:
            return
        section = self.wb.skills
        section.target_soc_code = soc_code
        section.target_title = str(self._titles().get(soc_code, ""))
        section.target_source = how
        message(self.message, "")
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
            message(self.message, str(exc), error=True)
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
