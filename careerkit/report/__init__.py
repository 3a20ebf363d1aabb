"""One person's report: the workbook as a single self-contained HTML file, or a PDF.

::

    html = ck.report.render_html(wb)                 # str: one HTML file, charts as inline SVG
    ck.report.export(wb, "river-42-report.pdf")      # or .html
    ck.report.export_many(workbooks, "reports/")     # one file per workbook, bad ones skipped

The page comes from one Jinja2 template (``templates/report.html.j2``) with autoescaping on, so
everything a person typed (notes, goals, postings, comments) is escaped; the only markup not
escaped is careerkit's own (the chart SVG, cleaned of scripts and event handlers, and the chart
data as JSON with ``<`` ``>`` ``&`` escaped). Every sentence is in ``_text.TEXT``.

Charts (``charts=``):

* ``"svg"`` — static inline SVG, drawn in headless Chromium (``engine="playwright"``: plotly.js
  in the same page that prints the PDF — the default, measured faster in
  ``benchmarks/bench_report.py``; or ``engine="kaleido"``). Needs Chromium.
* ``"interactive"`` — plotly.js (from the installed ``plotly`` package) embedded once, each
  chart a live div; the report says so. No browser needed to write it.
* ``"auto"`` (default) — SVG when Chromium is found, else interactive.
* ``"text"`` — no chart drawn, only each chart's text summary (for quick previews).

The PDF is the same HTML printed by headless Chromium (A4, the template's print CSS). No network
access while rendering: see :mod:`careerkit.report._browser`.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from careerkit.errors import CareerkitError, InputError
from careerkit.report._browser import (
    CHART_SIZE,
    CHROMIUM_ENV,
    ENGINES,
    Browser,
    can_draw_svg,
    find_chromium,
    in_thread,
    kaleido_svgs,
    require_chromium,
)
from careerkit.report._content import Content, build
from careerkit.report._extra import EXTRA_TEXT
from careerkit.report._paper import (
    PAPER_TEXT,
    paper_form_html,
    paper_form_pdf,
    paper_results_html,
    write_paper_form,
    write_paper_results,
)
from careerkit.report._text import MESSAGES, TEXT

__all__ = [
    "CHROMIUM_ENV",
    "DEFAULT_ENGINE",
    "MESSAGES",
    "PAPER_TEXT",
    "TEXT",
    "ExportResult",
    "export",
    "export_many",
    "find_chromium",
    "paper_form_html",
    "paper_form_pdf",
    "paper_results_html",
    "render_html",
    "render_pdf",
    "write_paper_form",
    "write_paper_results",
]

#: The faster SVG engine as measured by ``benchmarks/bench_report.py`` on our machine.
DEFAULT_ENGINE = "playwright"
CHART_MODES = ("svg", "interactive", "auto", "text")
#: plotly.js options for interactive charts: no logo, no link out, no cloud buttons.
LIVE_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "showLink": False,
    "showSendToCloud": False,
    "showEditInChartStudio": False,
}

_SCRIPT = re.compile(r"<script\b.*?</script\s*>", re.IGNORECASE | re.DOTALL)
_FOREIGN = re.compile(r"<foreignObject\b.*?</foreignObject\s*>", re.IGNORECASE | re.DOTALL)
_HANDLER = re.compile(r"""\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_JS_HREF = re.compile(r"""(href\s*=\s*["'])\s*javascript:[^"']*""", re.IGNORECASE)


# --------------------------------------------------------------------------- markup pieces


def _clean_svg(svg: str, label: str) -> str:
    """Plotly's SVG made safe to inline: no scripts, foreign objects, event handlers or
    ``javascript:`` links (none are expected; chart text a person typed is escaped by the
    browser's XML serialiser), with a role and a label for screen readers."""
    start = svg.find("<svg")
    if start < 0:
        raise CareerkitError(
            MESSAGES["browser_failed"].format(what="draw a chart", error="no <svg> in the result")
        )
    svg = svg[start:]
    svg = _SCRIPT.sub("", svg)
    svg = _FOREIGN.sub("", svg)
    # Only inside tags: chart text that merely looks like a handler stays as typed.
    svg = _TAG.sub(lambda m: _JS_HREF.sub(r"\1#", _HANDLER.sub("", m.group())), svg)
    return svg.replace("<svg", f'<svg role="img" aria-label="{_attr(label)}"', 1)


