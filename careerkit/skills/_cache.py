"""The on-disk cache of compiled taxonomies (never inside the repository).

A parsed ESCO file and the extractor's compiled alias tables are pickled under
:func:`cache_dir`, keyed by content and by the source of the modules that build them, so a
second start skips the parsing and a changed rule never meets a stale cache. The cache holds
only what careerkit wrote there itself.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

__all__ = ["CACHE_VERSION", "cache_dir", "cache_load", "cache_store"]

_BUILDERS = ("_taxonomy.py", "_extract.py", "_text.py", "_evidence.py", "_sections.py", "_cache.py")


def _code_version() -> str:
    """Cached objects are keyed by the source of the modules that build them, so a changed rule
    never meets a stale cache."""
    h = hashlib.sha1(b"careerkit-skills-cache-2")
    for name in _BUILDERS:
        try:
            h.update((Path(__file__).parent / name).read_bytes())
        except OSError:
            h.update(name.encode())
    return h.hexdigest()[:16]


CACHE_VERSION = _code_version()


def cache_dir() -> Path:
    """Where compiled taxonomies are cached: ``$CAREERKIT_HOME/cache/skills`` when
    CAREERKIT_HOME is set, else the user's cache folder (``$XDG_CACHE_HOME`` or
    ``~/.cache``)/careerkit/skills. Never inside the repository."""
    home = os.environ.get("CAREERKIT_HOME")
    if home:
        return Path(home) / "cache" / "skills"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "careerkit" / "skills"


def cache_load(name: str) -> object | None:
    """A cached object, or None when absent or unreadable (a stale or broken cache file is
    simply rebuilt)."""
    path = cache_dir() / name
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        return None


def cache_store(name: str, obj: object) -> None:
    """Write ``obj`` atomically (temporary file, then rename); a read-only cache is skipped."""
    folder = cache_dir()
    try:
        # Each missing folder owner-only, not only the last: the first one may be
        # CAREERKIT_HOME, where the workbooks go (mkdir(parents=True) gives parents 0755).
        for missing in reversed([p for p in (folder, *folder.parents) if not p.exists()]):
            missing.mkdir(exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".part")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        Path(tmp).replace(folder / name)
    except OSError:
        return
