"""What the system users of a workshop hub can reach on this machine."""

from __future__ import annotations

from pathlib import Path

__all__ = ["reachable_by_everyone"]


def reachable_by_everyone(path: str | Path) -> bool:
    """Every folder above ``path`` lets other users pass (o+x), and ``path`` lets them read.

    A participant's server runs as their own system user: the Python it runs and the notebooks
    it serves must pass this test (a Python under a 0700 ``/root`` does not).
    """
    path = Path(path).resolve()
    if not path.stat().st_mode & 0o004:
        return False
    return all(folder.stat().st_mode & 0o001 for folder in path.parents)
