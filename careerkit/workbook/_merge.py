"""Field-by-field merge of two copies of a workbook, on plain JSON data.

The merge works on ``model_dump(mode="json")`` output, so it never needs to know the fields of
the step sections: JSON objects merge per key (model fields and dict entries alike), lists whose
items are all objects with a string ``id`` merge per item (by id, additions and removals
included), every other value is one field.

A *path* names one node with JSON Pointer syntax (RFC 6901): ``/interests/responses/R03``. An
item of an id-keyed list is named ``@<id>``: ``/goals/goals/@3f2a…/text``. A key that itself
starts with ``@`` is written ``~2…`` so the two never collide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

__all__ = [
    "MISSING",
    "Conflict",
    "MergeResult",
    "changed_paths",
    "join",
    "merge",
    "path_exists",
]


class _Missing:
    """A key or item that is absent on one side (not the same as JSON ``null``)."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING: Any = _Missing()
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _escape(key: str) -> str:
    key = key.replace("~", "~0").replace("/", "~1")
    return "~2" + key[1:] if key.startswith("@") else key


def join(path: str, key: str, *, item: bool = False) -> str:
    """The path of ``key`` (a dict key, or an item id when ``item``) below ``path``."""
    return f"{path}/@{_escape(key)}" if item else f"{path}/{_escape(key)}"


def _ids(value: Any) -> list[str] | None:
    """Ids of a list of ``{"id": str, ...}`` objects, or None if it is not such a list."""
    if not isinstance(value, list):
        return None
    ids = []
    for item in value:
        if not (isinstance(item, dict) and isinstance(item.get("id"), str)):
            return None
        ids.append(item["id"])
    return ids if len(set(ids)) == len(ids) else None


def _keyed(*values: Any) -> bool:
    """Whether the (present) values are id-keyed lists, with at least one item among them."""
    present = [v for v in values if v is not MISSING]
    ids = [_ids(v) for v in present]
    return all(i is not None for i in ids) and any(ids)


def _same(a: Any, b: Any) -> bool:
    """Equal JSON values of the same type (``true`` is not ``1``, though Python says so).

    Containers compare with ``==`` at C speed; their leaves are typed by the section models, so
    a field does not switch between ``true`` and ``1``.
    """
    if a is b:
        return True
    if a is MISSING or b is MISSING:
        return False
    return type(a) is type(b) and a == b


def changed_paths(base: Any, ours: Any, path: str = "") -> list[str]:
    """The smallest paths at which ``ours`` differs from ``base`` (same granularity as merge)."""
    out: list[str] = []
    _diff(path, base, ours, out)
    return out


def _diff(path: str, b: Any, o: Any, out: list[str]) -> None:
    if _same(b, o):
        return
    if isinstance(b, dict) and isinstance(o, dict):
        for key in {**b, **o}:
            _diff(join(path, key), b.get(key, MISSING), o.get(key, MISSING), out)
        return
    if _keyed(b, o) and b is not MISSING and o is not MISSING:
        bi, oi = {x["id"]: x for x in b}, {x["id"]: x for x in o}
        for key in {**bi, **oi}:
            _diff(join(path, key, item=True), bi.get(key, MISSING), oi.get(key, MISSING), out)
        if [x for x in _ids(b) or [] if x in oi] != [x for x in _ids(o) or [] if x in bi]:
            out.append(path)  # reordered
        return
    out.append(path)


@dataclass
class Conflict:
    """One field changed on both sides: ``value`` (written at ``time``) lost to the other."""

    path: str
    value: Any
    time: datetime
    winner: str  # "ours" or "theirs"


@dataclass
class MergeResult:
    value: Any
    times: dict[str, str]
    conflicts: list[Conflict] = field(default_factory=list)


def _parse(stamp: str | None) -> datetime:
    if not stamp:
        return _EPOCH
    try:
        value = datetime.fromisoformat(stamp)
    except ValueError:
        return _EPOCH
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _time_of(times: dict[str, str], path: str) -> datetime:
    """When the value at ``path`` last changed: the latest stamp at, above or below it."""
    best = _EPOCH
    prefix = path + "/"
    for key, stamp in times.items():
        if key == path or key.startswith(prefix) or path.startswith(key + "/") or key == "":
            best = max(best, _parse(stamp))
    return best


class _Merger:
    def __init__(self, ours_times: dict[str, str], theirs_times: dict[str, str]) -> None:
        self.ours_times = ours_times
        self.theirs_times = theirs_times
        self.conflicts: list[Conflict] = []
        #: paths where their version was taken over a different one here (times may go stale)
        self.touched: list[str] = []

    def node(self, path: str, b: Any, o: Any, t: Any) -> Any:
        if _same(o, t):
            return o
        if _same(o, b):
            self.touched.append(path)
            return t
        if _same(t, b):
            return o
        if isinstance(o, dict) and isinstance(t, dict):
            return self.mapping(path, b if isinstance(b, dict) else {}, o, t)
        if isinstance(o, list) and isinstance(t, list) and _keyed(b, o, t):
            return self.items(path, b if _ids(b) is not None else [], o, t)
        return self.leaf(path, o, t)

    def leaf(self, path: str, o: Any, t: Any) -> Any:
        self.touched.append(path)
        ours_time = _time_of(self.ours_times, path)
        theirs_time = _time_of(self.theirs_times, path)
        # Later wins; on a tie this copy (the one saving now) wins.
        if ours_time >= theirs_time:
            if t is not MISSING:
                self.conflicts.append(Conflict(path, t, theirs_time, "ours"))
            return o
        if o is not MISSING:
            self.conflicts.append(Conflict(path, o, ours_time, "theirs"))
        return t

    def mapping(self, path: str, b: dict, o: dict, t: dict) -> dict:
        out = {}
        for key in {**t, **o}:  # their key order first, then keys new here
            value = self.node(
                join(path, key), b.get(key, MISSING), o.get(key, MISSING), t.get(key, MISSING)
            )
            if value is not MISSING:
                out[key] = value
        return out

    def items(self, path: str, b: list, o: list, t: list) -> list:
        bi, oi, ti = ({x["id"]: x for x in side} for side in (b, o, t))
        merged = {}
        for key in {**ti, **oi}:
            value = self.node(
                join(path, key, item=True),
                bi.get(key, MISSING),
                oi.get(key, MISSING),
                ti.get(key, MISSING),
            )
            if value is not MISSING:
                merged[key] = value
        order_b, order_o, order_t = list(bi), list(oi), list(ti)
        order = order_t if order_o == order_b or order_t != order_b else order_o
        result = [key for key in order if key in merged]
        # An item kept from the other order goes right after its predecessor there, else right
        # before its successor, else at the end.
        for source in (order_o, order_t):
            for index, key in enumerate(source):
                if key in merged and key not in result:
                    before = [k for k in source[:index] if k in result]
                    after = [k for k in source[index + 1 :] if k in result]
                    if before:
                        result.insert(result.index(before[-1]) + 1, key)
                    elif after:
                        result.insert(result.index(after[0]), key)
                    else:
                        result.append(key)
        return [merged[key] for key in result]


