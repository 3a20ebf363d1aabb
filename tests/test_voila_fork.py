"""Kernels forked from a warm parent (``careerkit/_voila/_fork.py``): real kernels started
through the server's kernel manager, which must behave as ordinary ones — their own
environment, folder and streams; interrupts; shutdown; the app's libraries ready (widgets'
comm targets, Plotly's renderer) — and must never outlive their client or the server.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import pytest
from jupyter_client.manager import AsyncKernelManager
from traitlets.config import Config

from careerkit import _voila
from careerkit._voila import _fork

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def parent():
    kernel_parent = _fork.KernelParent()
    try:
        yield kernel_parent
    finally:
        kernel_parent.stop()


def _manager(kernel_parent: _fork.KernelParent, **kwargs) -> AsyncKernelManager:
    class Manager(_fork.ForkingKernelManager):
        pass

    Manager.kernel_parent = kernel_parent
    # Unix sockets at an absolute path: the kernel may run in another folder (as Voilà's do)
    sockets = Path(tempfile.mkdtemp(prefix="ck-fork-test-")) / "kernel"
    return Manager(kernel_name="python3", transport="ipc", ip=str(sockets), **kwargs)


def _gone(pid: int, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.1)
    return False


async def _run(client, code: str, timeout: float = 60.0) -> tuple[str, dict]:
    """stdout of ``code`` run in the kernel, and the execute reply's content."""
    out: list[str] = []

    def hook(msg: dict) -> None:
        if msg["msg_type"] == "stream":
            out.append(msg["content"]["text"])

    reply = await client.execute_interactive(code, timeout=timeout, output_hook=hook)
    return "".join(out), reply["content"]


async def _started(km: AsyncKernelManager, **kwargs):
    await km.start_kernel(**kwargs)
    client = km.client()
    client.start_channels()
    await client.wait_for_ready(timeout=120)
    return client


def test_only_an_ordinary_ipykernel_start_of_this_python_is_replaced(parent) -> None:
    other = ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "c.json"]
    assert parent.command(other) == other  # another Python: other libraries
    assert parent.command(["R", "--slave", "-f", "c.json"]) == ["R", "--slave", "-f", "c.json"]
    ours = [sys.executable, "-m", "ipykernel_launcher", "-f", "c.json"]
    command = parent.command(ours)
    assert command[:4] == [sys.executable, "-I", "-S", str(_fork.CLIENT)]
    assert command[-2:] == ["-f", "c.json"]
    # the socket sits in a folder only this user can enter
    folder = Path(command[4]).parent
    assert Path(command[4]).exists() and (folder.stat().st_mode & 0o077) == 0


def test_a_forked_kernel_is_a_kernel_of_its_own(parent, tmp_path: Path) -> None:
    async def journey() -> None:
        km = _manager(parent)
        env = {**os.environ, "CAREERKIT_FORK_TEST": "from the server"}
        client = await _started(km, env=env, cwd=str(tmp_path))
        try:
            kernel_pid = int((await _run(client, "import os; print(os.getpid())"))[0])
            assert kernel_pid != km.provisioner.process.pid  # the client stands in for it
            assert psutil.Process(kernel_pid).ppid() == parent.proc.pid
            out, _ = await _run(
                client,
                "import os, sys, ipywidgets, plotly.io as pio, comm\n"
                "print(os.environ.get('CAREERKIT_FORK_TEST'), os.getcwd(), pio.renderers.default,"
                " 'jupyter.widget.control' in comm.get_comm_manager().targets,"
                " 'careerkit.ui.app' in sys.modules, sep='|')",
            )
            assert out.strip().split("|") == [
                "from the server", str(tmp_path), "plotly_mimetype", "True", "True"]
            # an interrupt reaches the kernel, which carries on
            running = asyncio.ensure_future(_run(client, "import time; time.sleep(60)"))
            await asyncio.sleep(1.0)
            await km.interrupt_kernel()
            _, reply = await asyncio.wait_for(running, 30)
            assert reply["status"] == "error" and reply["ename"] == "KeyboardInterrupt"
            # (asked as a value, not printed: after an interrupt, ipykernel 6.29 may send the
            # printed line after its reply)
            reply = (await client.execute_interactive(
                "answer = 6 * 7", user_expressions={"answer": "answer"}, timeout=60))["content"]
            assert reply["status"] == "ok"
            assert reply["user_expressions"]["answer"]["data"]["text/plain"] == "42"
        finally:
            client.stop_channels()
            await km.shutdown_kernel()
        assert _gone(kernel_pid)
        assert not await km.is_alive()

    asyncio.run(journey())


def test_two_kernels_do_not_share_their_state(parent) -> None:
    async def two() -> None:
        managers = [_manager(parent), _manager(parent)]
        clients = [await _started(km) for km in managers]
        try:
            await _run(clients[0], "secret = 'river-42'")
            out, _ = await _run(clients[1], "print('secret' in globals())")
            assert out.strip() == "False"
        finally:
            for client, km in zip(clients, managers, strict=True):
                client.stop_channels()
                await km.shutdown_kernel(now=True)

    asyncio.run(two())