def _attr(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def _json_for_script(data: Any) -> str:
    """JSON safe inside ``<script>``: ``<``, ``>``, ``&`` and the JS line separators escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, code)
    return text


@cache
def _environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        undefined=jinja2.ChainableUndefined,
        trim_blocks=False,
    )


# --------------------------------------------------------------------------- rendering


def _check_mode(charts: str) -> None:
    if charts not in CHART_MODES:
        raise InputError(MESSAGES["bad_charts"].format(value=charts))


def _check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise InputError(MESSAGES["bad_engine"].format(value=engine))


def _resolve(charts: str, engine: str = DEFAULT_ENGINE) -> tuple[str, bool]:
    """The chart mode to use and whether it fell back to interactive for lack of a browser
    (Chromium, or the package that drives it: a base install has neither playwright nor
    kaleido, which come with ``careerkit[lab]``)."""
    _check_mode(charts)
    if charts == "auto":
        return ("svg", False) if can_draw_svg(engine) else ("interactive", True)
    if charts == "svg":
        require_chromium()
    return charts, False


def _draw_svg(content: Content, engine: str, browser: Browser | None) -> None:
    from markupsafe import Markup

    sized = [(ch, CHART_SIZE.get(ch.key, (760, 520))) for ch in content.charts]
    if engine == "kaleido":
        # kaleido runs its own asyncio loop: a worker thread keeps it clear of Jupyter's.
        executable = require_chromium()
        svgs = in_thread(
            lambda: kaleido_svgs([(ch.figure, size) for ch, size in sized], executable)
        )
    else:
        assert browser is not None
        svgs = [browser.svg(ch.figure, size) for ch, size in sized]
    for (chart, _), svg in zip(sized, svgs, strict=True):
        chart.markup = Markup(_clean_svg(svg, chart.summary))


def _template(content: Content, mode: str, fell_back: bool) -> str:
    from markupsafe import Markup

    live = []
    plotly_js = ""
    if mode == "interactive" and content.charts:
        from plotly.offline import get_plotlyjs

        plotly_js = Markup(get_plotlyjs())
        for chart in content.charts:
            element = f"live-{chart.key}"
            chart.markup = Markup(
                f'<div class="chart-live" id="{element}" role="img" '
                f'aria-label="{_attr(chart.summary)}"></div>'
            )
            spec = json.loads(chart.figure.to_json())
            live.append({"id": element, "spec": Markup(_json_for_script(spec))})
    if mode == "interactive":
        note = TEXT["charts_interactive_no_browser"] if fell_back else TEXT["charts_interactive"]
    elif mode == "text":
        note = TEXT["charts_text_only"]
    else:
        note = ""
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            c=content,
            T=TEXT,
            X=EXTRA_TEXT,
            charts_note=note,
            plotly_js=plotly_js,
            live_charts=live,
            live_config=Markup(_json_for_script(LIVE_CONFIG)),
        )
    )


def _render(
    workbook: Any,
    charts: str,
    engine: str,
    browser: Browser | None,
    today: date | None,
    now: datetime | None,
    fell_back: bool = False,
) -> str:
    content = build(workbook, today=today, now=now)
    if charts == "svg" and content.charts:
        _draw_svg(content, engine, browser)
    return _template(content, charts, fell_back)


def render_html(
    workbook: Any,
    *,
    charts: str = "auto",
    engine: str = DEFAULT_ENGINE,
    today: date | None = None,
    now: datetime | None = None,
) -> str:
    """The workbook's report as one self-contained HTML document.

    Parameters
    ----------
    workbook : careerkit.Workbook
    charts : {"auto", "svg", "interactive", "text"}
        How charts are included (see the module docstring). ``"svg"`` needs Chromium and
        raises :class:`CareerkitError` saying how to install it when there is none.
    engine : {"playwright", "kaleido"}
        Which way SVG charts are drawn.
    today, now : optional
        The report date (goal deadlines and "overdue" are judged against it) and the time
        printed in the footer; default: now.

    Returns
    -------
    str
        The HTML (UTF-8 text): no external assets, nothing fetched when opened, except that
        ``"interactive"`` charts need JavaScript (plotly.js is inside the file).
    """
    _check_engine(engine)
    mode, fell_back = _resolve(charts, engine)
    if mode == "svg" and engine == "playwright":

        def work() -> str:
            with Browser() as browser:
                return _render(workbook, mode, engine, browser, today, now)

        return in_thread(work)
    return _render(workbook, mode, engine, None, today, now, fell_back)


def render_pdf(
    workbook: Any,
    *,
    engine: str = DEFAULT_ENGINE,
    today: date | None = None,
    now: datetime | None = None,
) -> bytes:
    """The report as PDF bytes (A4), printed by headless Chromium; charts as SVG.

    Raises
    ------
    CareerkitError
        No Chromium: the message says it is needed and how to install it.
    """
    _check_engine(engine)
    require_chromium()

    def work() -> bytes:
        with Browser() as browser:
            html = _render(workbook, "svg", engine, browser, today, now)
            return browser.pdf(html)

    return in_thread(work)


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in (".html", ".htm", ".pdf"):
        raise InputError(MESSAGES["bad_suffix"].format(name=path.name))
    return "pdf" if suffix == ".pdf" else "html"


#: a report is about one person: readable by its owner only (as the workbook is)
FILE_MODE = 0o600
FOLDER_MODE = 0o700


def _write(path: Path, data: bytes) -> None:
    if not path.parent.is_dir():
        path.parent.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    tmp = path.with_name(f".{path.name}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(tmp, flags, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)  # an older temporary file keeps its mode otherwise
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(path)


def export(
    workbook: Any,
    path: str | Path,
    *,
    charts: str = "auto",
    engine: str = DEFAULT_ENGINE,
    today: date | None = None,
    now: datetime | None = None,
) -> Path:
    """Write the report to ``path``: ``.html`` (see :func:`render_html`) or ``.pdf``.

    Returns the path written. A PDF needs Chromium (:class:`CareerkitError` otherwise).
    """
    path = Path(path)
    kind = _suffix(path)
    if kind == "pdf":
        data = render_pdf(workbook, engine=engine, today=today, now=now)
    else:
        data = render_html(workbook, charts=charts, engine=engine, today=today, now=now).encode(
            "utf-8"
        )
    _write(path, data)
    return path


@dataclass
class ExportResult:
    """What :func:`export_many` did: files written, and workbooks skipped with the reason."""

    written: list[Path] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def messages(self) -> list[str]:
        return [MESSAGES["skipped"].format(name=n, reason=r) for n, r in self.skipped]


def _open(item: Any) -> tuple[str, Any]:
    """(name for messages, workbook) from a Workbook or a path to a workbook file."""
    from careerkit.workbook import Workbook

    if isinstance(item, Workbook):
        return item.pseudonym, item
    if isinstance(item, (str, Path)):
        return Path(item).name, Workbook.open(item)
    raise CareerkitError(MESSAGES["not_a_workbook"].format(kind=type(item).__name__))


def export_many(
    workbooks: Iterable[Any],
    folder: str | Path,
    format: str = "pdf",
    *,
    charts: str = "auto",
    engine: str = DEFAULT_ENGINE,
    today: date | None = None,
    now: datetime | None = None,
) -> ExportResult:
    """One report per workbook in ``folder``, named ``<pseudonym>.pdf`` (or ``.html``).

    ``workbooks`` may hold :class:`~careerkit.Workbook` objects or paths to workbook files. A
    workbook that cannot be opened or reported is skipped and listed with the reason in the
    result (``.skipped``, ``.messages()``); the others are still written. One browser is
    started for the whole batch.
    """
    if format not in ("pdf", "html"):
        raise InputError(MESSAGES["bad_format"].format(value=format))
    _check_engine(engine)
    folder = Path(folder)
    if format == "pdf":
        require_chromium()
        mode, fell_back = "svg", False
    else:
        mode, fell_back = _resolve(charts, engine)
    items = list(workbooks)

    def work(browser: Browser | None) -> ExportResult:
        result = ExportResult()
        for item in items:
            name = str(item.name if isinstance(item, Path) else getattr(item, "pseudonym", item))
            try:
                name, wb = _open(item)
                html = _render(wb, mode, engine, browser, today, now, fell_back)
                target = folder / f"{wb.pseudonym}.{format}"
                if format == "pdf":
                    assert browser is not None
                    _write(target, browser.pdf(html))
                else:
                    _write(target, html.encode("utf-8"))
                result.written.append(target)
            except CareerkitError as exc:
                result.skipped.append((name, str(exc)))
            except OSError as exc:
                result.skipped.append((name, f"{exc.strerror or exc} ({exc.filename or name})"))
        return result

    if mode == "svg" and (format == "pdf" or engine == "playwright"):

        def in_browser() -> ExportResult:
            with Browser() as browser:
                return work(browser)

        return in_thread(in_browser)
    return work(None)
