"""The report screen (notebook 04): a preview of the report, and downloads as HTML or PDF.

The preview sits in a sandboxed frame (no scripts run in it). With Chromium on the machine the
preview shows the charts as pictures; without it, the charts' descriptions in words, and the
downloaded HTML carries interactive charts instead (the report says so). A PDF needs Chromium:
without it, the message says so plainly and how to get it.

Downloads are ``data:`` links made on the spot (no server round trip, nothing left on disk).
Every sentence a person reads is in ``TEXT``; problems show in the message area, never as a
traceback.
"""

from __future__ import annotations

import base64
import html
from typing import Any

import ipywidgets as widgets
from IPython.display import display

from careerkit import report
from careerkit.errors import CareerkitError
from careerkit.ui._screen import Screen

__all__ = ["TEXT", "ReportScreen"]

TEXT = {
    "heading": "Your report",
    "intro": (
        "This is everything you did in the workbook, on a few pages: your interests, your skills "
        "gap and your goals. Look it over below, then download it to keep, print or share with "
        "your counselor. Nothing is sent anywhere: the file is made on this computer."
    ),
    "refresh": "Update the preview",
    "refresh_tip": "Show the report again with your latest answers",
    "download_html": "Download HTML",
    "download_html_tip": "Make a web-page file of the report (opens in any browser)",
    "download_pdf": "Download PDF",
    "download_pdf_tip": "Make a PDF file of the report (for printing)",
    "preview_title": "Preview of your report",
    "preview_no_browser": (
        "The preview shows the charts in words only. In the HTML download they are interactive "
        "charts."
    ),
    "working": "Making your report…",
    "ready": "Your {kind} is ready: use the link below to save it.",
    "link": "Save {name}",
    "reload_failed": (
        "Your latest answers could not be read, so the report shows what was open: {error}"
    ),
}

_LINK_STYLE = "font-weight: bold; text-decoration: underline; color: #0b5cad"
_WIDE = widgets.Layout(width="auto")


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


class ReportScreen(Screen):
    """Preview and download one person's report.

    Parameters
    ----------
    wb : careerkit.Workbook
    preview : bool
        Render the preview straight away (``True``) or only on "Update the preview".

    Attributes
    ----------
    refresh_button, html_button, pdf_button : Button
    preview, download_area, message : HTML
    widget : VBox
        The whole screen.
    """

    def __init__(self, wb: Any, *, preview: bool = True) -> None:
        self.wb = wb
        self.heading = widgets.HTML(f"<h3>{_esc(TEXT['heading'])}</h3><p>{_esc(TEXT['intro'])}</p>")
        self.refresh_button = widgets.Button(
            description=TEXT["refresh"],
            tooltip=TEXT["refresh_tip"],
            icon="refresh",
            layout=_WIDE,
        )
        self.html_button = widgets.Button(
            description=TEXT["download_html"],
            tooltip=TEXT["download_html_tip"],
            icon="download",
            layout=_WIDE,
        )
        self.pdf_button = widgets.Button(
            description=TEXT["download_pdf"],
            tooltip=TEXT["download_pdf_tip"],
            icon="download",
            layout=_WIDE,
        )
        self.message = widgets.HTML()
        self.download_area = widgets.HTML()
        self.preview = widgets.HTML()
        self.refresh_button.on_click(lambda _b: self._guarded(self.refresh))
        self.html_button.on_click(lambda _b: self._guarded(self.download_html))
        self.pdf_button.on_click(lambda _b: self._guarded(self.download_pdf))
        self.widget = widgets.VBox(
            [
                self.heading,
                widgets.HBox([self.refresh_button, self.html_button, self.pdf_button]),
                self.message,
                self.download_area,
                self.preview,
            ]
        )
        if preview:
            self._guarded(self.refresh)

    # ----------------------------------------------------------------- actions
    def _latest(self) -> Any:
        """The workbook with what other notebooks saved since it was opened."""
        try:
            self.wb.reload()
        except CareerkitError as exc:
            self._say(TEXT["reload_failed"].format(error=exc), "error")
        return self.wb

    def refresh(self) -> None:
        """Show the report in the preview frame (charts as pictures when Chromium is here)."""
        wb = self._latest()
        browser = report.find_chromium() is not None
        page = report.render_html(wb, charts="svg" if browser else "text")
        note = "" if browser else f"<p>{_esc(TEXT['preview_no_browser'])}</p>"
        self.preview.value = (
            f'{note}<iframe title="{_esc(TEXT["preview_title"])}" sandbox="" '
            f'style="width: 100%; height: 640px; border: 1px solid #ccc" '
            f'srcdoc="{_esc(page)}"></iframe>'
        )

    def _link(self, data: bytes, name: str, mime: str, kind: str) -> None:
        payload = base64.b64encode(data).decode("ascii")
        self.download_area.value = (
            f'<p><a download="{_esc(name)}" style="{_LINK_STYLE}" '
            f'href="data:{mime};base64,{payload}">{_esc(TEXT["link"].format(name=name))}</a></p>'
        )
        self._say(TEXT["ready"].format(kind=kind), "ok")

    def download_html(self) -> None:
        """A link that saves the report as one HTML file."""
        self.download_area.value = ""
        self._say(TEXT["working"])
        wb = self._latest()
        page = report.render_html(wb, charts="auto")
        self._link(page.encode("utf-8"), f"{wb.pseudonym}-report.html", "text/html", "HTML file")

    def download_pdf(self) -> None:
        """A link that saves the report as a PDF (needs Chromium; the message says so)."""
        self.download_area.value = ""
        self._say(TEXT["working"])
        wb = self._latest()
        data = report.render_pdf(wb)
        self._link(data, f"{wb.pseudonym}-report.pdf", "application/pdf", "PDF")

    def _ipython_display_(self) -> None:
        display(self.widget)
