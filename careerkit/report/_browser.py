"""Headless Chromium for the report: charts drawn as SVG, and the PDF.

Two ways to turn a Plotly figure into SVG are kept, measured side by side in
``benchmarks/bench_report.py``:

* ``"playwright"`` (the default, faster here): plotly.js — taken from the installed ``plotly``
  package, never a CDN — is loaded once into a blank page of the same headless Chromium that
  prints the PDF, and ``Plotly.toImage(figure, {format: "svg"})`` draws each chart.
* ``"kaleido"``: kaleido 1.x, which drives its own Chromium through choreographer; MathJax is
  switched off (its default is a CDN) and plotly.js is the installed package's file.

No network while rendering: every request the page makes other than ``data:``/``about:``/
``blob:`` and the two local files of the chart page (itself and the package's plotly.min.js) is
aborted (Playwright ``page.route``) and recorded in :attr:`Browser.blocked`, and
Chromium starts with its background networking, component updates and sync switched off.

Playwright's synchronous API refuses to run inside a running asyncio loop (Jupyter kernels
have one), so browser work runs in a worker thread of its own.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote

from careerkit.errors import CareerkitError
from careerkit.report._text import MESSAGES

CHROMIUM_ENV = "CAREERKIT_CHROMIUM"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
#: Chromium switches that keep it from calling home while it renders.
QUIET_ARGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
)
ENGINES = ("playwright", "kaleido")
#: Size each chart is drawn at (px); the SVG keeps its viewBox, so CSS scales it to the page.
CHART_SIZE = {
    "hexagon": (640, 560),
    "fit": (760, 520),
    "gap": (760, 520),
    "gap_postings": (760, 520),
    "timeline": (820, 480),
}
_ALLOWED = ("data:", "about:", "blob:")

T = TypeVar("T")


def find_chromium() -> str | None:
    """The Chromium program to use: ``$CAREERKIT_CHROMIUM``, else the first of ``chromium``,
    ``chromium-browser``, ``google-chrome`` on the PATH; ``None`` when there is none.

    Raises
    ------
    CareerkitError
        ``CAREERKIT_CHROMIUM`` names a file that does not exist.
    """
    configured = os.environ.get(CHROMIUM_ENV, "").strip()
    if configured:
        path = Path(configured).expanduser()
        if not path.is_file():
            found = shutil.which(configured)
            if found is None:
                raise CareerkitError(MESSAGES["chromium_missing_path"].format(path=configured))
            return found
        return str(path)
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def can_draw_svg(engine: str) -> bool:
    """Whether SVG charts can be drawn here with ``engine``: Chromium is found and the package
    driving it (playwright or kaleido, in ``careerkit[lab]``) is installed."""
    import importlib.util

    return find_chromium() is not None and importlib.util.find_spec(engine) is not None


def require_chromium() -> str:
    path = find_chromium()
    if path is None:
        raise CareerkitError(MESSAGES["need_chromium"])
    return path


def in_thread(func: Callable[[], T]) -> T:
    """Run ``func`` in a fresh worker thread and return its result (see the module docstring)."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(func).result()


def figure_spec(figure: Any) -> dict[str, Any]:
    """A figure as plain JSON data for plotly.js (plotly's own encoder: numpy, dates)."""
    return json.loads(figure.to_json())


