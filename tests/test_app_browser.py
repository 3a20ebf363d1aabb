"""The workbook as a Voilà app, checked in a real headless Chromium.

A participant never sees code: every notebook must render its screens in the app without a
Python traceback. Skips locally without Chromium; fails under CI=true.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTEBOOKS = [
    "00_start_here",
    "01_interests",
    "02_skills_gap",
    "03_goals",
    "04_my_report",
    "counselor/cohort_dashboard",
    "counselor/batch_export",
    "counselor/review",
]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


#: the Voilà logs of this worker's servers (the last is shown when a page does not render)
_LOGS: list[Path] = []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def voila_url(tmp_path_factory: pytest.TempPathFactory, chromium: str):
    """A Voilà server on loopback serving notebooks/, with its own empty CAREERKIT_HOME."""
    home = tmp_path_factory.mktemp("app_home")
    port = _free_port()
    env = {**os.environ, "CAREERKIT_HOME": str(home)}
    voila = Path(sys.executable).with_name("voila")
    log_path = tmp_path_factory.mktemp("voila_log") / "voila.log"
    _LOGS.append(log_path)
    log = log_path.open("w")
    proc = subprocess.Popen(
        # kernels talk over Unix sockets, as `make app` has them: with TCP, a port the kernel
        # manager picked can be taken by another process before the kernel binds it (two test
        # workers start many kernels at once), and the page then waits for a kernel that died
        [str(voila), str(ROOT / "notebooks"), f"--port={port}", "--no-browser",
         "--Voila.ip=127.0.0.1", "--KernelManager.transport=ipc"],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("Voilà did not start; see its log")
                time.sleep(0.5)
        yield url, home
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser(chromium: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _render(browser, url: str):
    """The page once Voilà has run every cell and its widgets are drawn.

    Tried up to three times: on a busy machine (two test workers, browsers and kernels on two
    cores) a kernel now and then never reports ready, or the page draws a screen before its
    widget model arrives ("model not found"). Neither was seen on an idle machine (0 of 8 loads
    of the goals page); both look like Voilà/Jupyter under load, and are noted as open in the
    closing note. A participant's remedy is the same as here, loading the page again (nothing
    typed is lost: the workbook is on disk). Each failure is printed; the third fails the test
    with the end of the Voilà log.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    problem = ""
    for attempt in range(3):
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        console: list[str] = []
        page.on("console", lambda m, seen=console: seen.append(f"{m.type}: {m.text}"[:300]))
        try:
            page.goto(url, timeout=150_000)
            page.wait_for_selector(".jupyter-widgets", timeout=150_000)
            page.wait_for_load_state("networkidle", timeout=150_000)
        except PlaywrightTimeout as exc:
            problem = f"did not render: {exc}"
        else:
            if "model not found" not in page.inner_text("body"):
                return page
            problem = "drew a screen without its widget model (model not found)"
        print(f"attempt {attempt + 1}: {url} {problem}")
        print("\n".join(f"  console {line}" for line in console if "rror" in line))
        page.close()
    tail = _LOGS[-1].read_text(errors="replace")[-3000:] if _LOGS else "(no log)"
    pytest.fail(f"{url} {problem}\n--- end of the Voilà log ---\n{tail}")


def _workbook(path: Path, predicate, timeout: float = 30.0) -> dict:
    """The workbook file once ``predicate`` holds for it (the kernel saves on its own thread)."""
    deadline = time.monotonic() + timeout
    data: dict = {}
    while time.monotonic() < deadline:
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            if predicate(data):
                return data
        time.sleep(0.2)
    pytest.fail(f"{path.name} never reached the expected state; last read: {data!r:.2000}")


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_each_notebook_renders_as_an_app_without_a_traceback(voila_url, browser, name):
    url, _home = voila_url
    page = _render(browser, f"{url}/voila/render/{name}.ipynb")
    text = page.inner_text("body")
    assert "Traceback" not in text
    assert "Error" not in page.title()
    # screens are labelled: no visible input without an accessible name
    unlabeled = page.evaluate(
        """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
              .filter(el => el.offsetParent !== null)
              .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                            && !el.getAttribute('title'))
              .map(el => el.outerHTML.slice(0, 120))"""
    )
    assert not unlabeled, f"controls without a label in {name}: {unlabeled}"
    page.close()
