"""The start screen's "Changes from another window": values a merge replaced, put back on request.

When the same answer was changed in two windows (or by an uploaded copy) the later change is
kept and the other value goes to the workbook's history (``wb.history``). This view lists those
values in plain words (which step and answer, the value, why and when it was replaced) with a
"Put this back" button each, which calls :meth:`Workbook.put_back` (the value is written back and
saved; the value it replaces is listed in turn). It is hidden while there is nothing to list.
"""

from __future__ import annotations

import functools
import html
import json
from typing import Any

import ipywidgets as widgets

from careerkit.datasets import elements
from careerkit.errors import CareerkitError
from careerkit.interests import load_inventory
from careerkit.ui._screen import Screen, say
from careerkit.workbook import Change, Workbook, path_segments

__all__ = ["TEXT", "ChangesView"]

TEXT = {
    "heading": "Changes from another window",
    "intro": (
        "The same answer was changed in two windows or tabs at once, so the later change was "
        "kept. The earlier values it replaced are listed here, newest first. Press “{button}” "
        "to use one again; the value it replaces is then listed here in turn, so nothing is "
        "lost."
    ),
    "item": "<b>{where}</b>: “{value}” (replaced {reason} on {when})",
    "put_back": "Put this back",
    "done": "Put back: {where} is “{value}” again, and saved.",
    "reason_merge": "by a change from another window",
    "reason_upload": "by an uploaded copy",
    "reason_restore": "when the previous version was put back",
    "reason_put_back": "when you put back an earlier value",
    "empty_value": "(empty)",
    "yes": "yes",
    "no": "no",
    "section_interests": "Step 1, your interests",
    "section_skills": "Step 2, your skills gap",
    "section_goals": "Step 3, your goals",
    "section_notes": "Your notes",
    "section_participant": "Your details",
    "interest_answer": "your answer to “{item}”",
    "skill_rating": "your rating of “{item}”",
    "removed_item": "an item that was removed",
    # what one item of a list is called (the list's field name → noun)
    "item_goals": "the goal",
    "item_milestones": "the milestone",
    "item_action_steps": "the step",
    "item_obstacles": "the obstacle",
    "item_postings": "the posting",
    "item_draft_goals": "the draft goal",
    "put_back_this_tip": "Put back “{value}” as {where}",
    "when_format": "%d %b %Y at %H:%M UTC",
}




def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _label(item: dict[str, Any]) -> str:
    """What a person calls a list item (a goal's text, a posting's title …), shortened."""
    for key in ("text", "title", "label", "name", "element_name", "obstacle"):
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return _short(value.strip(), 60)
    return str(item.get("id", ""))


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _shown(value: Any) -> str:
    """A replaced value as a person reads it (not as JSON where avoidable)."""
    if value is None or value == "" or value == [] or value == {}:
        return TEXT["empty_value"]
    if isinstance(value, bool):
        return TEXT["yes"] if value else TEXT["no"]
    if isinstance(value, str):
        return _short(value)
    if isinstance(value, dict):
        return (
            _label(value)
            if any(k in value for k in ("text", "title"))
            else _short(json.dumps(value, ensure_ascii=False))
        )
    if isinstance(value, list):
        return _short(", ".join(_shown(v) for v in value))
    return str(value)


def _value_of(change: Change) -> str:
    """The replaced value in words; an interest answer with its label ("4, Like")."""
    shown = _shown(change.value)
    if change.field.startswith("/interests/responses/") and isinstance(change.value, int):
        # The answer labels live with the questionnaire's screen (one place to translate).
        from careerkit.ui.interests import TEXT as QUIZ_TEXT

        labels = QUIZ_TEXT["scale"]
        if 1 <= change.value <= len(labels):
            shown = f"{shown}, {labels[change.value - 1]}"
    return shown


@functools.cache
def _inventory_texts() -> dict[str, str]:
    try:
        items = load_inventory().items
    except CareerkitError:
        return {}
    return dict(zip(items["item_id"], items["text"], strict=True))


def _item_text(item_id: str) -> str:
    return _short(_inventory_texts().get(item_id, item_id), 80)


@functools.cache
def _element_names() -> dict[str, str]:
    try:
        table = elements()
    except CareerkitError:
        return {}
    return dict(zip(table["element_id"], table["element_name"], strict=True))


def _element_name(element_id: str) -> str:
    return _element_names().get(element_id, element_id)


