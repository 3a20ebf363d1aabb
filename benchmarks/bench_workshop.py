"""A workshop on one machine: N participants at once against one Voilà server.

Run: ``.venv/bin/python benchmarks/bench_workshop.py [--participants 25] [--browsers 3]
[--linger 120] [--quick] [--only app|pages]``; ``CAREERKIT_KERNEL_FORK=0`` in the environment runs
the app with ordinary kernels (for comparison).

Compared in the same run, each on a fresh server with its own empty CAREERKIT_HOME:

* ``app`` — the one-page app as ``make app`` serves it (``notebooks/app.ipynb`` alone, careerkit's
  Voilà settings: one kernel per participant, forked from a warm parent and freed when the page
  closes; a pool of pre-heated kernels, ``CAREERKIT_KERNEL_POOL``, default 2). Each participant
  opens the app, consents and starts a workbook, goes to the interests step (Next step), answers
  the first page of activities by clicking (10 answers), goes to the goals step (step list) and
  writes a goal in their own words.
* ``pages`` — the five-page app as it was (careerkit as of ``--old-commit``, unpacked from git,
  served as ``make app`` served it then: ``voila notebooks/``, Voilà's own settings): the
  participant opens 00_start_here, starts a workbook, then loads 01_interests (10 answers, its
  toggle buttons) and 03_goals (a goal) with the ``?workbook=`` links the start page gave, one
  kernel per page, none freed (Voilà refused the pages' shutdown requests).

How: ``--browsers`` participants (default 3) use real pages in one headless Chromium (driven
with Playwright's async API): their figures include what a participant waits for in the page
(Voilà's JavaScript, the widget manager, drawing). The others are widget sessions
(:class:`WidgetSession`): they fetch the same page and speak the Jupyter widget protocol over
the kernel's websocket, so the server and the kernels do exactly what they do for a page, but
no browser runs for them. In a room each participant's browser runs on their own machine; 25
Chromium pages on the server's two cores took three quarters of its CPU (``--browsers 25``
measures that room), and the click times they gave were mostly the browser waiting for the
CPU. The goal (p95 < 300 ms) is read on
the participants without a browser; the Chromium pages, which share the cores with everyone,
are printed beside them.

Printed:

* click → update: from the click on an answer (the page's own clock) until the kernel's reply
  changed the page (the "n of 40 answered" line), p50/p95; for ``app`` also until the workbook
  file on disk held the answer (this process's clock, from just before the click). Goal: p95 <
  300 ms.
* first control: from opening the page until its first button is usable — all N at once
  (under load), and one participant alone on an idle server, first (cold: the server has just
  started and, for ``app``, filled its pool) and again (warm). For ``app`` also without the pool
  (``CAREERKIT_KERNEL_POOL=0``, a server of its own): the pool's gain in the same run.
  For ``pages`` also each later page (01, 03) under load: the five-page app's cost per step;
  the app's step change (click → step shown) in its place.
* goal typed → SMART check shown.
* memory: every process the server started (kernels; with forked kernels also their parent and
  each kernel's small client), per participant (goal < 200 MB): RSS summed (counts the
  libraries the kernels share once per kernel), PSS (shared pages split between the processes
  sharing them: what the machine holds, the goal's measure) and USS (pages private to each
  process: what one more participant adds), and the server process; then
  ``--linger`` seconds after every participant closed their tab:
  kernels left and memory, against the baseline before anyone came.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psutil
from ipywidgets._version import __control_protocol_version__ as CONTROL_PROTOCOL

from careerkit import _voila
from careerkit._voila._fork import CLIENT, PARENT_SCRIPT, kernel_processes
from careerkit.ui._app_text import STEPS
from careerkit.ui._app_text import TEXT as APP_TEXT
from careerkit.ui.goals import TEXT as GOALS_TEXT
from careerkit.ui.interests import TEXT as QUIZ
from careerkit.ui.start import TEXT as START

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-renderer-backgrounding",
                 "--disable-background-timer-throttling",
                 "--disable-backgrounding-occluded-windows"]
ANSWERS = 10
#: seconds a participant takes to read one activity and answer it (± 50 %); 0: everyone clicks
#: as fast as the server answers (``--pace``)
PACE = 2.0
#: reading the start screen and typing a pseudonym; reading the goals step and writing a goal
#: (in answers' worth of time)
READ_START, READ_GOAL = 5, 5
#: participants in real Chromium pages; the rest without a browser (:class:`WidgetSession`)
BROWSERS = 3
GOAL = "Finish a spreadsheet course and build two budget reports by the end of June"
TIMEOUT_MS = 240_000
MB = 1024 * 1024
#: the last commit with the five-page app (each step a notebook, ``?workbook=`` links)
OLD_COMMIT = "984c41d"

#: installed before any page script: the time of each click on an answer, and of each change of
#: the quiz's "n of 40 answered" line (milliseconds since the epoch, as ``time.time()`` here)
PROBE = """
window.__ck = {clicks: [], changes: []};
document.addEventListener('click', e => {
  if (e.target && e.target.closest && e.target.closest('input[type=radio], .widget-toggle-button'))
    window.__ck.clicks.push(performance.timeOrigin + performance.now());
}, true);
let last = null;
const look = () => {
  for (const el of document.querySelectorAll('.widget-label')) {
    if (el.textContent.includes(' answered')) {
      if (el.textContent !== last) {
        last = el.textContent;
        window.__ck.changes.push(performance.timeOrigin + performance.now());
      }
      return;
    }
  }
};
new MutationObserver(look).observe(document, {subtree: true, childList: true,
                                               characterData: true});
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A Voilà server on loopback; ``app=True``: as ``make app``; else ``voila notebooks/``."""

    def __init__(self, app: bool, workdir: Path, old: Path | None = None,
                 pool: int | None = None) -> None:
        self.home = workdir / "home"
        self.home.mkdir(parents=True)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        voila = Path(sys.executable).with_name("voila")
        base = old or ROOT
        target = base / "notebooks" / (_voila.APP_NOTEBOOK if app else "")
        args = [str(voila), str(target), f"--port={self.port}", "--no-browser",
                "--Voila.ip=127.0.0.1", "--KernelManager.transport=ipc"]
        env = {**os.environ, "CAREERKIT_HOME": str(self.home)}
        if old is not None:  # its kernels import the old package
            env["PYTHONPATH"] = os.pathsep.join([str(old), env.get("PYTHONPATH", "")])
        if app:
            args.append(f"--Voila.config_file_paths={_voila.CONFIG}")
            env = _voila.environment(env)
            if pool is not None:
                env["CAREERKIT_KERNEL_POOL"] = str(pool)
        self.pool = _voila.pool_size(env) if app else 0
        self.log = (workdir / "voila.log").open("w")
        self.proc = subprocess.Popen(args, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     cwd=base)
        deadline = time.monotonic() + 90
        while True:  # a route that starts no kernel
            try:
                urllib.request.urlopen(f"{self.url}/voila/static/", timeout=5).read()
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"Voilà did not start; see {self.log.name}") from None
                time.sleep(0.5)

    def kernels(self) -> list[psutil.Process]:
        """The kernels this server runs now (ordinary ones, or forked from its kernel parent)."""
        return kernel_processes(self.proc.pid)

    def wait_for_pool(self, timeout: float = 180.0) -> None:
        """Until the server's pool of pre-heated kernels is full (and their CPU has settled)."""
        deadline = time.monotonic() + timeout
        while len(self.kernels()) < self.pool and time.monotonic() < deadline:
            time.sleep(0.5)
        if not self.pool:
            return
        # then until the server and its kernels are quiet (each pooled kernel has run the app
        # notebook): under 5 % of one core over a second
        server = psutil.Process(self.proc.pid)
        while time.monotonic() < deadline:
            procs = [server, *self.kernels()]
            before = sum(_cpu(p) for p in procs)
            time.sleep(1.0)
            if sum(_cpu(p) for p in procs) - before < 0.05:
                break
        time.sleep(1.0)

    def memory(self) -> tuple[int, float, float, float, float]:
        """Kernels running; then, over every process the server started (its kernels, and with
        forked kernels their parent and the small client each kernel has): their RSS summed
        (MB), their PSS summed (MB: shared pages split between the processes sharing them),
        their USS summed (MB: pages no other process maps); the server's own RSS (MB)."""
        rss, pss, uss = 0, 0, 0
        for proc in psutil.Process(self.proc.pid).children(recursive=True):
            with contextlib.suppress(psutil.Error):
                info = proc.memory_full_info()
                rss += info.rss
                pss += getattr(info, "pss", info.rss)
                uss += getattr(info, "uss", info.rss)
        server = psutil.Process(self.proc.pid).memory_info().rss
        return len(self.kernels()), rss / MB, pss / MB, uss / MB, server / MB

    def stop(self) -> None:
        left = self.kernels() if self.proc.poll() is None else []
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        for k in left:
            with contextlib.suppress(psutil.Error):
                k.kill()
        self.log.close()


