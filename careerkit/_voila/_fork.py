"""Kernels forked from a warm parent, for the app's Voilà server (``make app``).

Each page of the app needs a kernel, and an ordinary kernel spends about 1.3 s of CPU starting:
Python, ipykernel, then importing careerkit with pandas and Plotly. In a room that arrives at
once on a two-core laptop, 25 such starts queue behind each other, and the answers of those
already in wait behind the starts. Here the server keeps one *kernel parent*
(``_kernel_parent.py``) that has imported all of that once; each kernel is forked from it, so
it starts with the imports done and shares their memory pages with the parent (copy on
write) instead of holding its own copy.

The server still sees an ordinary kernel process: :class:`ForkingKernelManager` launches
``_kernel_client.py`` (standard library only, a few milliseconds) in place of
``python -m ipykernel_launcher``. The client hands its arguments, environment, folder and
streams to the parent, passes on signals (interrupt, stop) and exits with the kernel. Killing
the client kills the kernel; the kernel parent ends with the server, and its kernels with it.
If the parent cannot be reached the client starts an ordinary kernel, so a page always gets
one.

Only the app's own Voilà server forks (``careerkit/_voila/config/voila.py``); a JupyterHub
participant's server runs one kernel, and gains nothing from a parent process beside it.
``CAREERKIT_KERNEL_FORK=0`` turns it off.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from jupyter_server.services.kernels.kernelmanager import ServerKernelManager

__all__ = ["CLIENT", "PARENT", "PARENT_SCRIPT", "ForkingKernelManager", "KernelParent"]

HERE = Path(__file__).resolve().parent
CLIENT = HERE / "_kernel_client.py"
PARENT_SCRIPT = HERE / "_kernel_parent.py"
#: how long the server waits for a new kernel parent to listen before it starts a kernel the
#: ordinary way
LISTEN_TIMEOUT_S = 10.0
#: after this many parents ended on their own, kernels start the ordinary way (a parent that
#: cannot import careerkit would otherwise be started again for every kernel)
MAX_STARTS = 3


class KernelParent:
    """The kernel parent process of this server: started when the first kernel is, started
    again if it died, stopped when the server ends (its standard input closes)."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[bytes] | None = None
        self.folder: str | None = None
        self.starts = 0
        self._lock = threading.Lock()

    @property
    def socket(self) -> str | None:
        return None if self.folder is None else str(Path(self.folder) / "parent.sock")

    def listening(self) -> str | None:
        """The parent's socket, once it listens (starting the parent if needed); None when it
        cannot be started."""
        with self._lock:
            if self.proc is None or self.proc.poll() is not None:
                if self.starts >= MAX_STARTS:
                    return None
                self._start()
            path, proc = self.socket, self.proc
        assert path is not None and proc is not None
        deadline = time.monotonic() + LISTEN_TIMEOUT_S
        while not Path(path).exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                return None
            time.sleep(0.01)
        return path

    def _start(self) -> None:
        self._remove_folder()
        # a folder only this user can enter: whoever reaches the socket can start kernels
        self.folder = tempfile.mkdtemp(prefix="careerkit-kernels-")
        env = {
            **os.environ,
            # one thread for numpy's BLAS: a forked kernel inherits no threads, and the app's
            # arrays are small; kernels of a room share two cores anyway
            "OPENBLAS_NUM_THREADS": "1",
            # the debugger's import warns about frozen modules; it says nothing to the server
            "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        }
        self.proc = subprocess.Popen(
            [sys.executable, str(PARENT_SCRIPT), str(self.socket)], stdin=subprocess.PIPE,
            env=env,
        )
        if not self.starts:
            atexit.register(self.stop)
        self.starts += 1

    def stop(self) -> None:
        proc = self.proc
        if proc is not None and proc.poll() is None:
            with contextlib.suppress(OSError):
                assert proc.stdin is not None
                proc.stdin.close()  # the parent stops its kernels and ends
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self._remove_folder()

    def _remove_folder(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def command(self, cmd: list[str]) -> list[str]:
        """``cmd`` (a kernel's command line) with an ordinary ipykernel start replaced by the
        client of this parent; any other command unchanged."""
        if len(cmd) < 3 or cmd[0] != sys.executable or cmd[1:3] != ["-m", "ipykernel_launcher"]:
            return cmd  # another kernel, or another Python: its own imports are not ours
        path = self.listening()
        if path is None:
            return cmd
        return [sys.executable, "-I", "-S", str(CLIENT), path, *cmd[3:]]


PARENT = KernelParent()


class ForkingKernelManager(ServerKernelManager):
    """jupyter_server's kernel manager, with kernels forked from this server's kernel parent
    (:data:`PARENT`)."""

    kernel_parent: KernelParent = PARENT

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        return self.kernel_parent.command(super().format_kernel_cmd(extra_arguments))


def kernel_processes(server_pid: int) -> list:
    """The kernels a Voilà server runs now (``psutil.Process`` objects): ordinary ones
    (``ipykernel`` on their command line) and kernels forked from its kernel parent (children
    of the parent, with its command line). The parent itself and the clients are not counted.
    For the tests and the workshop benchmark."""
    import psutil

    found = []
    for proc in psutil.Process(server_pid).children(recursive=True):
        try:
            cmdline = proc.cmdline()
            if any("ipykernel" in part for part in cmdline):
                found.append(proc)
            elif str(PARENT_SCRIPT) in cmdline:
                parent = proc.parent()
                if parent is not None and str(PARENT_SCRIPT) in parent.cmdline():
                    found.append(proc)
        except psutil.Error:
            continue
    return found
