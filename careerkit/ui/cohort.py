"""The counselor's cohort screen: choose a folder, see progress and statistics, export.

``CohortScreen`` reads a folder of submitted workbooks with :func:`careerkit.cohort.load` and
shows the files that could not be read, the workbooks left out because of their consent, a
progress table (one row per participant who shared), the group summary with small groups
hidden, the reliability of the interest inventory, and four charts. Changing the smallest group
shown redraws the summary and charts at once. The export button writes an XLSX workbook (every
table on screen, one sheet each, suppressed exactly as shown), a zip of CSV files (the same
tables) or a CSV of the participant table (pseudonymised by default, free text only when
ticked) and offers it, and the key, as download links. Tables come from
:meth:`careerkit.cohort.Cohort.tables`, so the screen and the files show the same cells.

Every control is a standard ipywidgets control with a label (keyboard-usable); every sentence
is in ``TEXT``; data shown as HTML is escaped. Problems appear in the message area in plain
words, never as a traceback.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pandas as pd
from IPython.display import display

from careerkit.charts.cohort import (
    cohort_goal_categories,
    cohort_holland_letters,
    cohort_interest_scores,
    cohort_progress,
)
from careerkit.charts.theme import summary as chart_summary
from careerkit.cohort import TEXT as COHORT_TEXT
from careerkit.cohort import (
    Cohort,
    CohortSummary,
    Table,
    key_path,
    load,
    participants_table,
    reliability_table,
    summary_tables,
)
from careerkit.ui._screen import LINK_STYLE, SUBMIT_ENV, Screen, esc, submit_folder

__all__ = ["SUBMIT_ENV", "TEXT", "BatchExportScreen", "CohortScreen"]

#: environment variable naming the counselor's submission folder (the default folder here)

TEXT: dict[str, Any] = {
    "heading": "Your cohort",
    "intro": (
        "Choose the folder where participants' workbooks were submitted, then press "
        "“Load workbooks”. Only workbooks whose owners agreed are shown; statistics count only "
        "those who agreed to group statistics."
    ),
    "folder": "Workbook folder",
    "k": "Smallest group shown",
    "load": "Load workbooks",
    "loaded": "Read {n} workbook(s) from {folder}.",
    "empty": "There are no workbooks in {folder} yet.",
    "skipped_heading": "Files that could not be read",
    "excluded_heading": "Left out because of consent",
    "progress_heading": "Progress of each participant",
    "no_progress": "Nobody in this folder has shared their workbook with you yet.",
    "summary_heading": "Group summary",
    "reliability_heading": "Reliability of the interest inventory",
    "charts_heading": "Charts",
    "export_heading": "Export",
    "export_path": "Save as",
    "export_default": "cohort_export.xlsx",
    "export_hint": (
        "End the name in .xlsx for one workbook with every table on this page, .zip for the "
        "same tables as CSV files, or .csv for the participant table only. The summary is "
        "exported with the smallest group shown above."
    ),
    "pseudonymise": "Replace pseudonyms by random codes (key saved separately)",
    "free_text": "Include free text (notes, goals, postings, comments)",
    "export": "Export",
    "need_load": "Load the workbooks first.",
    "exported": "Saved {path} ({n} participant(s)).",
    "key_saved": "The key (code → pseudonym) is in {key}: keep it apart from the export.",
    "download": "Download {name}",
    "file": "file",
    "reason": "reason",
    # batch export
    "batch_heading": "Every participant's report",
    "batch_intro": (
        "Writes one report per participant who shared their workbook with you, named after "
        "their pseudonym, into the output folder. PDF needs the Chromium browser; HTML works "
        "everywhere."
    ),
    "out_folder": "Save reports in",
    "format": "Format",
    "formats": [("PDF", "pdf"), ("HTML (web page)", "html")],
    "also_table": (
        "Also save the cohort workbook (progress and group summary, pseudonymised, no free "
        "text) in that folder"
    ),
    "batch": "Export reports",
    "nothing_shared": "Nobody in {folder} has shared their workbook with you: no reports to write.",
    "batch_done": "Wrote {n} report(s) to {folder}.",
    "batch_skipped": "Could not write {n} report(s):",
    "table_saved": "The cohort table is in {path}; its key is in {key}.",
    "table_name": "cohort.xlsx",
}
_MIME = {
    ".csv": "text/csv",
    ".zip": "application/zip",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _table(table: Table) -> str:
    """A table as an escaped HTML table (user text never becomes markup), its cells rounded as
    the exported spreadsheet shows them."""
    return table.shown().to_html(index=False, escape=True, na_rep="", border=0)


class CohortScreen(Screen):
    """The counselor's view of a folder of workbooks.

    Attributes
    ----------
    folder : Text
        The folder to read (default: ``$CAREERKIT_SUBMIT_DIR``, else the workbook home).
    k : BoundedIntText
        Smallest group shown in the summary and charts.
    load_button, export_button : Button
    export_path : Text
        Where the export goes (``.csv`` or ``.xlsx``).
    pseudonymise, free_text : Checkbox
    message : HTML
        Results and problems, in plain words.
    skipped, excluded, progress, summary, reliability, downloads : HTML
    charts : Output
    cohort : Cohort or None
        The last cohort loaded.
    """

    def __init__(self, folder: str | Path | None = None) -> None:
        start = Path(folder) if folder is not None else submit_folder()
        self.cohort: Cohort | None = None
        self.figures: list[Any] = []
        self.folder = widgets.Text(
            value=str(start),
            description=TEXT["folder"],
            style={"description_width": "initial"},
            layout=widgets.Layout(width="40em"),
        )
        self.k = widgets.BoundedIntText(
            value=5, min=1, max=1000, description=TEXT["k"], style={"description_width": "initial"}
        )
        self.load_button = widgets.Button(description=TEXT["load"], button_style="primary")
        self.message = widgets.HTML()
        self.skipped = widgets.HTML()
        self.excluded = widgets.HTML()
        self.progress = widgets.HTML()
        self.summary = widgets.HTML()
        self.reliability = widgets.HTML()
        self.charts = widgets.Output()
        self.export_path = widgets.Text(
            value=TEXT["export_default"],
            description=TEXT["export_path"],
            style={"description_width": "initial"},
            layout=widgets.Layout(width="40em"),
        )
        self.export_hint = widgets.HTML(f"<p>{esc(TEXT['export_hint'])}</p>")
        self.pseudonymise = widgets.Checkbox(
            value=True, description=TEXT["pseudonymise"], indent=False
        )
        self.free_text = widgets.Checkbox(value=False, description=TEXT["free_text"], indent=False)
        self.export_button = widgets.Button(description=TEXT["export"])
        self.downloads = widgets.HTML()
        self.load_button.on_click(lambda _: self._guarded(self.load))
        self.k.observe(lambda _: self._guarded(self._show_summary), names="value")
        self.export_button.on_click(lambda _: self._guarded(self.export))

        def heading(key: str) -> widgets.HTML:
            return widgets.HTML(f"<h3>{esc(TEXT[key])}</h3>")

        self.widget = widgets.VBox(
            [
                widgets.HTML(f"<h2>{esc(TEXT['heading'])}</h2><p>{esc(TEXT['intro'])}</p>"),
                self.folder,
                widgets.HBox([self.k, self.load_button]),
                self.message,
                self.skipped,
                self.excluded,
                heading("progress_heading"),
                self.progress,
                heading("summary_heading"),
                self.summary,
                heading("reliability_heading"),
                self.reliability,
                heading("charts_heading"),
                self.charts,
                heading("export_heading"),
                self.export_path,
                self.export_hint,
                self.pseudonymise,
                self.free_text,
                self.export_button,
                self.downloads,
            ]
        )

    # ------------------------------------------------------------------ helpers

    def _listing(self, key: str, frame: pd.DataFrame) -> str:
        if frame.empty:
            return ""
        items = "".join(
            f"<li>{esc(f)}: {esc(r)}</li>"
            for f, r in zip(frame["file"], frame["reason"], strict=True)
        )
        return f"<h4>{esc(TEXT[key])}</h4><ul>{items}</ul>"

    # ------------------------------------------------------------------ actions
    def load(self) -> None:
        """Read the folder and fill every part of the screen."""
        self.cohort = None
        self.downloads.value = ""
        for area in (self.skipped, self.excluded, self.progress, self.summary, self.reliability):
            area.value = ""
        self.charts.clear_output()
        cohort = load(self.folder.value.strip())
        self.cohort = cohort
        total = len(cohort.members) + len(cohort.excluded) + len(cohort.skipped)
        if total == 0:
            self._say(TEXT["empty"].format(folder=cohort.folder), "info")
        else:
            self._say(TEXT["loaded"].format(n=total, folder=cohort.folder), "ok")
        self.skipped.value = self._listing("skipped_heading", cohort.skipped)
        self.excluded.value = self._listing("excluded_heading", cohort.excluded)
        progress = cohort.progress()
        self.progress.value = (
            _table(participants_table(progress))
            if len(progress)
            else f"<p>{esc(TEXT['no_progress'])}</p>"
        )
        reliability = reliability_table(cohort.reliability())
        self.reliability.value = f"<p>{esc(reliability.description)}</p>" + _table(reliability)
        self._show_summary()

    def _show_summary(self) -> None:
        """The group summary and charts at the current smallest group shown (``k``)."""
        if self.cohort is None:
            return
        summary: CohortSummary = self.cohort.summary(k=int(self.k.value))
        notes = "".join(f"<p>{esc(n)}</p>" for n in summary.notes)
        tables = "".join(
            f"<h4>{esc(t.title)}</h4><p>{esc(t.description)}</p>" + _table(t)
            for t in summary_tables(summary)
        )
        self.summary.value = notes + tables
        self.charts.clear_output()
        self.figures = [
            cohort_holland_letters(summary),
            cohort_interest_scores(summary),
            cohort_progress(summary),
            cohort_goal_categories(summary),
        ]
        with self.charts:
            for fig in self.figures:
                display(fig)
                display(widgets.HTML(f"<p>{esc(chart_summary(fig))}</p>"))

    def export(self) -> None:
        """Write the export and offer it (and the key) as download links."""
        if self.cohort is None:
            self._say(TEXT["need_load"], "error")
            return
        path = Path(self.export_path.value.strip()).expanduser()
        out = self.cohort.export(
            path,
            pseudonymise=self.pseudonymise.value,
            include_free_text=self.free_text.value,
            k=int(self.k.value),
        )
        links = [self._link(out)]
        words = TEXT["exported"].format(path=out.resolve(), n=len(self.cohort.shared))
        if out.suffix.lower() == ".csv":
            words += " " + COHORT_TEXT["csv_only_participants"]
        if self.pseudonymise.value:
            links.append(self._link(key_path(out)))
            words += " " + TEXT["key_saved"].format(key=key_path(out).resolve())
        self.downloads.value = "".join(links)
        self._say(words, "ok")

    @staticmethod
    def _link(path: Path) -> str:
        payload = base64.b64encode(path.read_bytes()).decode("ascii")
        mime = _MIME.get(path.suffix.lower(), "text/csv")
        return (
            f'<p><a download="{esc(path.name)}" style="{LINK_STYLE}" '
            f'href="data:{mime};base64,{payload}">'
            f"{esc(TEXT['download'].format(name=path.name))}</a></p>"
        )


class BatchExportScreen(Screen):
    """Every shared workbook's report in one go (:func:`careerkit.report.export_many`).

    Attributes
    ----------
    folder, out_folder : Text
        Where the workbooks are; where the reports go (default ``<folder>/reports``).
    format : Dropdown
        ``"pdf"`` or ``"html"``.
    also_table : Checkbox
        Also write the pseudonymised cohort table (``cohort.xlsx`` and its key) there.
    export_button : Button
    message : HTML
    result : ``careerkit.report.ExportResult`` or None
    """

    def __init__(self, folder: str | Path | None = None, *, charts: str = "auto") -> None:
        start = Path(folder) if folder is not None else submit_folder()
        self.charts_mode = charts
        self.result: Any = None
        self.folder = widgets.Text(
            value=str(start),
            description=TEXT["folder"],
            style={"description_width": "initial"},
            layout=widgets.Layout(width="40em"),
        )
        self.out_folder = widgets.Text(
            value=str(start / "reports"),
            description=TEXT["out_folder"],
            style={"description_width": "initial"},
            layout=widgets.Layout(width="40em"),
        )
        self.format = widgets.Dropdown(
            options=TEXT["formats"], value="pdf", description=TEXT["format"]
        )
        self.also_table = widgets.Checkbox(value=True, description=TEXT["also_table"], indent=False)
        self.export_button = widgets.Button(description=TEXT["batch"], button_style="primary")
        self.message = widgets.HTML()
        self.export_button.on_click(lambda _: self._guarded(self.export))
        self.widget = widgets.VBox(
            [
                widgets.HTML(
                    f"<h2>{esc(TEXT['batch_heading'])}</h2><p>{esc(TEXT['batch_intro'])}</p>"
                ),
                self.folder,
                self.out_folder,
                self.format,
                self.also_table,
                self.export_button,
                self.message,
            ]
        )

    def export(self) -> None:
        """Write the reports (and the cohort table); say what was written and what was not."""
        from careerkit import report

        self.result = None
        cohort = load(self.folder.value.strip())
        paths = cohort.workbook_paths()
        if not paths:
            self._say(TEXT["nothing_shared"].format(folder=cohort.folder), "info")
            return
        out = Path(self.out_folder.value.strip()).expanduser()
        self.result = report.export_many(
            paths, out, format=self.format.value, charts=self.charts_mode
        )
        lines = [TEXT["batch_done"].format(n=len(self.result.written), folder=out)]
        if self.result.skipped:
            lines.append(TEXT["batch_skipped"].format(n=len(self.result.skipped)))
            lines.extend(self.result.messages())
        if self.also_table.value:
            out.mkdir(mode=0o700, parents=True, exist_ok=True)
            table = cohort.export(out / TEXT["table_name"])
            lines.append(TEXT["table_saved"].format(path=table, key=key_path(table)))
        self._say("\n".join(lines), "error" if self.result.skipped else "ok")
