"""What the counselor screens share: a message area with plain words, errors shown there (never
as a traceback), and display in a notebook."""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any

import ipywidgets as widgets
from IPython.display import display

from careerkit.errors import CareerkitError
from careerkit.workbook import home

__all__ = ["LINK_STYLE", "MESSAGE_STYLE", "SUBMIT_ENV", "TEXT", "Screen", "esc", "submit_folder"]

#: the counselor's folder for submitted copies (a workshop sets it once for everyone)
SUBMIT_ENV = "CAREERKIT_SUBMIT_DIR"

TEXT = {"problem": "Something went wrong reading or writing a file: {error}"}

MESSAGE_STYLE = {
    "info": "color:inherit",
    "error": "color:#B00020;font-weight:bold",
    "ok": "color:#00634A",
}
LINK_STYLE = "color:#0072B2;text-decoration:underline;font-weight:bold"  # Okabe–Ito blue


def submit_folder() -> Path:
    """``$CAREERKIT_SUBMIT_DIR`` if set, else the workbook home."""
    configured = os.environ.get(SUBMIT_ENV, "").strip()
    return Path(configured).expanduser() if configured else home()


def esc(text: Any) -> str:
    """``text`` escaped for HTML (quotes too, so it is safe in attributes)."""
    return html.escape(str(text), quote=True)


class Screen:
    """A screen with a ``message`` area (an ``HTML`` widget) and a root ``widget``."""

    message: widgets.HTML
    widget: widgets.Widget

    def _say(self, text: str, kind: str = "info") -> None:
        """Show ``text`` (several lines allowed) in the message area; ``""`` clears it."""
        lines = "<br>".join(esc(line) for line in text.splitlines())
        self.message.value = (
            f'<p role="status" style="{MESSAGE_STYLE[kind]}">{lines}</p>' if text else ""
        )

    def _guarded(self, action: Any) -> None:
        """Run ``action``; a careerkit error or a file-system error becomes a plain message."""
        try:
            action()
        except CareerkitError as exc:
            self._say(str(exc), "error")
        except OSError as exc:
            self._say(TEXT["problem"].format(error=exc.strerror or exc), "error")

    def _ipython_display_(self) -> None:
        display(self.widget)