def _cpu(proc: psutil.Process) -> float:
    try:
        times = proc.cpu_times()
    except psutil.Error:
        return 0.0
    return times.user + times.system


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class CpuShares:
    """CPU seconds spent while the room works, by whom: the Voilà server, the kernels, the
    simulated participants' browser (in a real room it runs on their own machines) and the
    rest of the machine. Sampled each second; a process seen for the first time after the start
    counts from its birth."""

    GROUPS = ("server", "kernels", "browser", "other")

    def __init__(self, server: Server) -> None:
        self.server_pid = server.proc.pid
        self.seen: dict[int, float] = {}
        self.totals = dict.fromkeys(self.GROUPS, 0.0)
        self._stop = False
        self._started = time.time()
        self._sample(initial=True)

    def _group(self, proc: psutil.Process) -> str:
        if proc.pid == self.server_pid:
            return "server"
        cmd = " ".join(proc.cmdline())
        if any(mark in cmd for mark in ("ipykernel", PARENT_SCRIPT.name, CLIENT.name)):
            return "kernels"  # ordinary kernels; or forked ones, their parent and clients
        if "chrom" in proc.name() or "headless_shell" in proc.name():
            return "browser"
        return "other"

    def _sample(self, initial: bool = False) -> None:
        for proc in psutil.process_iter():
            with contextlib.suppress(psutil.Error):
                used = _cpu(proc)
                before = self.seen.get(proc.pid)
                if before is None:
                    # there at the start: from now on; born since: all of it
                    before = used if initial or proc.create_time() < self._started else 0.0
                    if initial:
                        self.seen[proc.pid] = used
                        continue
                self.totals[self._group(proc)] += max(0.0, used - before)
                self.seen[proc.pid] = used

    async def run(self) -> None:
        while not self._stop:
            await asyncio.to_thread(self._sample)
            await asyncio.sleep(1.0)

    def stop(self) -> None:
        self._stop = True
        self._sample()


