"""What the skills screens share: the session (workbook, extractor, cached requirements,
listeners), the screen base class and small helpers."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import pandas as pd

from careerkit import skills
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
