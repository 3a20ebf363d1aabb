"""Schema versions of the workbook file and the migrations between them.

New optional fields with defaults do not change the version; renames and removals do. Each
migration takes the JSON object of version ``n`` and returns version ``n + 1``; a stored file of
every old version lives in ``tests/fixtures/workbook_v<n>.json``.

Version 0 (careerkit 0.0.x, before the step sections) was one flat object::

    {"careerkit_version": "0.0.3", "participant_id": "...", "group": "...", "consent": true,
     "answers": {item_id: 1..5}, "self_ratings": {element_id: 1..5},
     "target_occupation": soc_code, "goals": ["text", ...], "notes": "...",
     "created": naive ISO time, "modified": naive ISO time}

Version 1 is :class:`careerkit.workbook.Workbook`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from careerkit.errors import WorkbookError

FORMAT = "careerkit.workbook"
SCHEMA_VERSION = 1

# Fixed namespace so that migrating the same old file twice gives the same goal ids (the merge
# then sees one goal, not two).
_GOAL_NAMESPACE = uuid.UUID("6f1d3c52-2b8e-4a8e-9c55-7d0c2a9b4e11")


def _utc(stamp: Any) -> Any:
    """Version 0 wrote naive local times; read them as UTC (the best we can do)."""
    if isinstance(stamp, str) and stamp and not stamp.endswith("Z") and "+" not in stamp[10:]:
        return stamp + "+00:00"
    return stamp


def _v0_to_v1(old: dict[str, Any]) -> dict[str, Any]:
    pid = old.get("participant_id")
    goals = old.get("goals") or []
    if not isinstance(goals, list):
        raise WorkbookError("The old workbook's 'goals' is not a list of texts.")
    created = _utc(old.get("created"))
    new: dict[str, Any] = {
        "format": FORMAT,
        "schema_version": 1,
        "participant": {"pseudonym": pid, "workshop": old.get("group") or ""},
        "interests": {"responses": old.get("answers") or {}},
        "skills": {"ratings": old.get("self_ratings") or {}},
        "goals": {
            "goals": [
                {"id": uuid.uuid5(_GOAL_NAMESPACE, f"{pid}/{i}/{text}").hex, "text": str(text)}
                for i, text in enumerate(goals)
            ]
        },
        "notes": old.get("notes") or "",
    }
    if old.get("target_occupation"):
        new["skills"]["target_soc_code"] = old["target_occupation"]
    if old.get("consent") is True:
        # Version 0 had one tick box: keep the answers. Nothing else was agreed to.
        new["consent"] = {
            "agreed": True,
            "version": "v0",
            "agreed_to": ["store"],
            "agreed_at": created,
        }
    if created:
        new["created_at"] = created
    if old.get("modified"):
        new["updated_at"] = _utc(old["modified"])
    return new


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _v0_to_v1}


def detect_version(data: Any, source: str) -> int:
    """The schema version of a parsed workbook file, or WorkbookError if it is not one."""
    if not isinstance(data, dict):
        kind = {
            list: "a list",
            str: "a text",
            int: "a number",
            float: "a number",
            bool: "true/false",
        }.get(type(data), "null")
        raise WorkbookError(
            f"{source} is not a careerkit workbook: it holds {kind}, expected a JSON object "
            f'with "format": "{FORMAT}".'
        )
    if data.get("format") == FORMAT:
        version = data.get("schema_version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 0:
            raise WorkbookError(
                f"{source} has schema_version {version!r}; expected a whole number such as "
                f"{SCHEMA_VERSION}."
            )
        return version
    if "participant_id" in data and "answers" in data:
        return 0
    keys = ", ".join(sorted(map(str, data))[:6]) or "none"
    raise WorkbookError(
        f'{source} is not a careerkit workbook: it has no "format": "{FORMAT}" field '
        f"(its fields: {keys})."
    )


def migrate(data: Any, source: str) -> dict[str, Any]:
    """Bring a parsed workbook file up to :data:`SCHEMA_VERSION`."""
    version = detect_version(data, source)
    if version > SCHEMA_VERSION:
        raise WorkbookError(
            f"{source} was written by a newer careerkit (workbook schema {version}; this one "
            f"reads up to {SCHEMA_VERSION}). Update careerkit to open it; the file is unchanged."
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return data