class Figures:
    def __init__(self) -> None:
        self.dom_ms: list[float] = []
        self.file_ms: list[float] = []
        self.first_s: list[float] = []
        self.later_s: list[float] = []
        self.goal_s: list[float] = []
        self.failed: list[str] = []


class WidgetSession:
    """A participant's page without a browser: the page fetched over HTTP as a browser fetches
    it, then its kernel's widgets followed over the kernel's websocket as the page's widget
    manager follows them (Jupyter's JSON websocket protocol, ipywidgets' message protocol 2:
    the control comm's ``request_states``, ``comm_open`` of new widgets, ``update`` both ways,
    ``custom`` button clicks). What the server and the kernel do is the same as for a real
    page; what is left out is the page's own JavaScript and drawing, which in a room run on each
    participant's own machine."""

    def __init__(self, server_url: str) -> None:
        self.server_url = server_url
        self.models: dict[str, dict] = {}
        self.changed: dict[str, float] = {}  # model id -> time.time() of its last update
        self._event = asyncio.Event()
        self._session = uuid.uuid4().hex
        self._xsrf = uuid.uuid4().hex
        self._control = uuid.uuid4().hex
        self._states = False
        self._sets_xsrf = False
        self.kernel_id = ""
        self._cookie = ""
        self._ws = None
        self._reader: asyncio.Task | None = None

    async def open(self, path: str = "/") -> None:
        """Load the page and wait until its widgets are known (as a page draws them)."""
        from tornado.httpclient import AsyncHTTPClient, HTTPRequest
        from tornado.websocket import websocket_connect

        response = await AsyncHTTPClient().fetch(
            self.server_url + path, connect_timeout=TIMEOUT_MS / 1000,
            request_timeout=TIMEOUT_MS / 1000)
        body = response.body.decode()
        found = re.search(r'"kernelId":\s*"([0-9a-f-]+)"', body)
        if not found:
            raise RuntimeError(f"no kernel id in the page {path}")
        self.kernel_id = found[1]
        cookies = [c.split(";", 1)[0] for c in response.headers.get_list("Set-Cookie")]
        # the careerkit template's script sets the "_xsrf" cookie the page's shutdown request
        # on close needs; Voilà's own pages (the five-page app) never set it
        self._sets_xsrf = 'document.cookie = "_xsrf="' in body
        if self._sets_xsrf:
            cookies.append(f"_xsrf={self._xsrf}")
        self._cookie = "; ".join(cookies)
        host = self.server_url.split("://", 1)[1]
        self._ws = await websocket_connect(HTTPRequest(
            f"ws://{host}/api/kernels/{self.kernel_id}/channels?session_id={self._session}",
            headers={"Cookie": self._cookie, "Origin": self.server_url},
            request_timeout=TIMEOUT_MS / 1000), max_message_size=1 << 28)
        self._reader = asyncio.create_task(self._read())
        self._send("comm_open", {"comm_id": self._control,
                                 "target_name": "jupyter.widget.control", "data": {}},
                   metadata={"version": CONTROL_PROTOCOL})
        self._send("comm_msg", {"comm_id": self._control,
                                "data": {"method": "request_states"}})
        await self.until(lambda: self._states)

    def _send(self, msg_type: str, content: dict, metadata: dict | None = None) -> None:
        assert self._ws is not None
        header = {"msg_id": uuid.uuid4().hex, "username": "", "session": self._session,
                  "msg_type": msg_type, "version": "5.3",
                  "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        self._ws.write_message(json.dumps({
            "header": header, "parent_header": {}, "metadata": metadata or {},
            "content": content, "channel": "shell", "buffers": []}))

    async def _read(self) -> None:
        assert self._ws is not None
        while True:
            raw = await self._ws.read_message()
            if raw is None:
                return
            if isinstance(raw, bytes):  # a message with binary buffers: the JSON part first
                count = int.from_bytes(raw[:4], "big")
                offsets = [int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big")
                           for i in range(count)]
                raw = raw[offsets[0]:offsets[1] if count > 1 else None].decode()
            msg = json.loads(raw)
            kind, content = msg.get("msg_type") or msg["header"]["msg_type"], msg["content"]
            now = time.time()
            if kind == "comm_open" and content.get("target_name") == "jupyter.widget":
                self.models[content["comm_id"]] = dict(content["data"].get("state", {}))
                self.changed[content["comm_id"]] = now
            elif kind == "comm_msg":
                data = content.get("data", {})
                if content["comm_id"] == self._control and data.get("method") == "update_states":
                    for model_id, entry in data["states"].items():
                        self.models[model_id] = dict(entry["state"])
                    self._states = True
                elif data.get("method") in ("update", "echo_update"):
                    self.models.setdefault(content["comm_id"], {}).update(data.get("state", {}))
                    self.changed[content["comm_id"]] = now
            elif kind == "comm_close":
                self.models.pop(content["comm_id"], None)
            self._event.set()

    async def until(self, predicate, timeout: float = TIMEOUT_MS / 1000):
        """Wait until ``predicate()`` is true (checked after each message); its value."""
        deadline = time.monotonic() + timeout
        while True:
            found = predicate()
            if found:
                return found
            if self._reader is not None and self._reader.done():
                self._reader.result()
                raise RuntimeError("the page's connection to its kernel closed")
            self._event.clear()
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("the page did not change as expected")
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._event.wait(), left)

    def find(self, model: str | tuple[str, ...], **state) -> list[str]:
        """Ids of the widgets of model name(s) ``model`` whose state has these values (a
        callable value is a test), in the order they were made."""
        names = (model,) if isinstance(model, str) else model
        return [mid for mid, st in self.models.items() if st.get("_model_name") in names
                and all(v(st.get(k)) if callable(v) else st.get(k) == v
                        for k, v in state.items())]

    def set(self, model_id: str, **state) -> None:
        self._send("comm_msg", {"comm_id": model_id, "data": {
            "method": "update", "state": state, "buffer_paths": []}})

    def click(self, model_id: str) -> None:
        self._send("comm_msg", {"comm_id": model_id, "data": {
            "method": "custom", "content": {"event": "click"}}})

    async def close(self) -> None:
        """Leave as a closed tab leaves: the socket goes, and the page's shutdown request (with
        the ``_xsrf`` cookie the careerkit template sets) frees the kernel."""
        from tornado.httpclient import AsyncHTTPClient

        if self._ws is not None:
            self._ws.close()
        if self._reader is not None:
            self._reader.cancel()
        headers = {"Cookie": self._cookie}
        if self._sets_xsrf:
            headers["X-XSRFToken"] = self._xsrf
        with contextlib.suppress(Exception):  # refused without the cookie, as pages were
            await AsyncHTTPClient().fetch(
                f"{self.server_url}/voila/api/shutdown/{self.kernel_id}", method="POST",
                body="", headers=headers)


