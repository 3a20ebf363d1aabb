# mypy: disable-error-code="misc"
# (the mixin's methods annotate ``self`` as the one class they are mixed into, Workbook,
# which mypy accepts only for a supertype or a Protocol)
"""Owning your data: consent, download, upload, submitting a copy, deleting.

These are :class:`~careerkit.workbook.Workbook` methods (a mixin), kept apart from the saving
machinery. Each changes the workbook and saves it, so a screen only has to call one of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from careerkit import _json
from careerkit.errors import InputError, WorkbookError
from careerkit.workbook import _store
from careerkit.workbook._limits import check_changes, check_size
from careerkit.workbook._merge import MISSING
from careerkit.workbook._migrate import detect_version
from careerkit.workbook._model import (
    CONSENT_SCOPES,
    Consent,
    CounselorComment,
    Submission,
    check_pseudonym,
    later_than,
    now,
)

if TYPE_CHECKING:
    from careerkit.workbook._workbook import Workbook

#: largest workbook file accepted (an upload bigger than this is refused; saves stay below it)
MAX_BYTES = _json.MAX_BYTES


class OwningMixin:
    """Consent, download, upload, submission and deletion for :class:`Workbook`."""

    if TYPE_CHECKING:
        _raw: bytes | None  # a private attribute of Workbook

    # ------------------------------------------------------------------ consent
    def give_consent(
        self: Workbook,
        version: str,
        agreed_to: Iterable[str] = ("store",),
        *,
        under_16: bool = False,
    ) -> None:
        """Record that the participant agreed (to ``agreed_to``, under consent text ``version``)."""
        scopes = list(dict.fromkeys(agreed_to))
        unknown = [s for s in scopes if s not in CONSENT_SCOPES]
        if unknown:
            raise InputError(
                f"Unknown consent scope {unknown[0]!r}; "
                f"expected one of {', '.join(CONSENT_SCOPES)}."
            )
        if "store" not in scopes:
            raise InputError("Consent to store the answers ('store') is needed to use a workbook.")
        guardian = self.consent.guardian_consent_noted if under_16 else False
        self.consent = Consent(
            agreed=True,
            version=version,
            agreed_to=scopes,
            agreed_at=now(),
            under_16=under_16,
            guardian_consent_noted=guardian,
            guardian_noted_by=self.consent.guardian_noted_by if guardian else "",
            guardian_noted_at=self.consent.guardian_noted_at if guardian else None,
        )
        self.save()

    def withdraw_consent(self: Workbook) -> None:
        """Withdraw consent: nothing more is shared; the file stays until the person deletes it."""
        self.consent.withdrawn = True
        self.consent.withdrawn_at = now()
        self.save()

    def note_guardian_consent(self: Workbook, noted_by: str) -> None:
        """A counselor notes that a guardian consented for a participant under 16."""
        if not noted_by.strip():
            raise InputError("Say who noted the guardian's consent (the counselor's name).")
        self.consent.guardian_consent_noted = True
        self.consent.guardian_noted_by = noted_by.strip()
        self.consent.guardian_noted_at = now()
        self.save()

    def add_comment(self: Workbook, text: str, author: str = "", about: str = "") -> None:
        """Add a counselor's comment (``about``: a step name or a goal id; empty for all)."""
        if not text.strip():
            raise InputError("The comment is empty.")
        self.counselor_comments.append(CounselorComment(text=text, author=author, about=about))
        self.save()

    @property
    def is_demo(self: Workbook) -> bool:
        """The shared demo workbook (opened when no workbook was chosen)."""
        from careerkit.workbook._current import DEMO_PSEUDONYM

        return self.participant.pseudonym == DEMO_PSEUDONYM

    # ------------------------------------------------------------------ download
    @property
    def download_name(self: Workbook) -> str:
        return f"{self.participant.pseudonym}.json"

    def to_bytes(self: Workbook) -> bytes:
        """The workbook file as saved (saving first), e.g. for a download button."""
        self.save()
        data = _store.read(self.path)
        if data is None:  # pragma: no cover - deleted between the save and the read
            raise WorkbookError(f"The workbook file {self.path} disappeared while reading it.")
        return data

    # ------------------------------------------------------------------ upload
    @classmethod
    def import_bytes(
        cls: type[Workbook],
        data: bytes,
        folder: str | Path | None = None,
        *,
        pseudonym: str | None = None,
        source: str = "The uploaded file",
        merge_different: bool = False,
    ) -> Workbook:
        """Take an uploaded workbook file into ``folder``: new, or merged with the one there.

        Refused with a :class:`WorkbookError` saying why: too big, not UTF-8 JSON, not a
        careerkit workbook (foreign JSON), from a newer careerkit, invalid fields, a different
        pseudonym than ``pseudonym`` (the workbook open on screen), or a *different* workbook
        that happens to use the same pseudonym (started at another time; ``merge_different``
        merges anyway). Merging is field by field by change time; values that lose are kept in
        the history with reason ``"upload"``.
        """
        from careerkit.workbook._current import home

        if len(data) > MAX_BYTES:
            raise WorkbookError(
                f"{source} is {len(data) / 1e6:.1f} MB; a workbook is at most "
                f"{MAX_BYTES / 1e6:.0f} MB. Is it the right file?"
            )
        uploaded = cls._parse(data, source, None)
        try:
            check_changes(uploaded._content(), [""])
        except InputError as exc:
            raise WorkbookError(f"{source} cannot be taken in: {exc}") from exc
        name = uploaded.participant.pseudonym
        if pseudonym is not None and check_pseudonym(pseudonym) != name:
            raise WorkbookError(
                f"{source} is the workbook of '{name}', not of '{check_pseudonym(pseudonym)}' "
                f"(the one open now). Choose '{name}' on the start page to upload it there."
            )
        folder = Path(folder) if folder is not None else home()
        path = folder / f"{name}.json"
        _store.ensure_folder(folder)
        with _store.locked(path):
            raw = _store.read(path)
            if raw is None:
                fresh = uploaded._serialise()  # indented: may be larger than the upload
                check_size(fresh, path)
                _store.write_atomic(path, fresh)
                return cls.open(path)
            here = cls._parse(raw, path, path)
            if here.created_at != uploaded.created_at and not merge_different:
                raise WorkbookError(
                    f"{source} is a different workbook that also uses the pseudonym '{name}': "
                    f"it was started on {uploaded.created_at:%d %B %Y at %H:%M}, the one here "
                    f"on {here.created_at:%d %B %Y at %H:%M}. Nothing was changed. Upload it "
                    f"under another pseudonym, or ask to merge the two."
                )
            here._path, here._raw, here._stamp = path, raw, _store.stamp(path)
            moment = later_than(here.updated_at)
            merged = here._merge(
                MISSING,
                uploaded._content(),
                here._content(),
                dict(uploaded.field_times),
                dict(here.field_times),
                moment,
                "upload",
            )
            merged._unknown = {**here._unknown, **uploaded._unknown}
            merged_data = merged._serialise()
            check_size(merged_data, path)
            _store.write_atomic(path, merged_data, backup=True)
        return cls.open(path)

    # ------------------------------------------------------------------ sharing
    def submit_copy(self: Workbook, folder: str | Path) -> Path:
        """Hand a copy to the counselor's ``folder``; recorded with the consent that allowed it.

        Needs active consent that includes ``share_with_counselor``. A copy sent before is
        merged with the new one (as an upload is), so what the counselor added to it is kept.
        Returns the copy's path.
        """
        consent = self.consent
        if not consent.agreed:
            problem = "no consent has been given yet"
        elif consent.withdrawn:
            problem = "consent was withdrawn"
        elif consent.under_16 and not consent.guardian_consent_noted:
            problem = "a guardian's consent has not been noted by the counselor yet (under 16)"
        elif "share_with_counselor" not in consent.agreed_to:
            problem = "the consent given does not include sharing with a counselor"
        else:
            problem = ""
        if problem:
            raise WorkbookError(f"A copy cannot be sent to the counselor: {problem}.")
        target_folder = Path(folder)
        target = target_folder / self.download_name
        if target.resolve() == self.path.resolve():
            raise WorkbookError(
                f"{target_folder} is the folder this workbook already lives in; choose the "
                f"counselor's folder."
            )
        record = Submission(
            folder=str(target_folder),
            consent_version=consent.version,
            consent_agreed_at=consent.agreed_at,
        )
        self.submissions.append(record)
        try:
            data = self.to_bytes()
            # Merged, not overwritten: comments the counselor wrote into an earlier copy stay.
            type(self).import_bytes(data, target_folder, source=f"The copy of {self.path.name}")
        except WorkbookError:
            self.submissions[:] = [s for s in self.submissions if s.id != record.id]
            self.save()
            raise
        return target

    # ------------------------------------------------------------------ deleting
    def delete(self: Workbook) -> list[Path]:
        """Delete my workbook: the file, its backup and leftovers. Returns what was removed.

        A later :meth:`save` of this object refuses (the file was deleted on purpose) unless
        called with ``recreate=True``.
        """
        removed = delete_workbook(self.path)
        self._raw = None
        return removed