#: answers kept in a dict by a code: (section, field) → (sentence, the code's name in words)
_NAMED_ANSWERS = {
    ("interests", "responses"): ("interest_answer", _item_text),
    ("skills", "ratings"): ("skill_rating", _element_name),
}


class ChangesView(Screen):
    """The list of replaced values of one workbook, each with a "Put this back" button.

    Attributes
    ----------
    widget : VBox
        The view (hidden while there is nothing to list).
    buttons : dict of str to Button
        One "Put this back" button per listed value, by history entry id.
    message : HTML
        The result of putting a value back, or the problem in plain words.
    """

    def __init__(self, wb: Workbook | None = None) -> None:
        self.wb = wb
        self.buttons: dict[str, widgets.Button] = {}
        self.message = widgets.HTML()
        self._rows = widgets.VBox()
        intro = TEXT["intro"].format(button=TEXT["put_back"])
        self.widget = widgets.VBox(
            [
                widgets.HTML(f"<h3>{_esc(TEXT['heading'])}</h3><p>{_esc(intro)}</p>"),
                self._rows,
                self.message,
            ]
        )
        self.show(wb)

    def show(self, wb: Workbook | None) -> None:
        """List the replaced values of ``wb`` (None: nothing to list)."""
        self.wb = wb
        entries = wb.replaced_values() if wb is not None else []
        self.buttons = {}
        rows = []
        for entry in entries:
            # The tooltip names the value, so a screen reader tells the buttons apart.
            tip = TEXT["put_back_this_tip"].format(
                value=_value_of(entry), where=self.where(entry.field)
            )
            button = widgets.Button(
                description=TEXT["put_back"],
                tooltip=_short(tip, 200),
                layout=widgets.Layout(width="auto", flex="0 0 auto"),
            )
            button.on_click(lambda _b, change_id=entry.id: self.put_back(change_id))
            self.buttons[entry.id] = button
            text = widgets.HTML(self.describe(entry), layout=widgets.Layout(flex="1 1 auto"))
            rows.append(widgets.HBox([button, text], layout=widgets.Layout(align_items="center")))
        self._rows.children = tuple(rows)
        self.widget.layout.display = None if rows else "none"

    def put_back(self, change_id: str) -> None:
        """Use a listed value again (saved at once); problems become a plain message."""
        if self.wb is None:
            return
        try:
            change = self.wb.put_back(change_id)
        except CareerkitError as exc:
            self._say(str(exc), "error")
            return
        self.show(self.wb)
        done = TEXT["done"].format(where=self.where(change.field), value=_value_of(change))
        self._say(done, "ok")

    def _say(self, text: str, kind: str = "info") -> None:
        say(self.message, text, kind)

    def describe(self, change: Change) -> str:
        """One history entry as escaped HTML: where, the replaced value, why and when."""
        reason = TEXT.get(f"reason_{change.reason}", TEXT["reason_merge"])
        return TEXT["item"].format(
            where=_esc(self.where(change.field)),
            value=_esc(_value_of(change)),
            reason=_esc(reason),
            when=_esc(change.replaced_at.strftime(TEXT["when_format"])),
        )

    def where(self, path: str) -> str:
        """A field's path in words: its step, then the item (by its text) and the field."""
        parts = path_segments(path)
        if not parts:
            return path
        section = parts[0][0]
        words = [TEXT.get(f"section_{section}", section)]
        rest = parts[1:]
        named = _NAMED_ANSWERS.get((section, rest[0][0])) if len(rest) == 2 else None
        if named is not None:
            sentence, name_of = named
            return f"{words[0]}, " + TEXT[sentence].format(item=name_of(rest[1][0]))
        if section == "participant":
            rest = rest[-1:]
        node: Any = self.wb.model_dump(mode="json").get(section) if self.wb is not None else None
        noun = ""
        for key, is_item in rest:
            if is_item:
                found = (
                    next((x for x in node if isinstance(x, dict) and x.get("id") == key), None)
                    if isinstance(node, list)
                    else None
                )
                if found is None:
                    words.append(TEXT["removed_item"])
                else:
                    words.append(f"{noun} “{_label(found)}”".strip())
                node = found
            else:
                node = node.get(key) if isinstance(node, dict) else None
                noun = TEXT.get(f"item_{key}", "") if isinstance(node, list) else ""
                if not noun:
                    words.append(key.replace("_", " "))
        return ", ".join(words)
