"""What a counselor may open in a folder of workbooks, and comments given back to a participant.

Consent decides what a counselor sees of one person (ARCHITECTURE.md, "Privacy"):

- a workbook whose consent allows sharing with a counselor can be read in full and commented on;
- a participant under 16 who agreed, but whose parent or guardian has not been noted yet, can
  share nothing until a counselor notes the guardian's consent: such a workbook is listed by
  pseudonym only, for that purpose;
- anything else (no consent, withdrawn, sharing not chosen, unreadable) is neither listed nor
  read beyond its consent, only counted.

Comments a counselor writes into the shared copy go back to the participant's own workbook with
:func:`copy_comments`: only the comments travel, so nothing the participant changed since
sharing is touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from careerkit.errors import CareerkitError, InputError
from careerkit.workbook._model import CounselorComment, now
from careerkit.workbook._workbook import Workbook

__all__ = ["Listing", "awaiting_guardian", "copy_comments", "shared_with_counselor"]

TEXT = {
    "no_folder": "The folder {folder} does not exist. Check the name, or ask who set up the "
    "workshop where the workbooks are kept.",
    "not_folder": "{folder} is a file, not a folder.",
}


@dataclass(frozen=True)
class Listing:
    """Workbooks of a folder a counselor may open, and how many others were left out."""

    #: pseudonym -> file, in alphabetical order of pseudonym
    workbooks: dict[str, Path]
    #: workbook files not listed (consent does not allow it, or the file cannot be read)
    left_out: int


def _workbooks(folder: str | Path) -> list[tuple[Path, Workbook | None]]:
    folder = Path(folder).expanduser()
    if not folder.exists():
        raise InputError(TEXT["no_folder"].format(folder=folder))
    if not folder.is_dir():
        raise InputError(TEXT["not_folder"].format(folder=folder))
    out: list[tuple[Path, Workbook | None]] = []
    for path in sorted(folder.glob("*.json")):
        try:
            out.append((path, Workbook.open(path)))
        except CareerkitError:
            out.append((path, None))
    return out


def _listing(found: list[tuple[Path, Workbook | None]], wanted) -> Listing:
    chosen = {wb.pseudonym: path for path, wb in found if wb is not None and wanted(wb)}
    return Listing(dict(sorted(chosen.items())), len(found) - len(chosen))


def shared_with_counselor(folder: str | Path) -> Listing:
    """The workbooks in ``folder`` whose owners agreed to share them with a counselor (and have
    not withdrawn; under 16: with a guardian's consent noted).

    Raises
    ------
    InputError
        The folder does not exist or is a file.
    """
    return _listing(_workbooks(folder), lambda wb: wb.consent.allows("share_with_counselor"))


def awaiting_guardian(folder: str | Path) -> Listing:
    """The workbooks in ``folder`` of participants under 16 who agreed and wait for a counselor to
    note their parent's or guardian's consent (see :meth:`Workbook.note_guardian_consent`)."""

    def waiting(wb: Workbook) -> bool:
        consent = wb.consent
        return (
            consent.agreed
            and consent.under_16
            and not consent.withdrawn
            and not consent.guardian_consent_noted
        )

    return _listing(_workbooks(folder), waiting)


def copy_comments(source: Workbook, target: Workbook) -> int:
    """Add the counselor's comments of ``source`` (a shared copy) that ``target`` (the
    participant's own workbook) does not have yet, matched by id: comments on the whole
    workbook or a step, and comments on a goal (on the whole goals step when ``target`` no longer
    has that goal, so no comment is lost). Nothing else in ``target`` changes. Saves ``target``
    when anything was added; returns how many were.
    """
    added = 0
    have = {c.id for c in target.counselor_comments}
    for comment in source.counselor_comments:
        if comment.id not in have:
            target.counselor_comments.append(comment.model_copy())
            added += 1
    goals = {g.id: g for g in target.goals.goals}
    for goal in source.goals.goals:
        mine = goals.get(goal.id)
        if mine is None:
            for goal_comment in goal.counselor_comments:
                if goal_comment.id not in have:
                    target.counselor_comments.append(
                        CounselorComment(
                            id=goal_comment.id,
                            author=goal_comment.author,
                            text=goal_comment.text,
                            about="goals",
                            time=goal_comment.at or now(),
                        )
                    )
                    added += 1
            continue
        mine_have = {c.id for c in mine.counselor_comments}
        for goal_comment in goal.counselor_comments:
            if goal_comment.id not in mine_have:
                mine.counselor_comments.append(goal_comment.model_copy())
                added += 1
    if added:
        target.save()
    return added