def merge(
    base: Any,
    ours: Any,
    theirs: Any,
    ours_times: dict[str, str],
    theirs_times: dict[str, str],
) -> MergeResult:
    """Three-way merge of JSON values; ``base=MISSING`` gives a two-way merge by change time.

    Parameters
    ----------
    base
        What both copies started from (the copy loaded or last saved here), or ``MISSING``.
    ours, theirs
        This copy, and the copy on disk (or an uploaded copy).
    ours_times, theirs_times
        Path → ISO 8601 time of the last change, as kept in the file.

    Returns
    -------
    MergeResult
        The merged value, its change times (the winner's time per path) and the conflicts: the
        fields that changed on both sides, with the value that lost.
    """
    merger = _Merger(ours_times, theirs_times)
    value = merger.node("", base, ours, theirs)
    times = dict(theirs_times)
    for key, stamp in ours_times.items():
        if key not in times or _parse(stamp) > _parse(times[key]):
            times[key] = stamp
    for conflict in merger.conflicts:
        loser = merger.ours_times if conflict.winner == "theirs" else merger.theirs_times
        winner = merger.theirs_times if conflict.winner == "theirs" else merger.ours_times
        for key in list(times):
            if key == conflict.path or key.startswith(conflict.path + "/"):
                if key in winner:
                    times[key] = winner[key]
                elif key in loser:
                    del times[key]
    # Drop the times of fields that no longer exist. Only paths changed here or taken from
    # there can have lost fields, so only times at or below those are checked.
    ours_changed = changed_paths({} if base is MISSING else base, ours)
    touched = [*ours_changed, *merger.touched]
    if "" in touched:
        stale = [key for key in times if not path_exists(value, key)]
    else:
        stale = [
            key
            for key in times
            if any(key == p or key.startswith(p + "/") for p in touched)
            and not path_exists(value, key)
        ]
    for key in stale:
        del times[key]
    return MergeResult(value, times, merger.conflicts)


def _unescape(segment: str) -> str:
    if segment.startswith("~2"):
        segment = "@" + segment[2:]
    return segment.replace("~1", "/").replace("~0", "~")


def split(path: str) -> list[tuple[str, bool]]:
    """Segments of a path as ``(key, is_item)`` pairs."""
    if not path:
        return []
    out = []
    for segment in path.split("/")[1:]:
        if segment.startswith("@"):
            out.append((_unescape(segment[1:]), True))
        else:
            out.append((_unescape(segment), False))
    return out


def path_exists(value: Any, path: str) -> bool:
    """Whether ``path`` names a node of ``value``."""
    node = value
    for key, is_item in split(path):
        if is_item:
            ids = _ids(node)
            if ids is None or key not in ids:
                return False
            node = node[ids.index(key)]
        elif isinstance(node, dict) and key in node:
            node = node[key]
        else:
            return False
    return True


def unknown_fields(raw: Any, known: Any, path: str = "") -> dict[str, Any]:
    """Fields in ``raw`` (a file as read) that the models dropped in ``known`` (its validated
    dump): path → value. Written by a newer careerkit, they are kept, not lost, on the next save.
    """
    out: dict[str, Any] = {}
    if isinstance(raw, dict) and isinstance(known, dict):
        for key, value in raw.items():
            child = join(path, key)
            if key not in known:
                out[child] = value
            else:
                out.update(unknown_fields(value, known[key], child))
    elif _ids(raw) is not None and _ids(known) is not None:
        by_id = {item["id"]: item for item in known}
        for item in raw:
            if item["id"] in by_id:
                out.update(
                    unknown_fields(item, by_id[item["id"]], join(path, item["id"], item=True))
                )
    return out


def restore_unknown(value: Any, unknown: dict[str, Any]) -> int:
    """Put ``unknown`` fields back into ``value`` (in place) where their parent still exists and
    the field is not set; returns how many were put back."""
    restored = 0
    for path, field_value in unknown.items():
        segments = split(path)
        node = value
        for key, is_item in segments[:-1]:
            if is_item:
                ids = _ids(node)
                node = node[ids.index(key)] if ids is not None and key in ids else None
            else:
                node = node.get(key) if isinstance(node, dict) else None
            if node is None:
                break
        last, is_item = segments[-1] if segments else ("", True)
        if isinstance(node, dict) and not is_item and last not in node:
            node[last] = field_value
            restored += 1
    return restored
