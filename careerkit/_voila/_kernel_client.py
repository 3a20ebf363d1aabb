"""The process the Voilà server starts as a kernel when kernels are forked (see ``_fork.py``).

Run as a script (``python -I -S _kernel_client.py SOCKET -f CONNECTION_FILE``), standard
library only, so it starts in a few milliseconds. It hands its arguments, environment, working
folder and standard streams to the kernel parent listening at ``SOCKET``, which forks a kernel
that has careerkit imported already. It then stands in for that kernel towards the server:
signals it receives (interrupt, terminate) go to the kernel's process group, and it exits with
the kernel's exit code when the kernel ends. When it is killed, the kernel parent sees its
connection close and kills the kernel.

When the kernel parent cannot be reached, it starts the kernel the ordinary way instead
(``python -m ipykernel_launcher``), so a page always gets a kernel.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import struct
import sys
from pathlib import Path

#: signals passed on to the kernel (the server interrupts with SIGINT, stops with SIGTERM)
FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT,
             signal.SIGUSR1, signal.SIGUSR2)


def _ordinary_kernel(kernel_args: list[str]) -> None:
    """Replace this process with a kernel started the usual way."""
    os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", *kernel_args])


def _read_line(reader) -> dict | None:
    line = reader.readline()
    return json.loads(line) if line.endswith(b"\n") else None


def main(argv: list[str]) -> int:
    path, kernel_args = argv[0], argv[1:]
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    reader = conn.makefile("rb")
    try:
        conn.connect(path)
        request = json.dumps({"args": kernel_args, "env": dict(os.environ),
                              "cwd": str(Path.cwd())}).encode()
        socket.send_fds(conn, [struct.pack("!I", len(request)) + request], [0, 1, 2])
        started = _read_line(reader)
    except (OSError, ValueError):
        started = None
    if not started or "pid" not in started:
        conn.close()
        _ordinary_kernel(kernel_args)
        return 1  # not reached
    kernel = int(started["pid"])

    def forward(signum: int, _frame: object) -> None:
        try:
            os.killpg(kernel, signum)  # the kernel leads its own process group
        except OSError:
            with contextlib.suppress(OSError):
                os.kill(kernel, signum)

    for signum in FORWARDED:
        signal.signal(signum, forward)
    try:
        ended = _read_line(reader)
    except (OSError, ValueError):
        ended = None
    if ended is None:  # the kernel parent is gone: so is the kernel (it watches its parent)
        return 1
    return int(ended.get("exit", 1))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
