"""The kernel parent: one process that has imported careerkit and ipykernel once, and forks a
kernel for each page (see ``_fork.py`` for why and how the server uses it).

Run as a script by the Voilà server: ``python _kernel_parent.py SOCKET``. It listens on the
Unix socket ``SOCKET`` at once (requests wait in the queue while it imports), then imports
what every kernel of the app needs, freezes the garbage collector's view of those objects (so
kernels do not touch, and copy, the pages they share) and serves requests from
``_kernel_client.py``: each gives the kernel's arguments, environment, working folder and
standard streams; the parent forks, answers with the kernel's process id, and later with its
exit code. A kernel whose client goes away is killed. The parent stops, and stops its kernels,
when its standard input closes (the server ended) or on SIGTERM.

A forked child gets only the forking thread, so the parent starts none of its own. Of the
libraries it imports, numpy's BLAS would start a pool of threads (the server starts the parent
with ``OPENBLAS_NUM_THREADS=1``, so it does not) and pyarrow's memory allocator (jemalloc)
starts one background thread, which jemalloc's own fork handlers account for.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import selectors
import signal
import socket
import struct
import sys
import time
from pathlib import Path

#: modules every app kernel imports; importing them here is what each kernel saves
PRELOAD = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.zmqshell",
    "IPython.core.interactiveshell",
    "jupyter_client.session",
    "comm",
    "ipywidgets",
    "careerkit",
    "careerkit.ui.app",
    "careerkit.ui.interests",
    "careerkit.ui.values",
    "careerkit.ui.past_job",
    "careerkit.ui.skills",
    "careerkit.ui.goals",
    "careerkit.ui.report",
    "plotly.graph_objects",
    # imported on first use, each more than a page's wait: Plotly's renderers (which import
    # nbformat, jsonschema and its URI grammar: about 0.8 s), the kernel's debugger, and the
    # report step's PDF engines
    "plotly.io._renderers",
    "ipykernel.debugger",
    "playwright.sync_api",
    "kaleido",
)
#: how long a client may take to send its request
REQUEST_TIMEOUT_S = 5.0
#: how often the loop looks for ended kernels when nothing else happens
TICK_S = 0.2


def _preload() -> None:
    import importlib

    for name in PRELOAD:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    with contextlib.suppress(Exception):  # a warm-up that fails costs each kernel its time only
        _warm()
    gc.collect()
    gc.freeze()


def _warm() -> None:
    """Draw the charts every participant sees, on made-up data, once: Plotly builds a figure
    type's classes and validators on its first figure (0.1-0.2 s in each kernel, 25 times over
    when a room reaches the goals step together)."""
    from datetime import date

    import plotly.io as pio

    from careerkit import charts
    from careerkit.goals import Goal

    today = date(2026, 1, 5)
    for figure in (
        charts.goal_timeline([Goal(text="Finish a course", deadline=date(2026, 6, 30))],
                             today=today),
        charts.riasec_hexagon({"R": 10, "I": 20, "A": 5, "S": 30, "E": 12, "C": 8}),
    ):
        pio.to_json(figure)


def _read_request(conn: socket.socket) -> tuple[dict, list[int]]:
    conn.settimeout(REQUEST_TIMEOUT_S)
    data, fds, _flags, _addr = socket.recv_fds(conn, 1 << 16, 3)
    try:
        if len(data) < 4:
            raise ValueError("short request")
        size = struct.unpack("!I", data[:4])[0]
        body = data[4:]
        while len(body) < size:
            chunk = conn.recv(size - len(body))
            if not chunk:
                raise ValueError("request cut short")
            body += chunk
        request = json.loads(body)
        if (len(fds) != 3 or not isinstance(request, dict)
                or not isinstance(request.get("args"), list)
                or not isinstance(request.get("env"), dict)
                or not isinstance(request.get("cwd"), str)):
            raise ValueError("malformed request")
    except (ValueError, OSError):
        for fd in fds:
            os.close(fd)
        raise
    conn.settimeout(None)
    return request, fds


def _become_kernel(request: dict, fds: list[int], parent: int) -> int:
    """In the forked child: take the client's streams, environment and folder, run ipykernel
    (as ``python -m ipykernel_launcher ARGS`` would) and return its exit code."""
    os.setsid()  # the kernel leads its own process group: signals reach its subprocesses too
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for signum in (signal.SIGTERM, signal.SIGCHLD, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    os.environ.clear()
    os.environ.update({str(k): str(v) for k, v in request["env"].items()})
    os.chdir(request["cwd"])
    sys.argv = [sys.argv[0], *request["args"]]

    from ipykernel.kernelapp import IPKernelApp

    app = IPKernelApp.instance()
    # the kernel ends when this parent does (its usual parent, the server, is not its parent)
    app.initialize([*request["args"], f"--IPKernelApp.parent_handle={parent}"])
    _as_if_imported_in_the_kernel()
    app.start()
    return 0


def _as_if_imported_in_the_kernel() -> None:
    """Redo what libraries do when they are imported inside a kernel: here they were imported
    before the kernel existed, and looked for its shell in vain.

    - ipywidgets registers its comm targets (without them the page's widget manager gets no
      widget and draws nothing);
    - Plotly picks its default renderer: the ``PLOTLY_RENDERER`` variable, else the renderer
      for Jupyter front ends.
    """
    if "ipywidgets" in sys.modules:
        import ipywidgets

        ipywidgets.register_comm_target()
    if "plotly.io" in sys.modules:
        import plotly.io as pio

        pio.renderers.default = os.environ.get("PLOTLY_RENDERER") or "plotly_mimetype"


def _child(request: dict, fds: list[int], parent: int, keep_closed: list[socket.socket]) -> None:
    code = 1
    try:
        for sock in keep_closed:
            sock.close()
        code = _become_kernel(request, fds, parent)
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        # end as an interpreter would (exit handlers, flushed streams) without running the
        # parent's clean-up a second time
        with contextlib.suppress(BaseException):
            import atexit

            atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(BaseException):
                stream.flush()
        os._exit(code)


def _kill_group(pid: int, signum: int) -> None:
    try:
        os.killpg(pid, signum)
    except OSError:
        with contextlib.suppress(OSError):
            os.kill(pid, signum)


def _send(conn: socket.socket, message: dict) -> None:
    with contextlib.suppress(OSError):
        conn.sendall(json.dumps(message).encode() + b"\n")


def serve(path: str) -> None:
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(128)
    stopping = False

    def stop(_signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    _preload()
    me = os.getpid()
    kernels: dict[int, socket.socket] = {}  # kernel pid -> its client's connection
    watch = selectors.DefaultSelector()
    watch.register(listener, selectors.EVENT_READ, "listener")
    watch.register(sys.stdin, selectors.EVENT_READ, "stdin")
    while not stopping:
        for key, _events in watch.select(TICK_S):
            if key.data == "stdin":
                if not os.read(sys.stdin.fileno(), 1 << 12):
                    stopping = True  # the server ended
                    watch.unregister(sys.stdin)
            elif key.data == "listener":
                conn, _addr = listener.accept()
                try:
                    request, fds = _read_request(conn)
                except (OSError, ValueError) as exc:
                    _send(conn, {"error": str(exc)})
                    conn.close()
                    continue
                pid = os.fork()
                if pid == 0:
                    watch.close()
                    _child(request, fds, me, [listener, conn, *kernels.values()])
                for fd in fds:
                    os.close(fd)
                kernels[pid] = conn
                watch.register(conn, selectors.EVENT_READ, pid)
                _send(conn, {"pid": pid})
            else:  # a client's connection: anything but more data means the client is gone
                client = key.fileobj
                assert isinstance(client, socket.socket)
                with contextlib.suppress(OSError):
                    if client.recv(1 << 12):
                        continue
                watch.unregister(client)
                _kill_group(key.data, signal.SIGKILL)  # reaped below or on a later turn
        _reap(kernels, watch)
    _stop_all(kernels, watch)
    watch.close()
    listener.close()
    with contextlib.suppress(OSError):
        Path(path).unlink()


def _reap(kernels: dict[int, socket.socket], watch: selectors.BaseSelector) -> None:
    while kernels:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        conn = kernels.pop(pid, None)
        if conn is not None:
            with contextlib.suppress(KeyError, ValueError):
                watch.unregister(conn)
            _send(conn, {"exit": os.waitstatus_to_exitcode(status)})
            conn.close()


def _stop_all(kernels: dict[int, socket.socket], watch: selectors.BaseSelector) -> None:
    for signum in (signal.SIGTERM, signal.SIGKILL):  # asked first, then made to
        for pid in list(kernels):
            _kill_group(pid, signum)
        deadline = time.monotonic() + 5.0
        while kernels and time.monotonic() < deadline:
            _reap(kernels, watch)
            time.sleep(0.05)


if __name__ == "__main__":
    # run as a script: its own folder must not shadow modules of the same name
    if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
        del sys.path[0]
    serve(sys.argv[1])
