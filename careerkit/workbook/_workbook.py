"""The :class:`Workbook`: one participant's answers in one JSON file, saved without losing any."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from careerkit import _json
from careerkit.errors import InputError, WorkbookError
from careerkit.goals import GoalsAnswers
from careerkit.interests import InterestAnswers
from careerkit.occupations import PastJobAnswers
from careerkit.skills import SkillsAnswers
from careerkit.values import ValuesAnswers
from careerkit.workbook import _store
from careerkit.workbook._history import HistoryMixin
from careerkit.workbook._limits import check_changes, check_size
from careerkit.workbook._merge import (
    MISSING,
    changed_paths,
    merge,
    restore_unknown,
    unknown_fields,
)
from careerkit.workbook._migrate import FORMAT, SCHEMA_VERSION, migrate
from careerkit.workbook._model import (
    Change,
    Consent,
    CounselorComment,
    Participant,
    Submission,
    check_pseudonym,
    later_than,
    now,
)
from careerkit.workbook._owning import OwningMixin
from careerkit.workbook._unique import fresh_duplicate_ids

#: fields the merge handles itself rather than field by field
_BOOKKEEPING = ("field_times", "updated_at")
#: append-only records: merged by id, but no per-field change times kept for them
_NO_TIMES = ("/history", "/submissions", "/format", "/schema_version")


def _describe(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err["loc"]) or "(top level)"
        parts.append(f"{where}: {err['msg']}")
    more = f" (and {exc.error_count() - 5} more)" if exc.error_count() > 5 else ""
    return "; ".join(parts) + more


#: the start screen's button that puts the backup back (named in error messages)
RESTORE_LABEL = "Put back the previous version"


class DamagedWorkbookError(WorkbookError):
    """A workbook file on disk cannot be read; its backup may be put back with
    :meth:`Workbook.restore_backup`. The file itself is left exactly as found."""


@dataclass
class _Disk:
    """The workbook file as found on disk during a save."""

    content: Any
    times: dict[str, str]
    raw: bytes
    updated: datetime | None
    unknown: dict[str, Any]


def _iso(moment: datetime) -> str:
    # Fixed width (always microseconds), so stamps also sort as text.
    return moment.isoformat(timespec="microseconds").replace("+00:00", "Z")


class Workbook(BaseModel, OwningMixin, HistoryMixin):
    """One participant's workbook: the three step sections plus consent, notes and history.

    Create one with :meth:`create`, open one with :meth:`open`, change any field (plain
    assignment or in place, e.g. ``wb.interests.responses["R03"] = 4``) and call :meth:`save`.
    A save merges with whatever another window saved since this copy was loaded: only a field
    changed in both places is decided by time (the later wins; the other value goes to
    :attr:`history`).
    """

    model_config = ConfigDict(validate_assignment=True, extra="allow")

    format: str = FORMAT
    schema_version: int = SCHEMA_VERSION
    participant: Participant
    consent: Consent = Field(default_factory=Consent)
    interests: InterestAnswers = Field(default_factory=InterestAnswers)
    skills: SkillsAnswers = Field(default_factory=SkillsAnswers)
    #: the optional work-values step (issue 14)
    values: ValuesAnswers = Field(default_factory=ValuesAnswers)
    #: "jobs like my last one" (issue 14): the past occupation and the related one looked at
    past_job: PastJobAnswers = Field(default_factory=PastJobAnswers)
    goals: GoalsAnswers = Field(default_factory=GoalsAnswers)
    counselor_comments: list[CounselorComment] = Field(default_factory=list)
    notes: str = ""
    submissions: list[Submission] = Field(default_factory=list)
    history: list[Change] = Field(default_factory=list)
    created_at: datetime = Field(default_factory=now)
    updated_at: datetime = Field(default_factory=now)
    #: path → time of its last change (see ``careerkit.workbook._merge`` for the path syntax)
    field_times: dict[str, str] = Field(default_factory=dict)

    _path: Path | None = PrivateAttr(default=None)
    _base: Any = PrivateAttr(default=MISSING)
    #: whether this copy's file existed when last read/written (to notice a deletion)
    _stamp: Any = PrivateAttr(default=None)
    #: the file's bytes as last read or written here
    _raw: bytes | None = PrivateAttr(default=None)
    #: ``updated_at`` of the version ``_base`` was taken from
    _base_updated: datetime | None = PrivateAttr(default=None)
    #: fields the file had that these models do not know (path → value), kept on save
    _unknown: dict[str, Any] = PrivateAttr(default_factory=dict)
    #: why this is not the workbook that was asked for (set by ``open_current``); never saved
    _notice: str = PrivateAttr(default="")
    #: called with the workbook after each save that reached the disk (the app's step list)
    _after_save: list[Any] = PrivateAttr(default_factory=list)
    #: technical details behind the notice, for a counselor ("" when none)
    _notice_details: str = PrivateAttr(default="")

    SCHEMA_VERSION: ClassVar[int] = SCHEMA_VERSION

    # ------------------------------------------------------------------ creating and opening
    @classmethod
    def create(
        cls,
        participant_id: str,
        folder: str | Path | None = None,
        *,
        workshop: str = "",
        exist_ok: bool = False,
    ) -> Workbook:
        """Start a new workbook ``<folder>/<pseudonym>.json`` and write it at once.

        ``folder`` defaults to the workbook home (``CAREERKIT_HOME``, see :func:`home`). An
        existing workbook with that pseudonym is an error unless ``exist_ok``, then it is opened.
        """
        from careerkit.workbook._current import home

        pseudonym = check_pseudonym(participant_id)
        folder = Path(folder) if folder is not None else home()
        path = folder / f"{pseudonym}.json"
        _store.ensure_folder(folder)
        with _store.locked(path):
            if path.exists():
                if not exist_ok:
                    raise WorkbookError(
                        f"A workbook called '{pseudonym}' already exists in {folder}. Open it "
                        f"to continue, or choose another pseudonym."
                    )
            else:
                wb = cls(participant=Participant(pseudonym=pseudonym, workshop=workshop))
                wb._path = path
                data = wb._serialise()
                wb._stamp = _store.write_atomic(path, data, backup=False)
                wb._raw = data
                wb._base, wb._base_updated = wb._content(), wb.updated_at
                return wb
        return cls.open(path)

    @classmethod
    def open(cls, path: str | Path, *, from_backup: bool = False) -> Workbook:
        """Open the workbook file at ``path`` (``from_backup``: its previous version)."""
        path = Path(path)
        source = _store.backup_path(path) if from_backup else path
        raw = _store.read(source)
        if raw is None:
            if from_backup:
                raise WorkbookError(f"There is no backup of {path} ({source.name} not found).")
            raise WorkbookError(f"No workbook file at {path}.")
        wb = cls._parse(raw, source, path)
        if path.name != wb.download_name:
            # The file name is how open_current and the links find a workbook: a renamed file
            # would show one person's answers under another's pseudonym.
            raise WorkbookError(
                f"{path} holds the workbook of '{wb.pseudonym}', but its name says otherwise. "
                f"Rename it to {wb.download_name}, or upload it on the start page."
            )
        wb._path = path
        wb._raw = None if from_backup else raw
        wb._stamp = _store.stamp(path)
        if from_backup:
            wb._base = MISSING  # the first save writes the backup's content back
        else:
            wb._base, wb._base_updated = wb._content(), wb.updated_at
        return wb

    @classmethod
    def restore_backup(cls, path: str | Path) -> Workbook:
        """Put the previous version of ``path`` back in place (e.g. after the file was damaged).

        The damaged file is kept beside it as ``<name>.damaged-<time>`` (not ``.json``), so even
        a broken file is never thrown away.
        """
        path = Path(path)
        backup = _store.backup_path(path)
        raw = _store.read(backup)
        if raw is None:
            raise WorkbookError(f"There is no backup of {path} ({backup.name} not found).")
        wb = cls._parse(raw, backup, path)
        wb._path = path
        with _store.locked(path):
            current = _store.read(path)
            if current is not None:
                damaged = path.with_name(f"{path.name}.damaged-{now():%Y%m%dT%H%M%S}")
                _store.write_atomic(damaged, current, backup=False)
            wb._stamp = _store.write_atomic(path, raw, backup=False)
        wb._raw = raw
        wb._base, wb._base_updated = wb._content(), wb.updated_at
        return wb

    @classmethod
    def _parse(cls, raw: bytes, source: Path | str, path: Path | None) -> Workbook:
        """Validate file bytes into a Workbook (migrating old schemas), or a clear error.

        A workbook file (``source == path``) that cannot be read raises
        :class:`DamagedWorkbookError`, which offers its backup when there is one.
        """
        in_place = path is not None and source == path
        backup = _store.backup_path(path) if in_place and path is not None else None
        has_backup = backup is not None and backup.exists()
        offer = (
            f" The previous version is kept in {backup.name}: on the start page press "
            f"“{RESTORE_LABEL}”, or in Python call Workbook.restore_backup(path) (to only look "
            f"at it: Workbook.open(path, from_backup=True))."
            if has_backup and backup is not None
            else ""
        )
        error = DamagedWorkbookError if in_place else WorkbookError
        try:
            data = _json.loads(raw, source, WorkbookError, what="workbook")
        except WorkbookError as exc:
            raise error(f"{exc}{offer}") from (exc.__cause__ or exc)
        try:
            data = migrate(data, str(source))
            wb = cls.model_validate(data)
            wb._unknown = unknown_fields(data, wb.model_dump(mode="json"))
            return wb
        except WorkbookError as exc:
            raise error(f"{exc}{offer}") from exc
        except (ValidationError, InputError) as exc:
            detail = _describe(exc) if isinstance(exc, ValidationError) else str(exc)
            raise error(f"{source} is not a valid workbook: {detail}.{offer}") from exc

    # ------------------------------------------------------------------ where
    @property
    def path(self) -> Path:
        """The workbook file, ``<folder>/<pseudonym>.json``."""
        if self._path is None:
            raise WorkbookError("This workbook has no file yet; use Workbook.create(...).")
        return self._path

    @property
    def folder(self) -> Path:
        return self.path.parent

    @property
    def pseudonym(self) -> str:
        return self.participant.pseudonym

    @property
    def notice(self) -> str:
        """Why this is not the workbook that was asked for, in plain words, or "".

        Set by :func:`~careerkit.workbook.open_current` when the chosen workbook could not be
        opened (a link to a workbook that does not exist, a damaged file) and the demo workbook
        stands in; screens may show it. It is not part of the file.
        """
        return self._notice

    @property
    def notice_details(self) -> str:
        """Technical details behind :attr:`notice` (for a counselor), or ""."""
        return self._notice_details

    # ------------------------------------------------------------------ saving
    def _content(self) -> dict[str, Any]:
        data = self.model_dump(mode="json")
        for key in _BOOKKEEPING:
            data.pop(key, None)
        return data

    def _serialise(self) -> bytes:
        """The file's bytes: indented JSON (readable in an editor), with any fields a newer
        careerkit wrote put back where they were."""
        if not self._unknown:
            return self.model_dump_json(indent=1).encode("utf-8")
        data = self.model_dump(mode="json")
        restore_unknown(data, self._unknown)
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")

    def _ours(self, moment: datetime) -> tuple[dict[str, Any], dict[str, str]]:
        """This copy's content, and its change times with every field changed since the last
        load or save stamped ``moment`` (how plain assignment and in-place edits are tracked)."""
        ours = self._content()
        times = dict(self.field_times)
        stamp = _iso(moment)
        changes = changed_paths({} if self._base is MISSING else self._base, ours)
        # Answers out of their scale and overlong texts never reach the file.
        check_changes(ours, changes)
        for changed in changes:
            if not changed.startswith(_NO_TIMES):
                times[changed] = stamp
        return ours, times

    def _read_theirs(self) -> _Disk | None:
        """The file on disk, or None if it is gone."""
        raw = _store.read(self.path)
        if raw is None:
            return None
        # Unchanged since this copy last read or wrote it: skip parsing (the common case).
        # Bytes, not size/mtime, decide: a save in the same clock tick can match those.
        if raw == self._raw and self._base is not MISSING:
            return _Disk(self._base, dict(self.field_times), raw, self._base_updated, self._unknown)
        theirs = type(self)._parse(raw, self.path, self.path)
        return _Disk(
            theirs._content(), dict(theirs.field_times), raw, theirs.updated_at, theirs._unknown
        )

    def save(self, *, recreate: bool = False) -> None:
        """Write this copy, merged with what was saved elsewhere since it was loaded.

        Raises :class:`WorkbookError` (and leaves the file on disk as it was) when the folder is
        not writable, the disk is full, the file on disk is damaged, or the file was deleted
        since it was opened (``recreate=True`` writes it again anyway).
        """
        path = self.path
        if self.participant.pseudonym != path.stem:
            raise WorkbookError(
                f"The pseudonym of this workbook is its file name ({path.name}) and cannot be "
                f"changed to {self.participant.pseudonym!r}. To use another pseudonym, start a "
                f"new workbook."
            )
        # An item appended with an id its list already has would make the whole list one
        # field for the merge (and one window's changes lost): it gets a fresh id instead.
        fresh_duplicate_ids(self, self._base)
        _store.ensure_folder(path.parent)
        with _store.locked(path):
            _store.remove_stale_temps(path)
            disk = self._read_theirs()
            # The change time is taken here, under the lock, and after the file's own: saves
            # then reach the disk in the order of their times, so a save that waited for the
            # lock never writes an older time over a newer one (which would look like an old
            # version put back, and merge without a base: deletions undone, false conflicts).
            moment = later_than(disk.updated if disk is not None else None)
            ours, ours_times = self._ours(moment)
            if disk is None:
                if self._stamp is not None and not recreate:
                    raise WorkbookError(
                        f"The workbook file {path} was deleted after this window opened it "
                        f"(perhaps 'delete my workbook' in another window). Nothing was "
                        f"written. To keep what is on screen, save again with "
                        f"save(recreate=True)."
                    )
                disk = _Disk(MISSING, {}, b"", None, {})
                base = MISSING
            else:
                base = self._base
                if self._went_back(disk.updated):
                    # An older version was put back (a restored backup, a copy dropped in by
                    # hand): merge without a base, so its older state deletes nothing.
                    base = MISSING
            merged = self._merge(base, ours, disk.content, ours_times, disk.times, moment, "merge")
            merged._unknown = {**self._unknown, **disk.unknown}
            data = merged._serialise()
            check_size(data, path)
            self._stamp = _store.write_atomic(path, data, backup=True)
            self._raw = data
        self._adopt(merged)
        for listener in list(self._after_save):
            listener(self)

    def _merge(
        self,
        base: Any,
        ours: dict[str, Any],
        theirs: Any,
        ours_times: dict[str, str],
        theirs_times: dict[str, str],
        moment: datetime,
        reason: str,
    ) -> Workbook:
        if theirs is MISSING:
            value, times, conflicts = ours, ours_times, []
        else:
            result = merge(base, ours, theirs, ours_times, theirs_times)
            value, times, conflicts = result.value, result.times, result.conflicts
        value = dict(value)
        history = list(value.get("history") or [])
        for conflict in conflicts:
            history.append(
                Change(
                    field=conflict.path,
                    value=conflict.value,
                    time=conflict.time,
                    replaced_at=moment,
                    reason=reason,
                ).model_dump(mode="json")
            )
        value["history"] = history
        value["field_times"] = times
        value["updated_at"] = _iso(moment)
        value["format"] = FORMAT
        value["schema_version"] = SCHEMA_VERSION
        try:
            return type(self).model_validate(value)
        except ValidationError as exc:
            raise WorkbookError(
                f"Could not save {self._path}: the merged workbook is not valid "
                f"({_describe(exc)}). Nothing was written."
            ) from exc

    def _adopt(self, other: Workbook) -> None:
        """Take ``other``'s values, keeping this copy's objects (screens may hold them)."""
        for name in type(self).model_fields:
            _assign(self, name, getattr(other, name))
        self._base_updated = other.updated_at
        self._unknown = other._unknown
        if self.__pydantic_extra__ is not None and other.__pydantic_extra__ is not None:
            self.__pydantic_extra__.clear()
            self.__pydantic_extra__.update(other.__pydantic_extra__)
        self._base = self._content()

    def reload(self) -> None:
        """Bring in what other windows saved, keeping this copy's unsaved changes (merged)."""
        with _store.locked(self.path):
            disk = self._read_theirs()
            if disk is None:
                raise WorkbookError(f"The workbook file {self.path} no longer exists.")
            base = MISSING if self._went_back(disk.updated) else self._base
            moment = later_than(disk.updated)
            fresh_duplicate_ids(self, self._base)
            ours, ours_times = self._ours(moment)
            merged = self._merge(base, ours, disk.content, ours_times, disk.times, moment, "merge")
            merged._unknown = {**self._unknown, **disk.unknown}
        self._adopt(merged)
        # What is on disk is the new base: unsaved changes stay pending for the next save.
        self._base, self._raw, self._stamp = disk.content, disk.raw, _store.stamp(self.path)
        self._base_updated = disk.updated

    def _went_back(self, theirs_updated: datetime | None) -> bool:
        return (
            self._base_updated is not None
            and theirs_updated is not None
            and theirs_updated < self._base_updated
        )


