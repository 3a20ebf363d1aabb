"""A workshop on a shared JupyterHub: one-time sign-in codes a counselor hands out.

A counselor prints a list of codes (``careerkit workshop codes -n 30``); each code belongs to one
participant account (``ck-p001`` …) and lets one browser sign in, once. The hub keeps only a salted
hash of each code (:class:`CodeBook`, a JSON file in the hub's state folder), so the file does not
give the codes away. :mod:`careerkit.workshop.auth` holds the JupyterHub authenticator that reads
it; this module needs no JupyterHub.
"""

from careerkit.workshop._codes import (
    CODE_ALPHABET,
    CODE_LENGTH,
    DEFAULT_PREFIX,
    CodeBook,
    Issued,
    normalise_code,
)
from careerkit.workshop._system import reachable_by_everyone

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "DEFAULT_PREFIX",
    "CodeBook",
    "Issued",
    "normalise_code",
    "reachable_by_everyone",
]
