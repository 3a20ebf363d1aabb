"""What the skills screens share: the session (workbook, extractor, cached requirements,
listeners), the screen base class and small helpers."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import pandas as pd

from careerkit import skills
from careerkit.errors import InputError
from careerkit.results import Results, results
from careerkit.ui._screen import Screen, say

__all__ = ["LABEL_STYLE", "MAX_HELD_CHOICES", "MAX_POSTINGS", "WIDE", "Screen", "SkillsSession",
           "heading", "message"]

#: How many postings one workbook keeps (its file stays small enough to share by e-mail).
MAX_POSTINGS = 100
#: How many posting skills are offered as "I have this" boxes.
MAX_HELD_CHOICES = 30
WIDE = widgets.Layout(width="95%")
LABEL_STYLE = {"description_width": "initial"}


def message(area: widgets.HTML, text: str, error: bool = False) -> None:
    say(area, text, "error" if error else "ok")


def heading(text: str) -> widgets.HTML:
    return widgets.HTML(f"<h3>{html.escape(text)}</h3>")


class SkillsSession:
    """What the skills screens share: the workbook, one extractor, cached requirements.

    ``extractor`` defaults to ``SkillExtractor(Taxonomy.default())``, built on first use.
    """

    def __init__(self, wb: Any, extractor: Any = None) -> None:
        self.wb = wb
        self._extractor = extractor
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

    def results(self) -> Results:
        """The workbook's results (:mod:`careerkit.results`), read with this session's
        extractor: the skills screens format these, as the report and the cohort do."""
        return results(self.wb, extractor=self.extractor)

    def requirements(self) -> pd.DataFrame | None:
        """What the postings ask for (None without postings; a problem raises in words)."""
        if not self.wb.skills.postings:
            return None
        found = self.results()
        if found.posting_needs is None and "postings" in found.problems:
            raise InputError(found.problems["postings"])
        return found.posting_needs

    def occupation_need(self) -> pd.DataFrame | None:
        """The target role's O*NET skills and knowledge (None without a target role)."""
        if not self.wb.skills.target_soc_code:
            return None
        found = self.results()
        if found.needs is None:
            raise InputError(found.problems.get("needs", ""))
        return found.needs