async def _think(who: str, what: str, steps: float) -> None:
    """A participant reading before acting: ``steps`` × :data:`PACE` seconds, ± 50 %
    (the same for the same participant and step in every run)."""
    if PACE > 0:
        await asyncio.sleep(steps * PACE * random.Random(f"{who}/{what}").uniform(0.5, 1.5))


def _label_with(session: WidgetSession, text: str) -> str | None:
    found = [mid for mid, st in session.models.items()
             if isinstance(st.get("value"), str) and text in st["value"]]
    return found[-1] if found else None


async def _protocol_start(s: WidgetSession, pid: str, path: Path, figures: Figures,
                          start_path: str) -> None:
    start = time.perf_counter()
    await s.open(start_path)
    await s.until(lambda: s.find("ButtonModel", description=START["create"]))
    figures.first_s.append(time.perf_counter() - start)
    await _think(pid, "start", READ_START)
    s.set(s.find("CheckboxModel", description=START["consent_store"])[0], value=True)
    s.set(s.find("TextModel", description=START["pseudonym"])[0], value=pid)
    s.click(s.find("ButtonModel", description=START["create"])[0])
    await s.until(lambda: path.exists())


def _scales(s: WidgetSession) -> list[str]:
    found = s.find(("RadioButtonsModel", "ToggleButtonsModel"),
                   _options_labels=lambda o: o == QUIZ["scale"])
    return found[:ANSWERS] if len(found) >= ANSWERS else []


async def _protocol_answers(s: WidgetSession, n: int, path: Path, figures: Figures) -> None:
    scales = await s.until(lambda: _scales(s))
    count = await s.until(lambda: _label_with(s, " answered"))
    for i, scale in enumerate(scales):
        await _think(path.stem, f"answer {i}", 1)
        before = s.models[count]["value"]
        clicked = time.time()
        s.set(scale, index=(n + i) % 5)
        await s.until(lambda c=count, b=before: s.models[c]["value"] != b)
        figures.dom_ms.append((s.changed[count] - clicked) * 1000)
        saved = await _wait_file(path, lambda d, k=i + 1: len(d["interests"]["responses"]) >= k)
        figures.file_ms.append((saved - clicked) * 1000)


