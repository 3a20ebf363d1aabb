# mypy: disable-error-code="misc"
# (the mixin's methods annotate ``self`` as the one class they are mixed into, Workbook,
# which mypy accepts only for a supertype or a Protocol)
"""Values replaced when two windows changed the same field: listing them and putting one back.

A save that finds the same field changed in this window and in another keeps the later value
and records the other in :attr:`Workbook.history` (a :class:`~careerkit.workbook.Change`). These
methods let a participant see those values and use one again (:meth:`HistoryMixin.put_back`):
it is written back and saved, and the value it replaces is recorded in turn, so a put-back loses
nothing either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from careerkit.errors import WorkbookError
from careerkit.workbook._merge import MISSING, split
from careerkit.workbook._model import Change, now

if TYPE_CHECKING:
    from careerkit.workbook._workbook import Workbook

#: the parts of a workbook a participant types into; only values there can be put back
#: (consent, counselor comments, submissions and the history itself are records, not answers)
RESTORABLE = (
    "/interests/", "/values/", "/past_job/", "/skills/", "/goals/", "/notes",
    "/participant/workshop",
)
#: the ``reason`` of a history entry written by :meth:`HistoryMixin.put_back`
PUT_BACK = "put_back"


def restorable(path: str) -> bool:
    """Whether a history entry at ``path`` holds an answer that can be put back."""
    return any(path == p.rstrip("/") or path.startswith(p) for p in RESTORABLE)


def value_at(data: Any, path: str) -> Any:
    """The value at ``path`` in JSON ``data`` (``MISSING`` when there is none)."""
    node = data
    for key, is_item in split(path):
        if is_item:
            if not isinstance(node, list):
                return MISSING
            node = next((x for x in node if isinstance(x, dict) and x.get("id") == key), MISSING)
        elif isinstance(node, dict):
            node = node.get(key, MISSING)
        else:
            return MISSING
        if node is MISSING:
            return MISSING
    return node


def _set_at(data: Any, path: str, value: Any) -> None:
    """Set ``path`` in JSON ``data`` to ``value`` (in place); an item no longer in its list is
    added at its end. Raises ``LookupError`` when the place it belonged to is gone."""
    segments = split(path)
    if not segments:
        raise LookupError(path)
    parent = value_at(data, path[: path.rfind("/")]) if len(segments) > 1 else data
    key, is_item = segments[-1]
    if is_item:
        if not isinstance(parent, list) or not isinstance(value, dict):
            raise LookupError(path)
        for index, item in enumerate(parent):
            if isinstance(item, dict) and item.get("id") == key:
                parent[index] = value
                return
        parent.append(value)
        return
    if not isinstance(parent, dict):
        raise LookupError(path)
    parent[key] = value


class HistoryMixin:
    """Listing and putting back values replaced by a merge (for :class:`Workbook`)."""

    def replaced_values(self: Workbook) -> list[Change]:
        """History entries a participant can put back: in their answers, not put back yet,
        newest first."""
        entries = [c for c in self.history if c.restored_at is None and restorable(c.field)]
        return sorted(entries, key=lambda c: c.replaced_at, reverse=True)

    def put_back(self: Workbook, change_id: str) -> Change:
        """Use the value of history entry ``change_id`` again, and save.

        The value it replaces is added to :attr:`history` (reason ``"put_back"``), and the
        entry is marked as put back (``restored_at``). Returns the entry.

        Raises
        ------
        WorkbookError
            No such entry, an entry that is not an answer, or the place the value belonged to
            is gone (e.g. its goal was deleted since).
        """
        change = next((c for c in self.history if c.id == change_id), None)
        if change is None:
            raise WorkbookError(f"There is no change {change_id!r} in this workbook's history.")
        if not restorable(change.field):
            raise WorkbookError(
                f"The value of {change.field} is a record, not an answer; it cannot be put back."
            )
        data = self.model_dump(mode="json")
        current = value_at(data, change.field)
        try:
            _set_at(data, change.field, change.value)
            updated = type(self).model_validate(data)
        except LookupError as exc:
            raise WorkbookError(
                f"The value cannot be put back: what it belonged to ({change.field}) is no "
                f"longer in the workbook."
            ) from exc
        except ValidationError as exc:
            raise WorkbookError(
                f"The value cannot be put back: it no longer fits {change.field} "
                f"({exc.errors()[0]['msg']})."
            ) from exc
        from careerkit.workbook._workbook import _assign

        section = split(change.field)[0][0]
        _assign(self, section, getattr(updated, section))
        moment = now()
        change.restored_at = moment
        if current is not MISSING and current != change.value:
            stamp = self.field_times.get(change.field)
            self.history.append(
                Change(
                    field=change.field,
                    value=current,
                    time=stamp or None,
                    replaced_at=moment,
                    reason=PUT_BACK,
                )
            )
        self.save()
        return change
