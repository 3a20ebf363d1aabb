"""Unique item ids before a save: a repeated id gets a fresh one, so both items are kept.

The merge (``_merge``) joins lists of items that carry an ``id`` item by item. Two items with
one id in one list cannot be told apart, so such a list would be merged as one whole value: a
change made in another window to any goal of that list would then be lost to this one, or the
other way round. Before every save, therefore, each item whose id repeats one already in its list
gets a fresh id: both items are kept, and the list stays mergeable item by item.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel

from careerkit.workbook._merge import MISSING
from careerkit.workbook._model import new_id


def _item_id(item: Any) -> str | None:
    if isinstance(item, BaseModel):
        value = getattr(item, "id", None)
    elif isinstance(item, dict):
        value = item.get("id")
    else:
        return None
    return value if isinstance(value, str) else None


def _dump(item: Any) -> Any:
    return item.model_dump(mode="json") if isinstance(item, BaseModel) else item


def _with_id(item: Any, fresh: str) -> Any:
    """``item`` with id ``fresh``: changed in place, so screens holding it see the new id."""
    if isinstance(item, BaseModel):
        item.id = fresh  # type: ignore[attr-defined]
    else:
        item["id"] = fresh
    return item


def _children(node: Any) -> list[tuple[str, Any]]:
    if isinstance(node, BaseModel):
        names = list(type(node).model_fields)
        names += list(node.__pydantic_extra__ or {})
        return [(name, getattr(node, name)) for name in names]
    if isinstance(node, dict):
        return list(node.items())
    return []


def _base_child(base: Any, key: str) -> Any:
    return base.get(key, MISSING) if isinstance(base, dict) else MISSING


def fresh_duplicate_ids(node: Any, base: Any = MISSING, path: str = "") -> list[str]:
    """Give each list item whose ``id`` repeats another in its list a fresh id (in place).

    Parameters
    ----------
    node
        A model (the workbook), or a dict or list within it.
    base
        The same part as last loaded or saved (JSON, as the merge keeps it), or ``MISSING``.
        Of the items sharing an id, the one unchanged from the base item with that id keeps
        the id (it is the one other windows know); otherwise the first one keeps it.

    Returns
    -------
    list of str
        Where ids were changed, as ``<list path>: <old id> -> <new id>``.
    """
    changed: list[str] = []
    if isinstance(node, list):
        _fix_list(node, base, path, changed)
        base_items = (
            {x["id"]: x for x in base if isinstance(x, dict) and isinstance(x.get("id"), str)}
            if isinstance(base, list)
            else {}
        )
        for index, item in enumerate(node):
            key = _item_id(item)
            below = base_items.get(key, MISSING) if key is not None else MISSING
            changed += fresh_duplicate_ids(item, below, f"{path}/{index}")
        return changed
    for name, child in _children(node):
        if isinstance(child, (list, dict, BaseModel)):
            changed += fresh_duplicate_ids(child, _base_child(base, name), f"{path}/{name}")
    return changed


def _fix_list(items: list, base: Any, path: str, changed: list[str]) -> None:
    found = [_item_id(item) for item in items]
    if not items or len(set(found)) == len(found):
        return
    ids = [i for i in found if i is not None]
    if len(ids) != len(found):
        return
    base_by_id = (
        {x.get("id"): x for x in base if isinstance(x, dict)} if isinstance(base, list) else {}
    )
    taken = set(ids)
    keeper: dict[str | None, int] = {}
    for index, key in enumerate(ids):
        if key in keeper:
            continue
        same = [i for i, k in enumerate(ids) if k == key]
        known = base_by_id.get(key)
        unchanged = [i for i in same if known is not None and _dump(items[i]) == known]
        keeper[key] = unchanged[0] if unchanged else index
    seen: list[int] = []  # ids of the objects already in the list (one object appended twice)
    for index, key in enumerate(ids):
        item = items[index]
        if keeper[key] == index:
            seen.append(id(item))
            continue
        if id(item) in seen or any(items[i] is item for i in keeper.values()):
            item = copy.deepcopy(item)
        fresh = new_id()
        while fresh in taken:  # pragma: no cover - uuid4 collisions
            fresh = new_id()
        taken.add(fresh)
        items[index] = _with_id(item, fresh)
        seen.append(id(items[index]))
        changed.append(f"{path}: {key} -> {fresh}")