def _assign(target: BaseModel, name: str, value: Any) -> None:
    """Set ``target.name`` to ``value`` in place: nested models, dicts and lists are updated,
    not replaced, so references held elsewhere stay live."""
    current = getattr(target, name, None)
    if isinstance(current, BaseModel) and type(current) is type(value):
        for field_name in type(value).model_fields:
            _assign(current, field_name, getattr(value, field_name))
        if current.__pydantic_extra__ is not None and value.__pydantic_extra__ is not None:
            current.__pydantic_extra__.clear()
            current.__pydantic_extra__.update(value.__pydantic_extra__)
        return
    if isinstance(current, dict) and isinstance(value, dict):
        current.clear()
        current.update(value)
        return
    if isinstance(current, list) and isinstance(value, list):
        # Items with an id stay the same objects (a screen may hold a goal or a milestone).
        held = {getattr(x, "id", None): x for x in current if isinstance(x, BaseModel)}
        held.pop(None, None)
        items = []
        for item in value:
            key = getattr(item, "id", None) if isinstance(item, BaseModel) else None
            mine = held.pop(key, None) if key is not None else None
            if mine is not None and type(mine) is type(item) and mine is not item:
                for field_name in type(item).model_fields:
                    _assign(mine, field_name, getattr(item, field_name))
                items.append(mine)
            else:
                items.append(item)
        current[:] = items
        return
    # Bypass validate_assignment: ``value`` comes from a validated model already.
    target.__dict__[name] = value
