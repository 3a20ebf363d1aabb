"""The records a workbook holds besides the step sections: participant, consent, comments,
history and submissions, and the pseudonym rule.

No dates of birth and no contact details anywhere: a workbook identifies a person only by the
pseudonym they chose.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel, Field, field_validator

from careerkit.errors import InputError

#: letters, digits, "-" and "_"; starts with a letter or digit; at most 64 characters.
PSEUDONYM_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}", re.ASCII)
PSEUDONYM_RULE = (
    "1 to 64 characters: letters a–z, digits 0–9, '-' and '_', starting with a letter or a "
    "digit (for example 'river-42')"
)

#: what a participant can agree to; the consent text itself lives in the start screen
CONSENT_SCOPES = ("store", "share_with_counselor", "cohort_statistics")


def now() -> datetime:
    return datetime.now(UTC)


def later_than(previous: datetime | None) -> datetime:
    """The time of a save made now, on a file last saved at ``previous``: the clock, or just
    after ``previous`` if the clock says otherwise (another process's clock, a clock set back),
    so the times in one file only ever go forward."""
    moment = now()
    if previous is not None and moment <= previous:
        moment = previous + timedelta(microseconds=1)
    return moment


def new_id() -> str:
    return uuid.uuid4().hex


def check_pseudonym(value: Any) -> str:
    """Return the pseudonym in its stored form (trimmed, lower case) or raise InputError.

    It becomes a file name, so only a small safe alphabet is allowed: no path separators, no
    dots, no control characters.
    """
    if not isinstance(value, str):
        raise InputError(
            f"A pseudonym must be text; got {type(value).__name__}. Use {PSEUDONYM_RULE}."
        )
    text = value.strip().lower()
    if not text:
        raise InputError(f"The pseudonym is empty. Choose one: {PSEUDONYM_RULE}.")
    if PSEUDONYM_PATTERN.fullmatch(text) is None:
        shown = repr(value if len(value) <= 40 else value[:40] + "…")
        if len(text) > 64:
            problem = f"it is {len(text)} characters long"
        else:
            bad = sorted({c for c in text if not (c.isascii() and (c.isalnum() or c in "-_"))})
            if bad:
                problem = "it contains " + ", ".join(repr(c) for c in bad)
            else:
                problem = "it must start with a letter or a digit"
        raise InputError(f"The pseudonym {shown} cannot be used: {problem}. Use {PSEUDONYM_RULE}.")
    return text


class Participant(BaseModel):
    """Who the workbook belongs to: a pseudonym, never a real name or contact detail."""

    pseudonym: str
    workshop: str = ""

    @field_validator("pseudonym", mode="before")
    @classmethod
    def _safe(cls, value: Any) -> str:
        return check_pseudonym(value)


class Consent(BaseModel):
    """What the participant agreed to, when, under which version of the consent text."""

    agreed: bool = False
    #: version of the consent text agreed to (the start screen's ``CONSENT_VERSION``)
    version: str = ""
    #: scopes from :data:`CONSENT_SCOPES`
    agreed_to: list[str] = Field(default_factory=list)
    agreed_at: datetime | None = None
    withdrawn: bool = False
    withdrawn_at: datetime | None = None
    #: participants under 16 need a guardian's consent, noted by the counselor
    under_16: bool = False
    guardian_consent_noted: bool = False
    guardian_noted_by: str = ""
    guardian_noted_at: datetime | None = None

    @property
    def active(self) -> bool:
        """Agreed, not withdrawn, and (under 16) the guardian's consent noted."""
        return (
            self.agreed
            and not self.withdrawn
            and (not self.under_16 or self.guardian_consent_noted)
        )

    def allows(self, scope: str) -> bool:
        return self.active and scope in self.agreed_to


class CounselorComment(BaseModel):
    id: str = Field(default_factory=new_id)
    author: str = ""
    text: str
    #: what the comment is about, e.g. "goals" or a goal id; empty for the whole workbook
    about: str = ""
    time: datetime = Field(default_factory=now)


class Change(BaseModel):
    """A value that was overwritten when two copies changed the same field (kept, not lost)."""

    id: str = Field(default_factory=new_id)
    #: the field, as a path: ``/interests/responses/R03``, ``/goals/goals/@<id>/text``
    field: str
    value: Any = None
    #: when the overwritten value had been written
    time: datetime | None = None
    #: when it was overwritten
    replaced_at: datetime = Field(default_factory=now)
    #: "merge" (two windows), "upload" (an uploaded copy), "restore" (a backup restored) or
    #: "put_back" (replaced by a value the participant put back from this history)
    reason: str = "merge"
    #: when this value was put back (``Workbook.put_back``); None while it is only kept here
    restored_at: datetime | None = None


class Submission(BaseModel):
    """A copy handed to a counselor, with the consent that allowed it."""

    id: str = Field(default_factory=new_id)
    folder: str
    time: datetime = Field(default_factory=now)
    consent_version: str = ""
    consent_agreed_at: datetime | None = None