def _launch_args() -> list[str]:
    args = list(QUIET_ARGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    return args


class Browser:
    """One headless Chromium page (Playwright), network blocked, for SVG charts and the PDF.

    Use as a context manager in one thread::

        with Browser() as browser:
            svg = browser.svg(figure)
            pdf = browser.pdf(html)
    """

    def __init__(self, executable: str | None = None) -> None:
        self.executable = executable or require_chromium()
        #: URLs the page tried to fetch and was refused (should stay empty for a report)
        self.blocked: list[str] = []
        self._plotly_loaded = False
        self._pw: Any = None
        self._browser: Any = None
        self._page: Any = None
        self._print_page: Any = None
        #: the chart page and plotly.js (file: URLs), the only local files the page may read
        self._local: set[str] = set()
        self._folder: Any = None

    def __enter__(self) -> Browser:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as exc:  # pragma: no cover - playwright is in the lab extras
            raise CareerkitError(MESSAGES["need_playwright"]) from exc
        try:
            self._pw = sync_playwright().start()
            self._browser = self._pw.chromium.launch(
                executable_path=self.executable, args=_launch_args(), headless=True
            )
            self._page = self._browser.new_page()
            self._page.route("**/*", self._route)
        except Exception as exc:
            self.__exit__(None, None, None)
            raise CareerkitError(
                MESSAGES["browser_failed"].format(what="start", error=exc)
            ) from exc
        return self

    def __exit__(self, *exc: object) -> None:
        for closer in (self._browser, self._pw):
            if closer is None:
                continue
            # Closing a browser that already died must not hide the error that killed it.
            with contextlib.suppress(Exception):
                closer.close() if closer is self._browser else closer.stop()
        self._browser = self._pw = self._page = self._print_page = None
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(_ALLOWED) or url in self._local:
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _load_plotly(self) -> None:
        if self._plotly_loaded:
            return
        import plotly

        # Chromium reads plotly.js from the installed package itself: about a second faster
        # than sending its 4.8 MB through the DevTools pipe (benchmarks/bench_report.py). Only
        # these two local files are let through the request filter.
        script = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
        self._folder = tempfile.TemporaryDirectory(prefix="careerkit-charts-")
        page = Path(self._folder.name) / "charts.html"
        page.write_text(
            "<!DOCTYPE html><html><head><meta charset='utf-8'>"
            f"<script src='{script.as_uri()}'></script></head><body></body></html>",
            encoding="utf-8",
        )
        self._local = {page.as_uri(), script.as_uri()}
        self._page.goto(page.as_uri(), wait_until="load")
        if not self._page.evaluate("typeof Plotly !== 'undefined'"):
            from plotly.offline import get_plotlyjs

            self._page.add_script_tag(content=get_plotlyjs())
        self._plotly_loaded = True

    def svg(self, figure: Any, size: tuple[int, int] = (760, 520)) -> str:
        """The figure as an SVG document (text), drawn by plotly.js in this page."""
        try:
            self._load_plotly()
            url = self._page.evaluate(
                "async ([f, w, h]) => await Plotly.toImage({data: f.data || [], "
                "layout: f.layout || {}}, {format: 'svg', width: w, height: h})",
                [figure_spec(figure), size[0], size[1]],
            )
        except Exception as exc:
            raise CareerkitError(
                MESSAGES["browser_failed"].format(what="draw a chart", error=exc)
            ) from exc
        return unquote(url.split(",", 1)[1])

    def pdf(self, html: str) -> bytes:
        """``html`` printed to an A4 PDF (the report's print CSS applies)."""
        try:
            # A page of its own, so the chart page keeps plotly.js loaded across a batch.
            if self._print_page is None:
                self._print_page = self._browser.new_page()
                self._print_page.route("**/*", self._route)
                self._print_page.emulate_media(media="print")
            page = self._print_page
            page.set_content(html, wait_until="load")
            return page.pdf(
                format="A4",
                print_background=True,
                prefer_css_page_size=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=(
                    "<div style='font-size:8px;width:100%;text-align:center;color:#555'>"
                    "<span class='pageNumber'></span> / <span class='totalPages'></span></div>"
                ),
                margin={"top": "15mm", "bottom": "18mm", "left": "15mm", "right": "15mm"},
            )
        except CareerkitError:
            raise
        except Exception as exc:
            raise CareerkitError(
                MESSAGES["browser_failed"].format(what="print the PDF", error=exc)
            ) from exc


def kaleido_svgs(figures: list[tuple[Any, tuple[int, int]]], executable: str) -> list[str]:
    """Each figure drawn as SVG by kaleido (one kaleido Chromium for the whole list)."""
    try:
        import asyncio

        import kaleido
        import plotly
    except ImportError as exc:  # pragma: no cover - kaleido is in the lab extras
        raise CareerkitError(MESSAGES["need_kaleido"]) from exc
    plotly_js = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"

    async def draw() -> list[str]:
        out = []
        async with kaleido.Kaleido(
            n=1, mathjax=False, plotlyjs=str(plotly_js), path=executable
        ) as k:
            for figure, (width, height) in figures:
                data = await k.calc_fig(
                    figure, opts={"format": "svg", "width": width, "height": height}
                )
                out.append(data.decode("utf-8") if isinstance(data, bytes) else str(data))
        return out

    try:
        return asyncio.run(draw())
    except Exception as exc:
        raise CareerkitError(
            MESSAGES["browser_failed"].format(what="draw the charts (kaleido)", error=exc)
        ) from exc
