"""Regenerate the README's screenshots: the one-page participant app on a demo workbook.

Run: ``.venv/bin/python scripts/screenshots.py`` (needs Debian's ``chromium``). Serves
``notebooks/app.ipynb`` as ``make app`` does (careerkit's Voilà settings), with a temporary
CAREERKIT_HOME holding a filled demo workbook and its key, so no real workbook is touched.
Shoots the start step (before a workbook is open), then opens the demo workbook with its
pseudonym and key and shoots the interests, skills and goals steps at their first chart.
Writes PNGs to ``notebooks/images/``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from careerkit import _voila

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "notebooks" / "images"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PSEUDONYM = "river-42"
#: app step -> picture name (the step is shown at its first chart, if it has one)
SHOTS = {
    "interests": "interests.png",
    "values": "values.png",
    "past_job": "past_job.png",
    "skills": "skills_gap.png",
    "goals": "goals.png",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(home: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    voila = Path(sys.executable).with_name("voila")
    server = subprocess.Popen(
        [str(voila), str(ROOT / "notebooks" / _voila.APP_NOTEBOOK), f"--port={port}",
         "--no-browser", "--Voila.ip=127.0.0.1", "--KernelManager.transport=ipc",
         f"--Voila.config_file_paths={_voila.CONFIG}"],
        env=_voila.environment({**os.environ, "CAREERKIT_HOME": str(home)}),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(180):
        try:  # a route that starts no kernel
            urllib.request.urlopen(f"{url}/voila/static/", timeout=2)
            break
        except urllib.error.HTTPError:
            break
        except OSError:
            time.sleep(0.5)
    return server, url


def _at_first_chart(page) -> None:
    page.wait_for_timeout(2500)
    plots = page.locator(".js-plotly-plot")
    if plots.count():
        plots.first.scroll_into_view_if_needed()
        page.evaluate("() => window.scrollBy(0, -250)")
        page.wait_for_timeout(800)


def main() -> int:
    from playwright.sync_api import sync_playwright

    from careerkit.report._demo import demo_workbook
    from careerkit.ui._app_text import STEPS
    from careerkit.ui.start import TEXT as START
    from careerkit.workbook import issue_key

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("no Chromium on this machine (apt-get install chromium)")
        return 1
    home = Path(tempfile.mkdtemp(prefix="careerkit-shots-"))
    os.environ["CAREERKIT_HOME"] = str(home)
    wb = demo_workbook(home, PSEUDONYM, today=dt.date.today())
    # the optional steps too: values rated, a past job chosen (a bookkeeping clerk)
    wb.values.ratings = {"achievement": 5, "working_conditions": 3, "recognition": 2,
                         "relationships": 4, "support": 3, "independence": 5}
    wb.past_job.soc_code = "43-3031.00"
    wb.past_job.title = "Bookkeeping, Accounting, and Auditing Clerks"
    wb.save()
    key = issue_key(wb.path)
    server, url = _serve(home)
    try:
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.set_default_timeout(120_000)
            page.goto(url + "/", timeout=120_000)
            page.get_by_role("button", name=START["create"]).wait_for()
            page.wait_for_timeout(1000)
            page.screenshot(path=str(OUT / "start.png"))
            print("wrote", OUT / "start.png")
            page.get_by_label(START["consent_store"]).check()
            page.get_by_label(START["pseudonym"], exact=True).fill(PSEUDONYM)
            page.get_by_label(START["key"], exact=True).fill(key)
            page.get_by_role("button", name=START["open"]).click()
            page.get_by_text(START["opened"].format(name=PSEUDONYM)).wait_for()
            for step, name in SHOTS.items():
                page.wait_for_timeout(800)  # past the app's double-click window
                page.locator(".careerkit-steps").get_by_role(
                    "button", name=f"{STEPS[step]} (").click()
                page.get_by_role("status").filter(has_text=STEPS[step]).wait_for()
                page.evaluate("() => window.scrollTo(0, 0)")
                _at_first_chart(page)
                page.screenshot(path=str(OUT / name))
                print("wrote", OUT / name)
            page.close(run_before_unload=True)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
