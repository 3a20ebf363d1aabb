"""One-time workshop codes, stored as salted hashes.

A code is 12 characters from an alphabet without look-alikes (no 0/o, 1/l/i), printed in groups of
four (``k7mq-2xdp-hw9c``): about 59 bits, far beyond guessing through a sign-in form. The file
keeps, per code, ``HMAC-SHA256(salt, code)`` and the account it belongs to; a code is accepted
once (its ``used`` time is then set) and the counselor can give an account a new code.

The file (JSON, 0600, in a 0700 folder)::

    {"format": "careerkit-workshop-codes", "version": 1, "salt": "<hex>",
     "accounts": {"ck-p001": {"hash": "<hex>", "issued": "<iso>", "used": null}, ...}}
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock

from careerkit.errors import InputError
from careerkit.workshop._text import TEXT

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "DEFAULT_PREFIX",
    "CodeBook",
    "Issued",
    "normalise_code",
]

CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CODE_LENGTH = 12
DEFAULT_PREFIX = "ck-p"
FORMAT = "careerkit-workshop-codes"
MOST_CODES = 5000
_PREFIX_RULE = re.compile(r"[a-z][a-z0-9-]{0,19}")


def normalise_code(text: str) -> str:
    """A code as typed (any case, spaces or dashes) in its canonical form."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Issued:
    """A code just made, with its account: the only time the code is seen in clear."""

    user: str
    code: str


class CodeBook:
    """The hashed codes of one hub, in ``path`` (created on the first :meth:`issue`)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = FileLock(str(self.path.with_name(f".{self.path.name}.lock")))

    # ------------------------------------------------------------------ reading and writing
    def _read(self) -> dict:
        if not self.path.exists():
            return {"format": FORMAT, "version": 1, "salt": secrets.token_hex(16), "accounts": {}}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(TEXT["bad_file"].format(path=self.path, problem=exc)) from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            problem = "it is not a workshop code file"
            raise InputError(TEXT["bad_file"].format(path=self.path, problem=problem))
        return data

    def _write(self, data: dict) -> None:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.")
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, indent=1, sort_keys=True)
                out.flush()
                os.fsync(out.fileno())
            Path(tmp).replace(self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @staticmethod
    def _hash(salt: str, code: str) -> str:
        key = bytes.fromhex(salt)
        return hmac.new(key, normalise_code(code).encode(), hashlib.sha256).hexdigest()

    # ------------------------------------------------------------------ the counselor's side
    def issue(self, count: int, prefix: str = DEFAULT_PREFIX) -> list[Issued]:
        """``count`` new accounts, numbered after the existing ones, each with a new code."""
        if not 1 <= count <= MOST_CODES:
            raise InputError(TEXT["bad_count"].format(most=MOST_CODES, count=count))
        if not _PREFIX_RULE.fullmatch(prefix):
            raise InputError(TEXT["bad_prefix"].format(prefix=prefix))
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with self._lock:
            data = self._read()
            accounts = data["accounts"]
            numbers = [
                int(name[len(prefix) :])
                for name in accounts
                if name.startswith(prefix) and name[len(prefix) :].isdigit()
            ]
            start = max(numbers, default=0) + 1
            issued = []
            for number in range(start, start + count):
                user = f"{prefix}{number:03d}"
                code = _new_code()
                accounts[user] = {"hash": self._hash(data["salt"], code), "issued": _now(),
                                  "used": None}
                issued.append(Issued(user, code))
            self._write(data)
        return issued

    def reissue(self, user: str) -> Issued:
        """A new code for ``user`` (lost browser, expired sign-in); the old code stops working."""
        with self._lock:
            data = self._read()
            if user not in data["accounts"]:
                known = ", ".join(sorted(data["accounts"])) or "none"
                raise InputError(TEXT["unknown_user"].format(user=user, path=self.path,
                                                              known=known))
            code = _new_code()
            data["accounts"][user] = {"hash": self._hash(data["salt"], code), "issued": _now(),
                                      "used": None}
            self._write(data)
        return Issued(user, code)

    def accounts(self) -> dict[str, str | None]:
        """Each account and when its code was used (``None``: not yet)."""
        with self._lock:
            data = self._read() if self.path.exists() else {"accounts": {}}
        return {user: entry.get("used") for user, entry in sorted(data["accounts"].items())}

    # ------------------------------------------------------------------ the hub's side
    def claim(self, code: str) -> str | None:
        """The account of ``code`` if it is on the list and unused (then marked used), else None."""
        if not normalise_code(code) or not self.path.exists():
            return None
        with self._lock:
            data = self._read()
            digest = self._hash(data["salt"], code)
            for user, entry in data["accounts"].items():
                if hmac.compare_digest(entry["hash"], digest):
                    if entry.get("used"):
                        return None
                    entry["used"] = _now()
                    self._write(data)
                    return user
        return None
