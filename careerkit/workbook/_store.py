"""Safe file operations for workbook files: owner-only folders and files, a lock, atomic writes
with fsync and a backup of the previous version.

Names beside ``alex.json`` (none of them ends in ``.json``, so a folder listing of workbooks never
picks them up): ``alex.json.bak`` (the previous version), ``.alex.json.lock`` (the lock) and
``.alex.json.<random>.tmp`` (a save in progress; left behind only by a crash, removed by
"delete my workbook").
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import filelock

from careerkit.errors import WorkbookError

#: seconds a save waits for another save of the same workbook before giving up
LOCK_TIMEOUT = 15.0
FILE_MODE = 0o600
FOLDER_MODE = 0o700

Stamp = tuple[int, int, int]


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


def temp_files(path: Path) -> list[Path]:
    """Temporary files a crashed save of ``path`` may have left."""
    return sorted(path.parent.glob(f".{glob_escape(path.name)}.*.tmp"))


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def reason(exc: OSError) -> str:
    """Plain words for why a file operation failed."""
    code = exc.errno
    if code == errno.ENOSPC:
        return "the disk is full"
    if code == getattr(errno, "EDQUOT", -1):
        return "your disk quota is used up"
    if code == errno.EROFS:
        return "the folder is on a read-only disk"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied (the folder or file is not writable by you)"
    if code == errno.ENOENT:
        return "the folder or file does not exist"
    return exc.strerror or str(exc)


def ensure_folder(folder: Path) -> None:
    """Create ``folder`` (owner-only, 0700) if it does not exist yet."""
    if folder.is_dir():
        return
    try:
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        folder.chmod(FOLDER_MODE)  # mkdir's mode is filtered by the umask
    except OSError as exc:
        raise WorkbookError(f"Cannot create the workbook folder {folder}: {reason(exc)}.") from exc


def stamp(path: Path) -> Stamp | None:
    """Identity of the file's current version (inode, size, mtime), or None if absent."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def read(path: Path) -> bytes | None:
    """The file's bytes, or None if it does not exist."""
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise WorkbookError(f"Cannot read the workbook {path}: {reason(exc)}.") from exc


@contextlib.contextmanager
def locked(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the workbook's lock (other saves of the same file wait, up to ``LOCK_TIMEOUT``)."""
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    lock = filelock.FileLock(str(lock_path(path)), timeout=timeout, mode=FILE_MODE)
    try:
        lock.acquire()
    except filelock.Timeout as exc:
        raise WorkbookError(
            f"The workbook {path} is being saved by another window and did not become free "
            f"within {timeout:.0f} seconds. Your changes are still on screen; try saving again."
        ) from exc
    except OSError as exc:
        raise WorkbookError(
            f"Cannot save the workbook {path}: {reason(exc)}. The previous version is unchanged."
        ) from exc
    try:
        yield
    finally:
        lock.release()


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_temp(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to a new owner-only temporary file in ``folder``, flushed to disk."""
    temp = folder / f".{name}.{secrets.token_hex(6)}.tmp"
    fd = os.open(
        temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), FILE_MODE
    )
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    os.close(fd)
    return temp


def _keep_backup(path: Path) -> None:
    """Make ``<name>.bak`` the current version of ``path`` (a hard link, or a copy)."""
    target = backup_path(path)
    link = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        os.link(path, link)
    except FileNotFoundError:
        return
    except OSError:  # file systems without hard links: copy instead
        data = read(path)
        if data is None:
            return
        link = _write_temp(path.parent, path.name, data)
    try:
        link.replace(target)  # os.replace: atomic
    finally:
        # rename(2) does nothing when both names are links to one file (the backup already is
        # this version, e.g. after a save was interrupted): remove the extra name ourselves.
        with contextlib.suppress(OSError):
            link.unlink()


def write_atomic(path: Path, data: bytes, *, backup: bool = True) -> Stamp:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file.

    Temp file in the same folder, ``fsync``, previous version kept as ``<name>.bak``,
    ``os.replace``, then ``fsync`` of the folder so the rename itself is durable. A failure
    before the rename leaves the previous file untouched; one after it (the folder's ``fsync``)
    leaves the new file in place. Either raises :class:`WorkbookError` saying which.
    """
    temp: Path | None = None
    replaced = False
    try:
        temp = _write_temp(path.parent, path.name, data)
        if backup:
            _keep_backup(path)
        temp.replace(path)  # os.replace: atomic
        temp, replaced = None, True
        _fsync_folder(path.parent)
        result = stamp(path)
    except OSError as exc:
        if replaced:
            kept = f", the previous one kept as {backup_path(path).name}" if backup else ""
            raise WorkbookError(
                f"The workbook {path} was written, but the disk did not confirm it "
                f"({reason(exc)}): the new version is in place{kept}. If the computer stopped "
                f"now, this save might be lost; save again to be sure."
            ) from exc
        raise WorkbookError(
            f"Could not save the workbook {path}: {reason(exc)}. The previous version of the "
            f"file is unchanged and your latest answers are still on screen; free some space "
            f"or choose a writable folder, then save again."
        ) from exc
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                temp.unlink()
    assert result is not None
    return result


def remove_stale_temps(path: Path) -> None:
    """Remove temporary files left by a save that crashed (call only while holding the lock:
    then no save of this workbook is in progress)."""
    for temp in temp_files(path):
        with contextlib.suppress(OSError):
            temp.unlink()


def remove(path: Path, *, keep_lock: bool = False) -> list[Path]:
    """Delete the workbook file, its backup and leftover temporary files (and its lock file,
    unless ``keep_lock``: the caller holds it). Returns what was removed."""
    removed = []
    candidates = [path, backup_path(path), *temp_files(path)]
    if not keep_lock:
        candidates.append(lock_path(path))
    for candidate in candidates:
        try:
            candidate.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise WorkbookError(f"Could not delete {candidate}: {reason(exc)}.") from exc
        removed.append(candidate)
    return removed


def remove_lock(path: Path) -> list[Path]:
    """Delete the lock file once nobody holds it (it is a plain empty file)."""
    try:
        lock_path(path).unlink()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise WorkbookError(f"Could not delete {lock_path(path)}: {reason(exc)}.") from exc
    return [lock_path(path)]