def _new_goal(s: WidgetSession) -> list[str]:
    return s.find("ButtonModel", description=GOALS_TEXT["new_goal"])


async def _protocol_goal(s: WidgetSession, path: Path, figures: Figures) -> None:
    s.click((await s.until(lambda: _new_goal(s)))[0])
    mode = await s.until(lambda: s.find(
        "RadioButtonsModel", _options_labels=lambda o: bool(o) and GOALS_TEXT["mode_free"] in o))
    s.set(mode[0], index=s.models[mode[0]]["_options_labels"].index(GOALS_TEXT["mode_free"]))
    box = await s.until(lambda: s.find("TextareaModel", description=GOALS_TEXT["text"]))
    await _think(path.stem, "goal", READ_GOAL)
    start = time.perf_counter()
    s.set(box[0], value=GOAL)
    await s.until(lambda: _label_with(s, "Your sentence is"))
    figures.goal_s.append(time.perf_counter() - start)
    await _wait_file(path, lambda d: any(g["text"] == GOAL for g in d["goals"]["goals"]))


async def _protocol_app_participant(server: Server, n: int, figures: Figures,
                                    sessions: list) -> None:
    """The app's journey (as :func:`_app_participant`), without a browser."""
    pid = f"p{n:02d}"
    path = server.home / f"{pid}.json"
    s = WidgetSession(server.url)
    sessions.append(s)
    await _protocol_start(s, pid, path, figures, "/")
    s.click((await s.until(lambda: s.find("ButtonModel", tooltip=APP_TEXT["next_tip"])))[0])
    await _protocol_answers(s, n, path, figures)
    start = time.perf_counter()
    s.click(s.find("ButtonModel", description=lambda d: str(d).startswith(
        f"{STEPS['goals']} ("))[0])
    await s.until(lambda: _new_goal(s))
    figures.later_s.append(time.perf_counter() - start)
    await _protocol_goal(s, path, figures)


async def _protocol_pages_participant(server: Server, n: int, figures: Figures,
                                      sessions: list) -> None:
    """The five-page app's journey (as :func:`_pages_participant`), without a browser."""
    pid = f"p{n:02d}"
    path = server.home / f"{pid}.json"
    render = "/voila/render/"
    s = WidgetSession(server.url)
    sessions.append(s)
    await _protocol_start(s, pid, path, figures, render + "00_start_here.ipynb")
    for notebook, ready, step in (("01_interests", _scales, _protocol_answers),
                                  ("03_goals", _new_goal, None)):
        s = WidgetSession(server.url)
        sessions.append(s)
        start = time.perf_counter()
        await s.open(f"{render}{notebook}.ipynb?workbook={pid}")
        await s.until(lambda s=s, ready=ready: ready(s))
        figures.later_s.append(time.perf_counter() - start)
        if step is not None:
            await step(s, n, path, figures)
    await _protocol_goal(s, path, figures)


async def _first_control(page, url: str, control) -> float:
    """Seconds from opening ``url`` until ``control(page)`` (a locator) is visible."""
    start = time.perf_counter()
    await page.goto(url, timeout=TIMEOUT_MS)
    await control(page).first.wait_for(timeout=TIMEOUT_MS)
    return time.perf_counter() - start


def _create_button(page):
    return page.get_by_role("button", name=START["create"])


def _answer_scale(page):
    return page.locator(".widget-radio, .widget-toggle-buttons")


def _new_goal_button(page):
    return page.get_by_role("button", name=GOALS_TEXT["new_goal"])


async def _wait_file(path: Path, predicate, timeout: float = 120.0) -> float:
    """The time (``time.time()``) at which the JSON file at ``path`` was seen to satisfy
    ``predicate`` (checked each time the file changes)."""
    start, seen = time.monotonic(), None
    while time.monotonic() - start < timeout:
        try:
            stamp = path.stat().st_mtime_ns
        except FileNotFoundError:
            stamp = None
        if stamp is not None and stamp != seen:
            seen = stamp
            try:
                if predicate(json.loads(path.read_text(encoding="utf-8"))):
                    return time.time()
            except (json.JSONDecodeError, OSError):
                seen = None
        await asyncio.sleep(0.005)
    raise TimeoutError(f"{path.name} never changed as expected")


async def _start(page, pid: str) -> None:
    await _think(pid, "start", READ_START)
    await page.get_by_label(START["consent_store"]).check()
    await page.get_by_label(START["pseudonym"], exact=True).fill(pid)
    await page.get_by_role("button", name=START["create"]).click()
    await page.get_by_text(pid).first.wait_for(timeout=TIMEOUT_MS)


