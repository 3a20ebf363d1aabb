"""Regenerate the README's screenshots: the Voilà app on a demo workbook, in headless Chromium.

Run: ``.venv/bin/python scripts/screenshots.py`` (needs Debian's ``chromium``). Writes PNGs to
``notebooks/images/``. Uses a temporary CAREERKIT_HOME, so no real workbook is touched.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "notebooks" / "images"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# notebook -> picture name; the first chart on the page is shown (none on the start page)
SHOTS = {
    "00_start_here": "start.png",
    "01_interests": "interests.png",
    "02_skills_gap": "skills_gap.png",
    "03_goals": "goals.png",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    from playwright.sync_api import sync_playwright

    from careerkit.report._demo import demo_workbook

    home = Path(tempfile.mkdtemp(prefix="careerkit-shots-"))
    os.environ["CAREERKIT_HOME"] = str(home)
    demo_workbook(home, "river-42", today=dt.date.today())
    port = _free_port()
    voila = Path(sys.executable).with_name("voila")
    server = subprocess.Popen(
        [str(voila), str(ROOT / "notebooks"), f"--port={port}", "--no-browser",
         "--Voila.ip=127.0.0.1"],
        env=dict(os.environ), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(url, timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for notebook, name in SHOTS.items():
                page = browser.new_page(viewport={"width": 1200, "height": 900})
                page.goto(f"{url}/voila/render/{notebook}.ipynb?workbook=river-42",
                          timeout=120_000)
                page.wait_for_selector(".jupyter-widgets", timeout=120_000)
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(2500)
                plots = page.locator(".js-plotly-plot")
                if plots.count():
                    plots.first.scroll_into_view_if_needed()
                    page.evaluate("() => window.scrollBy(0, -250)")
                    page.wait_for_timeout(800)
                page.screenshot(path=str(OUT / name))
                print("wrote", OUT / name)
                page.close()
            browser.close()
    finally:
        server.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
