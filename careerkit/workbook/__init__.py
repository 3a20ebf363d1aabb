"""One participant's workbook file, and the promise that nothing a person typed is lost.

``Workbook`` composes the step sections (:class:`~careerkit.interests.InterestAnswers`,
:class:`~careerkit.skills.SkillsAnswers`, :class:`~careerkit.goals.GoalsAnswers`) with the
participant (pseudonym, workshop), consent, counselor comments, notes, submissions, history,
timestamps and the schema version. No dates of birth or contact details.

Files, in the workbook home (``$CAREERKIT_HOME``, else ``workbooks/`` beside the notebooks)::

    river-42.json            the workbook (0600; the folder is 0700 when we create it)
    river-42.json.bak        the previous version (kept by every save)
    .river-42.json.lock      the lock (``filelock``) held while saving
    .river-42.json.*.tmp     a save in progress (only left by a crash; cleared by the next save)
    river-42.json.damaged-*  a damaged file set aside by ``Workbook.restore_backup``
    .river-42.json.key       the salted hash of the workbook's key (``_keys``; 0600)
    current.txt              the pseudonym chosen on the start screen in JupyterLab (never
                             under Voilà; for ``open_current``)

Saving (``wb.save()``): under the lock, the file on disk is read; if it changed since this copy
loaded or saved it, the two are merged field by field against the version this copy started from
(``_merge``): dict entries per key, lists of items with an ``id`` per item (additions and
removals included), everything else per field. An item added with an id its list already has
gets a fresh id first (``_unique``): both are kept, and the list still merges per item. Changes
are found by diffing against that version, so plain assignment and in-place edits
(``wb.interests.responses["R03"] = 4``) both count. Only a field changed in both places is
decided by time (``field_times`` in the file; the later wins) and the other value goes to
``wb.history`` (``wb.put_back`` restores one). The result is validated, written to a temporary
file, fsynced, the old file linked to ``.bak``, ``os.replace``-d into place and the folder
fsynced. Any failure leaves the old file untouched and raises ``WorkbookError`` in plain words.
A file that went back in time (a restored backup) is merged without deleting anything; fields
written by a newer careerkit are carried along.
"""

from careerkit.workbook._counselor import (
    Listing,
    awaiting_guardian,
    copy_comments,
    shared_with_counselor,
)
from careerkit.workbook._current import (
    DEMO_PSEUDONYM,
    HOME_ENV,
    forget_current,
    home,
    in_voila,
    open_current,
    remember_current,
    remembered,
    workbook_path,
)
from careerkit.workbook._history import PUT_BACK, RESTORABLE
from careerkit.workbook._keys import KEY_LENGTH, check_key, has_key, issue_key, remove_key
from careerkit.workbook._merge import split as path_segments
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
    "KEY_LENGTH",
    "MAX_BYTES",
    "PSEUDONYM_RULE",
    "PUT_BACK",
    "RESTORABLE",
    "RESTORE_LABEL",
    "SCHEMA_VERSION",
    "Change",
    "Consent",
    "CounselorComment",
    "DamagedWorkbookError",
    "Listing",
    "Participant",
    "Submission",
    "Workbook",
    "awaiting_guardian",
    "check_key",
    "check_pseudonym",
    "copy_comments",
    "delete_workbook",
    "forget_current",
    "has_key",
    "home",
    "in_voila",
    "issue_key",
    "migrate",
    "open_current",
    "path_segments",
    "remember_current",
    "remembered",
    "remove_key",
    "shared_with_counselor",
    "workbook_path",
]