def delete_workbook(path: str | Path) -> list[Path]:
    """Delete a workbook file (by path, or by pseudonym in the home), its backup and leftovers.

    Refuses a file that is not named like a workbook or that holds JSON that is not a careerkit
    workbook (so ``careerkit delete package.json`` cannot remove somebody's project file). A
    damaged workbook can be deleted.
    """
    from careerkit.workbook._current import forget_current, home, remembered
    from careerkit.workbook._keys import key_path, remove_key

    path = Path(path)
    if path.suffix != ".json" and len(path.parts) == 1:
        path = home() / f"{check_pseudonym(str(path))}.json"
    if path.suffix != ".json":
        raise WorkbookError(f"{path} is not a workbook file (workbook files end in .json).")
    try:
        pseudonym = check_pseudonym(path.stem)
    except InputError as exc:
        raise WorkbookError(f"{path} is not named like a workbook: {exc}") from exc
    raw = _store.read(path)
    if raw is not None:
        try:
            parsed = _json.loads(raw, path, WorkbookError, what="workbook")
        except WorkbookError:
            parsed = MISSING  # a damaged workbook: still the person's to delete
        if parsed is not MISSING:
            detect_version(parsed, str(path))
    elif not _store.backup_path(path).exists():
        raise WorkbookError(f"There is no workbook at {path}; nothing was deleted.")
    had_lock = _store.lock_path(path).exists()
    with _store.locked(path):
        removed = _store.remove(path, keep_lock=True)
    lock = _store.remove_lock(path)
    removed += lock if had_lock else []  # report only what was there before
    key = key_path(path)
    if key.exists():
        remove_key(path)
        removed.append(key)
    if remembered(path.parent) == pseudonym:
        forget_current(path.parent)
    return removed
