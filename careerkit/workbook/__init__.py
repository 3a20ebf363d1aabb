"""One participant's workbook file, and the promise that nothing a person typed is lost.

``Workbook`` composes the step sections (:class:`~careerkit.interests.InterestAnswers`,
:class:`~careerkit.skills.SkillsAnswers`, :class:`~careerkit.goals.GoalsAnswers`) with the
participant, consent, counselor comments, notes, history and schema version. The file is
``<folder>/<pseudonym>.json``; saves are atomic, locked, keep a backup, and merge field by field
with what other windows saved (``_merge``). ``open_current`` picks the workbook a notebook works
on (``_current``).
"""

from careerkit.workbook._current import (
    DEMO_PSEUDONYM,
    HOME_ENV,
    forget_current,
    home,
    open_current,
    remember_current,
    remembered,
    workbook_path,
)
from careerkit.workbook._migrate import FORMAT, SCHEMA_VERSION, migrate
from careerkit.workbook._model import (
    CONSENT_SCOPES,
    PSEUDONYM_RULE,
    Change,
    Consent,
    CounselorComment,
    Participant,
    Submission,
    check_pseudonym,
)
from careerkit.workbook._owning import MAX_BYTES, delete_workbook
from careerkit.workbook._workbook import RESTORE_LABEL, DamagedWorkbookError, Workbook

__all__ = [
    "CONSENT_SCOPES",
    "DEMO_PSEUDONYM",
    "FORMAT",
    "HOME_ENV",
    "MAX_BYTES",
    "PSEUDONYM_RULE",
    "RESTORE_LABEL",
    "SCHEMA_VERSION",
    "Change",
    "Consent",
    "CounselorComment",
    "DamagedWorkbookError",
    "Participant",
    "Submission",
    "Workbook",
    "check_pseudonym",
    "delete_workbook",
    "forget_current",
    "home",
    "migrate",
    "open_current",
    "remember_current",
    "remembered",
    "workbook_path",
]