def test_a_killed_client_takes_its_kernel_with_it(parent) -> None:
    async def kill() -> None:
        km = _manager(parent)
        client = await _started(km)
        kernel_pid = int((await _run(client, "import os; print(os.getpid())"))[0])
        client.stop_channels()
        os.kill(km.provisioner.process.pid, signal.SIGKILL)  # as the server's last resort does
        assert _gone(kernel_pid), "the kernel outlived its client"
        await km.cleanup_resources()

    asyncio.run(kill())


def test_kernels_end_with_the_server(tmp_path: Path) -> None:
    kernel_parent = _fork.KernelParent()

    async def start() -> int:
        km = _manager(kernel_parent)
        client = await _started(km)
        pid = int((await _run(client, "import os; print(os.getpid())"))[0])
        client.stop_channels()
        return pid

    try:
        kernel_pid = asyncio.run(start())
        parent_pid = kernel_parent.proc.pid
    finally:
        kernel_parent.stop()  # what the server does on its way out (its stdin pipe closes)
    assert _gone(parent_pid) and _gone(kernel_pid)
    assert kernel_parent.folder is None


def test_a_page_gets_an_ordinary_kernel_when_the_parent_cannot_be_reached(tmp_path) -> None:
    class Unreachable(_fork.KernelParent):
        def listening(self) -> str | None:
            return str(tmp_path / "nobody-listens.sock")

    async def fallback() -> None:
        km = _manager(Unreachable())
        client = await _started(km)
        try:
            out, _ = await _run(client, "import os; print(os.getpid())")
            # the client made itself the kernel (exec): the server's process is the kernel
            assert int(out) == km.provisioner.process.pid
        finally:
            client.stop_channels()
            await km.shutdown_kernel(now=True)

    asyncio.run(fallback())


def test_a_parent_that_keeps_dying_is_given_up_for_ordinary_kernels() -> None:
    class Broken(_fork.KernelParent):
        def _start(self) -> None:  # a parent that ends at once (cannot import careerkit)
            super()._start()
            assert self.proc is not None
            self.proc.kill()
            self.proc.wait()
            Path(str(self.socket)).unlink(missing_ok=True)  # had it bound before it died

    broken = Broken()
    ordinary = [sys.executable, "-m", "ipykernel_launcher", "-f", "c.json"]
    try:
        for _ in range(_fork.MAX_STARTS + 2):
            assert broken.command(ordinary) == ordinary
        assert broken.starts == _fork.MAX_STARTS  # then no more attempts
    finally:
        broken.stop()


def test_a_bad_request_is_refused_and_the_parent_serves_on(parent) -> None:
    import socket

    path = parent.listening()
    for body in (b"hello", b"[1, 2]", b'{"args": "-f"}'):  # not JSON; not an object; no streams
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.connect(path)
            sock.sendall(len(body).to_bytes(4, "big") + body)
            assert b"error" in sock.makefile("rb").readline()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:  # streams, but no folder
        sock.connect(path)
        body = json.dumps({"args": [], "env": {}}).encode()
        socket.send_fds(sock, [len(body).to_bytes(4, "big") + body], [0, 1, 2])
        assert b"error" in sock.makefile("rb").readline()

    async def still() -> None:
        km = _manager(parent)
        client = await _started(km)
        client.stop_channels()
        await km.shutdown_kernel(now=True)

    asyncio.run(still())
    assert parent.proc.poll() is None


def test_only_the_apps_own_server_forks(monkeypatch) -> None:
    monkeypatch.delenv("CAREERKIT_KERNEL_FORK", raising=False)
    c = Config()
    _voila.configure(c, fork=True)  # config/voila.py: `make app`
    assert c.MappingKernelManager.kernel_manager_class == _voila.FORKING_KERNEL_MANAGER
    c = Config()
    _voila.configure(c)  # config/jupyter_server_config.py: a JupyterHub participant's server
    assert "kernel_manager_class" not in c.MappingKernelManager
    for off in ("0", "no", "off"):
        monkeypatch.setenv("CAREERKIT_KERNEL_FORK", off)
        c = Config()
        _voila.configure(c, fork=True)
        assert "kernel_manager_class" not in c.MappingKernelManager
    config = (Path(_voila.CONFIG) / "voila.py").read_text(encoding="utf-8")
    assert "configure(c, fork=True)" in config
    server_config = (Path(_voila.CONFIG) / "jupyter_server_config.py").read_text(encoding="utf-8")
    assert "fork=True" not in server_config


def test_the_client_needs_only_the_standard_library() -> None:
    # run as the server runs it (-I -S: no site-packages): it must start without them
    done = subprocess.run(
        [sys.executable, "-I", "-S", "-c",
         f"import runpy; runpy.run_path({str(_fork.CLIENT)!r}, run_name='not_main')"],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