async def _answer(page, figures: Figures, path: Path | None, n: int) -> None:
    # an answer scale: radio buttons in the app, toggle buttons in the five-page app
    groups = _answer_scale(page)
    await groups.first.wait_for(timeout=TIMEOUT_MS)
    role = "radio" if await page.locator(".widget-radio").count() else "button"
    for i in range(ANSWERS):
        await _think(f"p{n:02d}", f"answer {i}", 1)
        group = groups.nth(i)
        await group.scroll_into_view_if_needed()
        before = await page.evaluate("window.__ck.changes.length")
        await group.get_by_role(role, name=QUIZ["scale"][(n + i) % 5], exact=True).click()
        await page.wait_for_function("n => window.__ck.changes.length > n", arg=before,
                                     timeout=TIMEOUT_MS, polling=20)
        clicked, changed = await page.evaluate(
            "n => [window.__ck.clicks[window.__ck.clicks.length - 1], window.__ck.changes[n]]",
            before)
        figures.dom_ms.append(changed - clicked)
        if path is not None:
            saved = await _wait_file(path, lambda d, k=i + 1: len(d["interests"]["responses"]) >= k)
            figures.file_ms.append(saved * 1000 - clicked)


async def _goal(page, figures: Figures, path: Path | None) -> None:
    await page.get_by_role("button", name=GOALS_TEXT["new_goal"]).click(timeout=TIMEOUT_MS)
    await page.get_by_role("radio", name=GOALS_TEXT["mode_free"]).check(timeout=TIMEOUT_MS)
    box = page.get_by_role("textbox", name=GOALS_TEXT["text"], exact=True)
    await box.wait_for(timeout=TIMEOUT_MS)
    await _think(path.stem if path is not None else "", "goal", READ_GOAL)
    start = time.perf_counter()
    await box.fill(GOAL, timeout=TIMEOUT_MS)
    await page.get_by_text("Your sentence is").first.wait_for(timeout=TIMEOUT_MS)
    figures.goal_s.append(time.perf_counter() - start)
    if path is not None:
        await _wait_file(path, lambda d: any(g["text"] == GOAL for g in d["goals"]["goals"]))


async def _app_participant(context, server: Server, n: int, figures: Figures, pages: list):
    page = await context.new_page()
    pages.append(page)
    pid = f"p{n:02d}"
    figures.first_s.append(await _first_control(page, server.url + "/", _create_button))
    await _start(page, pid)
    await page.get_by_title(APP_TEXT["next_tip"], exact=True).click()
    await _answer(page, figures, server.home / f"{pid}.json", n)
    start = time.perf_counter()
    await page.locator(".careerkit-steps").get_by_role(
        "button", name=f"{STEPS['goals']} (").click()
    await _new_goal_button(page).wait_for(timeout=TIMEOUT_MS)
    figures.later_s.append(time.perf_counter() - start)
    await _goal(page, figures, server.home / f"{pid}.json")


async def _pages_participant(context, server: Server, n: int, figures: Figures, pages: list):
    """The five-page app: each step a page of its own, the workbook named in its link (as the
    start page linked them). Voilà refused the shutdown of a page left behind, so its kernel
    stayed; the pages are kept open here until everyone is done, to the same effect."""
    pid = f"p{n:02d}"
    render = server.url + "/voila/render/"
    page = await context.new_page()
    pages.append(page)
    figures.first_s.append(
        await _first_control(page, render + "00_start_here.ipynb", _create_button))
    await _start(page, pid)
    page = await context.new_page()
    pages.append(page)
    figures.later_s.append(await _first_control(
        page, f"{render}01_interests.ipynb?workbook={pid}", _answer_scale))
    await _answer(page, figures, server.home / f"{pid}.json", n)
    page = await context.new_page()
    pages.append(page)
    figures.later_s.append(await _first_control(
        page, f"{render}03_goals.ipynb?workbook={pid}", _new_goal_button))
    await _goal(page, figures, server.home / f"{pid}.json")


async def _solo(browser, url: str) -> float:
    context = await browser.new_context()
    page = await context.new_page()
    took = await _first_control(page, url, _create_button)
    await page.close(run_before_unload=True)
    await context.close()
    return took


