"""A workshop on one machine: N participants at once against one Voilà server.

Run: ``.venv/bin/python benchmarks/bench_workshop.py [--participants 25] [--linger 120] [--quick]``

Compared in the same run, each on a fresh server with its own empty CAREERKIT_HOME:

* ``app`` — the one-page app as ``make app`` serves it (``notebooks/app.ipynb`` alone, careerkit's
  Voilà settings: one kernel per participant, freed when the page closes; a pool of
  pre-heated kernels, ``CAREERKIT_KERNEL_POOL``, default 2). Each participant
  opens the app, consents and starts a workbook, goes to the interests step (Next step), answers
  the first page of activities by clicking (10 answers), goes to the goals step (step list) and
  writes a goal in their own words.
* ``pages`` — the five-page app as it was (careerkit as of ``--old-commit``, unpacked from git,
  served as ``make app`` served it then: ``voila notebooks/``, Voilà's own settings): the
  participant opens 00_start_here, starts a workbook, then loads 01_interests (10 answers, its
  toggle buttons) and 03_goals (a goal) with the ``?workbook=`` links the start page gave, one
  kernel per page, none freed (Voilà refused the pages' shutdown requests).

How: real pages in one headless Chromium (one page per participant, driven with Playwright's
async API), rather than a client speaking the Jupyter widget protocol: the figures then include
what a participant waits for (JavaScript widget manager, rendering), and the protocol client
would have to re-implement ipywidgets' front end. The cost is the browser's CPU on the same two
cores, so the latencies are an upper bound for a room where browsers run on their own laptops.

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
* memory: the server's kernels (child processes) per participant (goal < 200 MB): RSS summed
  (counts the libraries the kernels share once per kernel), PSS (shared pages split between
  the processes sharing them: what the machine holds, the goal's measure) and USS (pages
  private to each kernel: what one more participant adds), and the server process; then
  ``--linger`` seconds after every participant closed their tab:
  kernels left and memory, against the baseline before anyone came.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psutil

from careerkit import _voila
from careerkit._voila._fork import kernel_processes
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
        if any(mark in cmd for mark in ("ipykernel", "_kernel_parent.py", "_kernel_client.py")):
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


async def _run(kind: str, participants: int, linger: float, chromium: str,
               old: Path | None = None) -> dict:
    from playwright.async_api import async_playwright

    app = kind == "app"
    workdir = Path(tempfile.mkdtemp(prefix=f"ck-bench-{kind}-"))
    server = Server(app, workdir, old)
    figures = Figures()
    result: dict = {"kind": kind, "pool": server.pool}
    walk = _app_participant if app else _pages_participant
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
            started = time.perf_counter()
            shares = CpuShares(server)
            sampling = asyncio.create_task(shares.run())
            outcomes = await asyncio.gather(
                *(walk(context, server, n, figures, pages) for n in range(participants)),
                return_exceptions=True,
            )
            result["wall_s"] = time.perf_counter() - started
            figures.failed = [repr(o)[:300] for o in outcomes if isinstance(o, BaseException)]
            shares.stop()
            await sampling
            result["cpu"] = shares.totals
            result["peak"] = server.memory()
            for page in pages:
                await page.close(run_before_unload=True)
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


def _report(r: dict, participants: int, linger: float) -> None:
    f: Figures = r["figures"]
    print(f"\n== {r['kind']}: {participants} participants at once, "
          f"{'one page' if r['kind'] == 'app' else 'three pages'} each "
          f"(all done in {r['wall_s']:.0f} s)")
    if f.failed:
        print(f"  !! {len(f.failed)} participant(s) failed: {f.failed[:3]}")
    print(f"  click → page updated      p50 {_pct(f.dom_ms, .5):6.0f} ms   "
          f"p95 {_pct(f.dom_ms, .95):6.0f} ms   ({len(f.dom_ms)} clicks; goal p95 < 300 ms)")
    if f.file_ms:
        print(f"  click → workbook on disk  p50 {_pct(f.file_ms, .5):6.0f} ms   "
              f"p95 {_pct(f.file_ms, .95):6.0f} ms")
    print(f"  first control, all at once p50 {_pct(f.first_s, .5):5.1f} s    "
          f"p95 {_pct(f.first_s, .95):5.1f} s")
    later = "step change (in-app)" if r["kind"] == "app" else "next page (01, 03)"
    print(f"  {later:26s} p50 {_pct(f.later_s, .5):5.1f} s    p95 {_pct(f.later_s, .95):5.1f} s")
    pool = f" (pool of {r['pool']} pre-heated kernels)" if r.get("pool") else ""
    print(f"  first control alone{pool}: cold {r['solo_cold_s']:.1f} s, "
          f"warm (after the crowd) {r['solo_warm_s']:.1f} s (goal warm < 2 s)")
    if r.get("no_pool"):
        cold, warm = r["no_pool"]
        print(f"  first control alone without the pool: cold {cold:.1f} s, warm {warm:.1f} s")
    print(f"  goal typed → SMART check  p50 {_pct(f.goal_s, .5):5.1f} s    "
          f"p95 {_pct(f.goal_s, .95):5.1f} s")
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
    print(f"  with everyone in: {k1} kernels, the server's processes RSS {m1:.0f} MB (PSS {p1:.0f} MB, USS {u1:.0f} MB) "
          f"+ server {s1:.0f} MB → per participant PSS {(p1 - p0) / participants:.0f} MB "
          f"(goal < 200 MB), USS {(u1 - u0) / participants:.0f} MB, "
          f"RSS {(m1 - m0) / participants:.0f} MB")
    if r.get("leaving"):
        print("  kernels left after everyone closed their tab: " + ", ".join(
            f"{k} at {t:.0f} s" for t, k in r["leaving"]))
    print(f"  {linger:.0f} s after they left: {k2} kernel(s), processes RSS {m2:.0f} MB + server "
          f"{s2:.0f} MB ({'back to baseline' if k2 <= k0 else f'{k2 - k0} kernel(s) never freed'})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=25)
    parser.add_argument("--linger", type=float, default=120.0,
                        help="seconds to wait after everyone left before measuring again")
    parser.add_argument("--quick", action="store_true", help="5 participants, 15 s linger")
    parser.add_argument("--only", choices=("app", "pages"), help="run one of the two")
    parser.add_argument("--old-commit", default=OLD_COMMIT,
                        help="the commit whose five-page app is compared (default: the last "
                             "one before the one-page app)")
    args = parser.parse_args(argv)
    if args.quick:
        args.participants, args.linger = min(args.participants, 5), min(args.linger, 15.0)
    chromium = next((p for p in (os.environ.get("CAREERKIT_CHROMIUM"),) if p), None)
    for name in ("chromium", "chromium-browser", "google-chrome"):
        chromium = chromium or __import__("shutil").which(name)
    if chromium is None:
        print("bench_workshop: no Chromium on this machine (apt-get install chromium); skipped")
        return 0
    print(f"{args.participants} participants, {os.cpu_count()} cores, Chromium {chromium}")
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
        _report(asyncio.run(_run(kind, args.participants, args.linger, chromium, old)),
                args.participants, args.linger)
    return 0


if __name__ == "__main__":
    sys.exit(main())
