"""How long one report takes, by the way its charts are drawn.

Run: ``.venv/bin/python benchmarks/bench_report.py [--reports N]``

Compared, on the same filled demo workbook (5 charts: hexagon, fit, two gap charts, timeline):

* ``playwright`` — plotly.js loaded once into a headless Chromium page, ``Plotly.toImage`` per
  chart (careerkit's default); one browser for a whole batch (as ``export_many`` does).
* ``kaleido`` — kaleido 1.x with its own Chromium, started once per report (as
  ``render_html(engine="kaleido")`` does).
* ``naive`` — ``fig.to_image(format="svg")`` per chart, which starts a kaleido browser per figure.
* ``interactive`` — no browser: plotly.js embedded once (the fallback).
* ``pdf`` — a whole PDF (SVG charts + printing) in one browser.

Times are wall-clock seconds (the browser runs in other processes, so CPU time of this process
would miss most of the work); the first browser start of each way is reported on its own.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from careerkit import report
from careerkit.report import _browser, _content
from careerkit.report._demo import demo_workbook


def _timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def kaleido_batch(figures: list, n: int, chromium: str) -> tuple[float, float]:
    """One kaleido browser kept running for n+1 reports' charts: (first report incl. start,
    mean seconds per later report)."""
    import asyncio

    import kaleido
    import plotly

    plotly_js = str(Path(plotly.__file__).parent / "package_data" / "plotly.min.js")

    async def draw() -> list[float]:
        marks = [time.perf_counter()]
        async with kaleido.Kaleido(n=1, mathjax=False, plotlyjs=plotly_js, path=chromium) as k:
            for _ in range(n + 1):
                for figure in figures:
                    await k.calc_fig(figure, opts={"format": "svg"})
                marks.append(time.perf_counter())
        return [b - a for a, b in itertools.pairwise(marks)]

    laps = _browser.in_thread(lambda: asyncio.run(draw()))
    return laps[0], sum(laps[1:]) / n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=3, help="reports per way (default 3)")
    args = parser.parse_args()
    n = args.reports
    chromium = _browser.find_chromium()
    with tempfile.TemporaryDirectory() as home:
        os.environ["CAREERKIT_HOME"] = home
        wb = demo_workbook(home)
        figures = _content.build(wb).charts
        print(f"demo workbook: {len(figures)} charts; {n} reports per way; chromium: {chromium}")

        t = _timed(lambda: report.render_html(wb, charts="text"))
        print(f"{'content only (no charts)':<38} {t:7.3f} s per report")
        times = [_timed(lambda: report.render_html(wb, charts="interactive")) for _ in range(n)]
        print(f"{'interactive (no browser)':<38} {min(times):7.3f} s per report (best of {n})")
        if chromium is None:
            print("no Chromium: SVG and PDF ways not measured (apt-get install chromium)")
            return

        def playwright_batch() -> tuple[float, list[float]]:
            timings: list[float] = []

            def work() -> float:
                start = time.perf_counter()
                with _browser.Browser() as browser:
                    startup = time.perf_counter() - start
                    for _ in range(n + 1):
                        timings.append(
                            _timed(
                                lambda b=browser: report._render(
                                    wb, "svg", "playwright", b, None, None
                                )
                            )
                        )
                    page = report._render(wb, "svg", "playwright", browser, None, None)
                    prints.extend(_timed(lambda b=browser: b.pdf(page)) for _ in range(n + 1))
                return startup

            startup = _browser.in_thread(work)
            return startup, timings

        prints: list[float] = []
        startup, times = playwright_batch()
        print(f"{'playwright SVG: browser start':<38} {startup:7.3f} s once per batch")
        print(f"{'playwright SVG: first report (+plotly.js)':<38} {times[0]:7.3f} s once per batch")
        print(f"{'playwright SVG, browser running':<38} {sum(times[1:]) / n:7.3f} s per report")
        print(f"{'printing the PDF, browser running':<38} {sum(prints[1:]) / n:7.3f} s per report")
        # One report at a time, browser start included; the two ways interleaved so that load
        # from other processes on this shared machine hits both alike. Median of n.
        one: list[float] = []
        kal: list[float] = []
        for _ in range(n):
            one.append(_timed(lambda: report.render_html(wb, charts="svg", engine="playwright")))
            kal.append(_timed(lambda: report.render_html(wb, charts="svg", engine="kaleido")))
        print(f"{'playwright SVG, render_html (start incl.)':<38} {median(one):7.3f} s per report")
        print(f"{'kaleido SVG, render_html (start incl.)':<38} {median(kal):7.3f} s per report")
        startup, steady = kaleido_batch([chart.figure for chart in figures], n, chromium)
        print(f"{'kaleido: start + first report':<38} {startup:7.3f} s once per batch")
        print(f"{'kaleido SVG, browser running':<38} {steady:7.3f} s per report")

        def naive() -> None:
            for chart in figures:
                chart.figure.to_image(format="svg")

        naive_t = _timed(naive)
        print(f"{'naive: fig.to_image per chart':<38} {naive_t:7.3f} s per report (1 run)")
        pdf = [_timed(lambda: report.render_pdf(wb)) for _ in range(n)]
        print(f"{'PDF (playwright, start incl.)':<38} {sum(pdf) / n:7.3f} s per report")

        def batch() -> None:
            report.export_many([wb] * n, Path(home) / "pdf")

        b = _timed(batch)
        print(f"{'PDF via export_many (one browser)':<38} {b / n:7.3f} s per report")
        faster = "playwright" if median(one) <= median(kal) else "kaleido"
        print(f"faster single report here: {faster}; careerkit's default: {report.DEFAULT_ENGINE}")


if __name__ == "__main__":
    main()
