"""Bringing postings (paste, upload, samples), what they ask for, and the evidence view."""

from __future__ import annotations

import html
import uuid
from typing import Any

import ipywidgets as widgets
import pandas as pd
from IPython.display import display

from careerkit import charts, skills
from careerkit._frames import table_rows
from careerkit.errors import CareerkitError
from careerkit.ui.skills._common import (
    LABEL_STYLE,
    MAX_HELD_CHOICES,
    MAX_POSTINGS,
    WIDE,
    Screen,
    SkillsSession,
    message,
)
from careerkit.ui.skills._text import TEXT


class PostingsPanel(Screen):
    """Bring postings: paste one, upload a file, or add the illustrative sample postings."""

    def __init__(self, wb: Any, session: SkillsSession | None = None) -> None:
        self.session = session or SkillsSession(wb)
        self.wb = wb
        self.paste = widgets.Textarea(
            description=TEXT["paste"],
            style=LABEL_STYLE,
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
            style=LABEL_STYLE,
            options=[(f"{r.title} ({r.soc_code})", r.soc_code) for r in roles.itertuples()],
            layout=widgets.Layout(width="60%"),
        )
        self.use_samples = widgets.Button(
            description=TEXT["use_samples"], layout=widgets.Layout(width="auto")
        )
        self.posting_list = widgets.Select(
            description=TEXT["your_postings"], style=LABEL_STYLE, layout=WIDE, rows=6
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
                self.paste,
                widgets.HBox([self.add_pasted, self.upload]),
                widgets.HTML(f"<p><i>{html.escape(TEXT['samples_note'])}</i></p>"),
                widgets.HBox([self.sample_role, self.use_samples]),
                self.posting_list,
                widgets.HBox([self.remove]),
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
                else TEXT["posting_label"].format(
                    title=p.title or TEXT["untitled"], source=p.source
                ),
                p.id,
            )
            for p in posts
        ]
        self.remove.disabled = not posts
        if not posts:
            message(self.message, TEXT["no_postings"])

    def _add(self, frame: pd.DataFrame, source: str, illustrative: bool = False) -> None:
        room = MAX_POSTINGS - len(self.wb.skills.postings)
        kept = frame.head(max(0, room))
        for row in table_rows(kept):
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
        message(self.message, text)
        self.session.save("postings")

    def _add_pasted(self) -> None:
        try:
            frame = skills.postings_from_text(self.paste.value)
        except CareerkitError as exc:
            message(self.message, str(exc), error=True)
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
                message(self.message, str(exc), error=True)
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
        message(self.message, TEXT["removed"].format(title=gone.title))
        self.session.save("postings")


class RequirementsView(Screen):
    """What the postings ask for (chart), and boxes to tick the skills the person has."""

    def __init__(self, wb: Any, session: SkillsSession | None = None) -> None:
        self.session = session or SkillsSession(wb)
        self.wb = wb
        self.chart = widgets.Output()
        #: the chart's text summary, for people who cannot see the chart
        self.summary = widgets.HTML()
        self.figure = None
        self.held: dict[str, widgets.Checkbox] = {}
        self.held_box = widgets.VBox()
        self.message = widgets.HTML()
        self.session.listeners["postings"].append(self.refresh)
        self.widget = widgets.VBox(
            [
                self.chart,
                self.summary,
                self.held_box,
                self.message,
            ]
        )
        self.refresh()

    def refresh(self) -> None:
        try:
            req = self.session.requirements()
        except CareerkitError as exc:
            message(self.message, str(exc), error=True)
            return
        self.chart.clear_output()
        if req is None or req.empty:
            self.figure = None
            self.summary.value = ""
            self.held = {}
            self.held_box.children = ()
            message(self.message, TEXT["no_requirements"])
            return
        message(self.message, "")
        self.figure = charts.requirements_chart(req)
        with self.chart:
            display(self.figure)
        self.summary.value = f"<p>{html.escape(charts.summary(self.figure))}</p>"
        have = set(self.wb.skills.skills_held)
        self.held = {}
        for row in table_rows(req.head(MAX_HELD_CHOICES)):
            box = widgets.Checkbox(
                value=row.skill_id in have,
                indent=False,
                description=TEXT["held_label"].format(
                    label=row.label, postings=row.postings, n_postings=req.attrs["n_postings"]
                ),
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
        tip = html.escape(
            TEXT["evidence_tip"].format(label=match.label, strength=match.strength), quote=True
        )
        inner = html.escape(text[match.start : match.end])
        if match.strength == "required":
            inner = f"<strong>{inner}</strong>"
        parts.append(f'<mark title="{tip}">{inner}</mark>')
        pos = match.end
    parts.append(html.escape(text[pos:]))
    parts.append("</div>")
    return "".join(parts)


class EvidenceView(Screen):
    """One posting with the skills found in it highlighted, so the person can check them."""

    def __init__(self, wb: Any, session: SkillsSession | None = None) -> None:
        self.session = session or SkillsSession(wb)
        self.wb = wb
        self.choice = widgets.Dropdown(
            description=TEXT["evidence_choice"], style=LABEL_STYLE, layout=WIDE
        )
        self.text = widgets.HTML()
        self.message = widgets.HTML()
        self.choice.observe(lambda _: self._show(), names="value")
        self.session.listeners["postings"].append(self.refresh)
        self.widget = widgets.VBox(
            [
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
        self.choice.options = [(p.title or TEXT["untitled"], p.id) for p in posts]
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
            message(self.message, str(exc), error=True)
            return
        self.text.value = evidence_html(post.description, found)
