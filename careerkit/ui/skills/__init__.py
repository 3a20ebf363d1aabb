"""Screens for the skills step: target role, postings, evidence, self-ratings and the gap.

Each screen takes a :class:`careerkit.Workbook`, writes what the person does into
``wb.skills`` (and draft goals into ``wb.goals``) and saves at once. :class:`SkillsStep` builds
them all and keeps them in step with each other (a new target role refreshes the rater and the
gap; new postings refresh the requirements, the evidence and the gap). Widgets are attributes so
tests can set values and click buttons without a browser.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from careerkit.ui.skills._common import (
    MAX_HELD_CHOICES,
    MAX_POSTINGS,
    Screen,
    SkillsSession,
    heading,
)
from careerkit.ui.skills._text import TEXT
from careerkit.ui.skills.gap import GapView, SkillRater
from careerkit.ui.skills.postings import (
    EvidenceView,
    PostingsPanel,
    RequirementsView,
    evidence_html,
)
from careerkit.ui.skills.role import TargetRolePanel

__all__ = [
    "MAX_HELD_CHOICES",
    "MAX_POSTINGS",
    "TEXT",
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


class SkillsStep(Screen):
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
        parts = (
            ("target_heading", self.target),
            ("postings_heading", self.postings),
            ("requirements_heading", self.requirements),
            ("evidence_heading", self.evidence),
            ("rater_heading", self.rater),
            ("gap_heading", self.gap),
        )
        # Headings belong to the whole step; a notebook shows each screen under its own.
        self.widget = widgets.VBox(
            [w for key, screen in parts for w in (heading(TEXT[key]), screen.widget)]
        )
