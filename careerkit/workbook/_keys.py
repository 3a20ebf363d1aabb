"""Workbook keys: what protects a workbook on one shared Voilà server.

On a laptop at the front of the room every participant's page runs under the same account, so
the operating system cannot keep workbooks apart. A pseudonym is not a secret (people choose
"river-42"), so opening an existing workbook also needs its **key**: eight characters shown once
when the workbook is created (``7K3P-Q9XM``), stored only as a salted scrypt hash beside the
workbook (``.river-42.json.key``, 0600; not ``.json``, so no listing takes it for a workbook).
A counselor can issue a new key (``careerkit key reset WORKBOOK``); the old one stops working.

The alphabet leaves out 0/O, 1/I/L and U, so a key read aloud or copied from paper is typed
right; 8 characters of 30 give about 39 bits, and every guess costs an scrypt computation.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import secrets
from pathlib import Path

from careerkit.errors import WorkbookError
from careerkit.workbook import _store

__all__ = ["KEY_LENGTH", "check_key", "has_key", "issue_key", "key_path", "remove_key"]

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
KEY_LENGTH = 8
#: scrypt cost (RFC 7914 parameters; n = 2**14 takes tens of milliseconds here)
_N, _R, _P = 2**14, 8, 1


def key_path(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(f".{path.name}.key")


def _normalise(key: str) -> str:
    return "".join(c for c in str(key).upper() if c.isalnum())


def _hash(key: str, salt: bytes, n: int = _N, r: int = _R, p: int = _P) -> bytes:
    return hashlib.scrypt(_normalise(key).encode("ascii", "replace"), salt=salt, n=n, r=r, p=p,
                          dklen=32)


def issue_key(path: str | Path) -> str:
    """Make a new key for the workbook at ``path`` (replacing any old one) and return it as
    ``XXXX-XXXX``. Only its salted hash is stored."""
    path = Path(path)
    key = "".join(secrets.choice(ALPHABET) for _ in range(KEY_LENGTH))
    salt = secrets.token_bytes(16)
    record = {
        "scheme": "scrypt",
        "n": _N, "r": _R, "p": _P,
        "salt": salt.hex(),
        "hash": _hash(key, salt).hex(),
    }
    _store.ensure_folder(path.parent)
    _store.write_atomic(key_path(path), json.dumps(record).encode("ascii"), backup=False)
    return f"{key[:4]}-{key[4:]}"


def has_key(path: str | Path) -> bool:
    return key_path(path).exists()


def check_key(path: str | Path, key: str) -> bool:
    """Whether ``key`` opens the workbook at ``path`` (dashes, spaces and case do not matter).

    A workbook without a key file has no key: nothing matches. A damaged key file is an error
    (the counselor can issue a new key)."""
    file = key_path(path)
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise WorkbookError(f"Cannot read the key of {Path(path).name}: {_store.reason(exc)}.") \
            from exc
    try:
        record = json.loads(raw.decode("ascii"))
        salt = bytes.fromhex(record["salt"])
        stored = bytes.fromhex(record["hash"])
        n, r, p = int(record["n"]), int(record["r"]), int(record["p"])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise WorkbookError(
            f"The key file {file.name} is damaged; your counselor can issue a new key."
        ) from exc
    if len(_normalise(key)) != KEY_LENGTH:
        return False
    return hmac.compare_digest(_hash(key, salt, n, r, p), stored)


def remove_key(path: str | Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        key_path(path).unlink()