def _old_code(commit: str, into: Path) -> Path | None:
    """The package, notebooks and data of ``commit`` (the five-page app), unpacked into
    ``into``; None when this checkout does not have that commit."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "careerkit",
                              "notebooks", "data"], capture_output=True, check=False)
    if archive.returncode != 0:
        return None
    into.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


async def _run(kind: str, participants: int, browsers: int, linger: float, chromium: str,
               old: Path | None = None) -> dict:
    """``browsers`` of the ``participants`` in real Chromium pages, the others without a
    browser (:class:`WidgetSession`)."""
    from playwright.async_api import async_playwright
    from tornado.httpclient import AsyncHTTPClient

    # every participant's browser fetches at once: Tornado's client would queue all but 10
    # requests (and time them out after 20 s in its queue)
    AsyncHTTPClient.configure(None, max_clients=1000)
    app = kind == "app"
    workdir = Path(tempfile.mkdtemp(prefix=f"ck-bench-{kind}-"))
    server = Server(app, workdir, old)
    figures, server_figures = Figures(), Figures()
    result: dict = {"kind": kind, "pool": server.pool, "browsers": min(browsers, participants),
                    "fork": app and _voila.fork_enabled()}
    walk = _app_participant if app else _pages_participant
    walk_protocol = _protocol_app_participant if app else _protocol_pages_participant
    first_url = server.url + ("/" if app else "/voila/render/00_start_here.ipynb")
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=chromium, headless=True,
                                              args=CHROMIUM_ARGS)
            await asyncio.to_thread(server.wait_for_pool)
            result["solo_cold_s"] = await _solo(browser, first_url)
            await asyncio.sleep(3)
            await asyncio.to_thread(server.wait_for_pool)
            result["baseline"] = server.memory()
            context = await browser.new_context(viewport={"width": 1280, "height": 900})
            await context.add_init_script(PROBE)
            pages: list = []
            sessions: list[WidgetSession] = []
            started = time.perf_counter()
            shares = CpuShares(server)
            sampling = asyncio.create_task(shares.run())
            outcomes = await asyncio.gather(
                *(walk(context, server, n, figures, pages) if n < browsers
                  else walk_protocol(server, n, server_figures, sessions)
                  for n in range(participants)),
                return_exceptions=True,
            )
            result["wall_s"] = time.perf_counter() - started
            figures.failed = [repr(o)[:300] for o in outcomes[:browsers]
                              if isinstance(o, BaseException)]
            server_figures.failed = [repr(o)[:300] for o in outcomes[browsers:]
                                     if isinstance(o, BaseException)]
            shares.stop()
            await sampling
            result["cpu"] = shares.totals
            result["peak"] = server.memory()
            for page in pages:
                await page.close(run_before_unload=True)
            for session in sessions:
                await session.close()
            # the browser stays open, as a participant's does after closing a tab: closing it
            # at once could cut off the pages' last requests (their kernels' shutdown)
            left_at = time.monotonic()
            result["leaving"] = []
            for mark in (5.0, 20.0, 60.0):
                if mark < linger:
                    await asyncio.sleep(mark - (time.monotonic() - left_at))
                    result["leaving"].append((mark, len(server.kernels())))
            await context.close()
            await asyncio.sleep(max(0.0, linger - (time.monotonic() - left_at)))
            result["after"] = server.memory()
            await asyncio.to_thread(server.wait_for_pool)
            result["solo_warm_s"] = await _solo(browser, first_url)
            await browser.close()
    finally:
        server.stop()
    result["figures"] = figures
    result["server_figures"] = server_figures
    if app:
        result["no_pool"] = await _solo_without_pool(chromium)
    return result


async def _solo_without_pool(chromium: str) -> tuple[float, float]:
    """First control alone, cold and warm, on an app server without pre-heated kernels."""
    from playwright.async_api import async_playwright

    server = Server(True, Path(tempfile.mkdtemp(prefix="ck-bench-nopool-")), pool=0)
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=chromium, headless=True,
                                              args=CHROMIUM_ARGS)
            cold = await _solo(browser, server.url + "/")
            await asyncio.sleep(3)
            warm = await _solo(browser, server.url + "/")
            await browser.close()
    finally:
        server.stop()
    return cold, warm


def _timings(f: Figures, kind: str, label: str, goal: bool) -> None:
    if f.failed:
        print(f"  !! {len(f.failed)} participant(s) failed: {f.failed[:3]}")
    if not (f.dom_ms or f.first_s):
        return
    print(f"  -- {label}")
    print(f"  click → page updated      p50 {_pct(f.dom_ms, .5):6.0f} ms   "
          f"p95 {_pct(f.dom_ms, .95):6.0f} ms   ({len(f.dom_ms)} clicks"
          + ("; goal p95 < 300 ms)" if goal else ")"))
    if f.file_ms:
        print(f"  click → workbook on disk  p50 {_pct(f.file_ms, .5):6.0f} ms   "
              f"p95 {_pct(f.file_ms, .95):6.0f} ms")
    print(f"  first control, all at once p50 {_pct(f.first_s, .5):5.1f} s    "
          f"p95 {_pct(f.first_s, .95):5.1f} s")
    later = "step change (in-app)" if kind == "app" else "next page (01, 03)"
    print(f"  {later:26s} p50 {_pct(f.later_s, .5):5.1f} s    p95 {_pct(f.later_s, .95):5.1f} s")
    print(f"  goal typed → SMART check  p50 {_pct(f.goal_s, .5):5.1f} s    "
          f"p95 {_pct(f.goal_s, .95):5.1f} s")


def _report(r: dict, participants: int, linger: float) -> None:
    f: Figures = r["figures"]
    how = (", kernels forked from a warm parent" if r.get("fork") else
           ", ordinary kernels" if r["kind"] == "app" else "")
    print(f"\n== {r['kind']}: {participants} participants at once, "
          f"{'one page' if r['kind'] == 'app' else 'three pages'} each{how} "
          f"(all done in {r['wall_s']:.0f} s)")
    browsers, others = r["browsers"], participants - r["browsers"]
    _timings(r["server_figures"], r["kind"],
             f"{others} participants without a browser (what the server answers: the page's "
             "own drawing runs on each participant's machine)", goal=True)
    _timings(f, r["kind"], f"{browsers} participants in real Chromium pages (on the server's "
             "two cores too: drawing included)", goal=not others)
    pool = f" (pool of {r['pool']} pre-heated kernels)" if r.get("pool") else ""
    print(f"  first control alone{pool}: cold {r['solo_cold_s']:.1f} s, "
          f"warm (after the crowd) {r['solo_warm_s']:.1f} s (goal warm < 2 s)")
    if r.get("no_pool"):
        cold, warm = r["no_pool"]
        print(f"  first control alone without the pool: cold {cold:.1f} s, warm {warm:.1f} s")
    if r.get("cpu"):
        cpu = r["cpu"]
        total = sum(cpu.values()) or 1.0
        print("  CPU while the room worked: " + ", ".join(
            f"{g} {cpu[g]:.0f} s ({cpu[g] / total:.0%})" for g in CpuShares.GROUPS)
            + " (the browser runs on participants' own machines in a real room)")
    (k0, m0, p0, u0, s0), (k1, m1, p1, u1, s1), (k2, m2, _p2, _u2, s2) = (
        r["baseline"], r["peak"], r["after"])
    print(f"  baseline: {k0} kernel(s), the server's processes RSS {m0:.0f} MB + server "
          f"{s0:.0f} MB")
    print(f"  with everyone in: {k1} kernels, the server's processes RSS {m1:.0f} MB "
          f"(PSS {p1:.0f} MB, USS {u1:.0f} MB) "
          f"+ server {s1:.0f} MB → per participant PSS {(p1 - p0) / participants:.0f} MB "
          f"(goal < 200 MB), USS {(u1 - u0) / participants:.0f} MB, "
          f"RSS {(m1 - m0) / participants:.0f} MB")
    if r.get("leaving"):
        print("  kernels left after everyone closed their tab: " + ", ".join(
            f"{k} at {t:.0f} s" for t, k in r["leaving"]))
    print(f"  {linger:.0f} s after they left: {k2} kernel(s), processes RSS {m2:.0f} MB + server "
          f"{s2:.0f} MB ({'back to baseline' if k2 <= k0 else f'{k2 - k0} kernel(s) never freed'})")


def main(argv: list[str] | None = None) -> int:
    global PACE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=25)
    parser.add_argument("--linger", type=float, default=120.0,
                        help="seconds to wait after everyone left before measuring again")
    parser.add_argument("--quick", action="store_true", help="5 participants, 15 s linger")
    parser.add_argument("--only", choices=("app", "pages"), help="run one of the two")
    parser.add_argument("--pace", type=float, default=PACE,
                        help="seconds a participant takes to read and answer one activity "
                             f"(± 50 %%; default {PACE}); 0: everyone clicks as fast as the "
                             "server answers")
    parser.add_argument("--browsers", type=int, default=BROWSERS,
                        help="participants in real Chromium pages (the others speak the widget "
                             f"protocol without a browser; default {BROWSERS})")
    parser.add_argument("--old-commit", default=OLD_COMMIT,
                        help="the commit whose five-page app is compared (default: the last "
                             "one before the one-page app)")
    args = parser.parse_args(argv)
    PACE = args.pace
    if args.quick:
        args.participants, args.linger = min(args.participants, 5), min(args.linger, 15.0)
        args.browsers = min(args.browsers, 2)
    chromium = next((p for p in (os.environ.get("CAREERKIT_CHROMIUM"),) if p), None)
    for name in ("chromium", "chromium-browser", "google-chrome"):
        chromium = chromium or __import__("shutil").which(name)
    if chromium is None:
        print("bench_workshop: no Chromium on this machine (apt-get install chromium); skipped")
        return 0
    print(f"{args.participants} participants, {os.cpu_count()} cores, Chromium {chromium}; "
          + (f"a participant takes {PACE:g} s (± 50 %) to read and answer an activity, "
             f"{READ_START * PACE:g} s for the start screen, {READ_GOAL * PACE:g} s to write the "
             "goal" if PACE > 0 else "no reading time: everyone clicks as fast as the server "
             "answers"))
    for kind in ("app", "pages"):
        if args.only and kind != args.only:
            continue
        old = None
        if kind == "pages":
            old = _old_code(args.old_commit, Path(tempfile.mkdtemp(prefix="ck-old-")) / "src")
            if old is None:
                print(f"\n(commit {args.old_commit} is not in this checkout: the five-page app "
                      f"is not measured)")
                continue
            print(f"\n(the five-page app: careerkit as of commit {args.old_commit})")
        _report(asyncio.run(_run(kind, args.participants, args.browsers, args.linger, chromium,
                                    old)),
                args.participants, args.linger)
    return 0


if __name__ == "__main__":
    sys.exit(main())
