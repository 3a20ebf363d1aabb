"""The one way to build a screen.

A screen is a small class that binds results and commands to widgets. It inherits
:class:`Screen`, which gives it

- a ``message`` area (an ``HTML`` widget with ``role="status"``, so screen readers announce it)
  and ``_say(text, kind)`` to write plain words there (escaped);
- one error policy, ``_guarded(action, *args)``: an ordinary mistake (a ``CareerkitError``, a
  file-system error) becomes a plain message; anything else is logged with its traceback and
  reported once as a plain apology, never as a traceback on the page;
- ``_debounced(callback)``: a button callback that ignores a second click arriving within a
  moment of the first (a double click must not skip a page or repeat an action);
- display in a notebook (``_ipython_display_``) of its root ``widget``.

A screen that is a step of the participant app also follows :class:`Step`: a ``key``, a
``title``, and its ``widget``; the app asks :mod:`careerkit.results` whether the step is done.
Recipe for a new screen (see ``docs/SCREENS.md``): put its sentences in a ``TEXT`` dict, build
widgets with labels in ``__init__``, wire each button with ``_debounced`` and ``_guarded``, read
what to show from ``careerkit.results.results(wb)``, and write answers with ``wb.save()``.
"""

from __future__ import annotations

import html
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import ipywidgets as widgets
from IPython.display import display

from careerkit.errors import CareerkitError
from careerkit.workbook import home

__all__ = [
    "FORM_ENV",
    "LINK_STYLE",
    "MESSAGE_STYLE",
    "SUBMIT_ENV",
    "TEXT",
    "Screen",
    "Step",
    "debounced",
    "esc",
    "guard",
    "html_table",
    "say",
    "submit_folder",
    "workshop_form",
]

log = logging.getLogger("careerkit.ui")

#: the counselor's folder for submitted copies (a workshop sets it once for everyone)
SUBMIT_ENV = "CAREERKIT_SUBMIT_DIR"
#: the interest inventory's form for new workbooks: "long" (60 items, default) or "short" (30)
FORM_ENV = "CAREERKIT_FORM"

TEXT = {
    "problem": "Something went wrong reading or writing a file: {error}",
    "unexpected": (
        "Something unexpected went wrong, and this action was not completed. Your earlier "
        "answers are saved. Please try again; if it happens again, tell your counselor."
    ),
}
#: a second click within this many seconds of the first is taken as part of a double click
DOUBLE_CLICK_SECONDS = 0.6

MESSAGE_STYLE = {
    "info": "color:inherit",
    "error": "color:#B00020;font-weight:bold",
    "ok": "color:#00634A",
}
LINK_STYLE = "color:#0072B2;text-decoration:underline;font-weight:bold"  # Okabe–Ito blue


def workshop_form() -> str:
    """The inventory form the counselor chose for this workshop (``$CAREERKIT_FORM``): "long"
    unless it says "short"."""
    return "short" if os.environ.get(FORM_ENV, "").strip().lower() == "short" else "long"


def submit_folder() -> Path:
    """``$CAREERKIT_SUBMIT_DIR`` if set, else ``submitted/`` in the workbook home.

    Never the home itself: counselor pages read this folder, and must see only the copies
    participants chose to send, not every workbook on the server."""
    configured = os.environ.get(SUBMIT_ENV, "").strip()
    return Path(configured).expanduser() if configured else home() / "submitted"


def esc(text: Any) -> str:
    """``text`` escaped for HTML (quotes too, so it is safe in attributes)."""
    return html.escape(str(text), quote=True)


def html_table(header: list[str], rows: list[list[str]], caption: str = "") -> str:
    """A plain HTML table (every cell escaped, column headers scoped for screen readers, an
    optional caption that names it); "" when there are no rows."""
    if not rows:
        return ""
    cell = "padding: 2px 16px 2px 0; text-align: left"
    head = "".join(f'<th scope="col" style="{cell}">{esc(h)}</th>' for h in header)
    body = "".join(
        "<tr>" + "".join(f'<td style="{cell}">{esc(c)}</td>' for c in row) + "</tr>"
        for row in rows
    )
    named = (
        f'<caption style="text-align: left; font-weight: bold">{esc(caption)}</caption>'
        if caption else ""
    )
    return (
        f'<table style="margin-bottom: 1em">{named}'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def say(area: widgets.HTML, text: str, kind: str = "info", *, markup: bool = False) -> None:
    """The one message renderer: ``text`` in ``area`` as a status line (announced by screen
    readers), escaped line by line unless ``markup`` (text the screen itself built as HTML);
    ``""`` clears it. ``kind``: "info", "ok" or "error"."""
    if not text:
        area.value = ""
        return
    # element content: <, > and & escaped (quotes need no escaping outside attributes)
    body = text if markup else "<br>".join(
        html.escape(line, quote=False) for line in text.splitlines()
    )
    area.value = f'<p role="status" style="{MESSAGE_STYLE[kind]}">{body}</p>'


def guard(action: Callable[[], Any], report: Callable[[str], None], where: str = "screen"
          ) -> Any:
    """The one error policy: run ``action``; an ordinary mistake (a careerkit error, invalid
    input, a file-system error) is passed to ``report`` in plain words; anything else is logged
    with its traceback and reported as a plain apology. Returns what ``action`` returned, or
    None after a problem."""
    import pydantic

    try:
        return action()
    except CareerkitError as exc:
        report(str(exc))
    except pydantic.ValidationError as exc:
        report(str(exc.errors()[0]["msg"]))
    except OSError as exc:
        report(TEXT["problem"].format(error=exc.strerror or exc))
    except Exception:
        log.exception("careerkit %s: unexpected error", where)
        report(TEXT["unexpected"])
    return None


def debounced(callback: Callable[..., Any], seconds: float | None = None
              ) -> Callable[..., None]:
    """``callback`` that ignores a call arriving less than ``seconds`` (default
    :data:`DOUBLE_CLICK_SECONDS`, read at each call) after the last one it ran: a double click
    runs it once."""
    last = [-float("inf")]

    def run(*args: Any) -> None:
        moment = time.monotonic()
        window = DOUBLE_CLICK_SECONDS if seconds is None else seconds
        if moment - last[0] < window:
            return
        last[0] = moment
        callback(*args)

    return run


class Step(Protocol):
    """What the participant app needs of a step's screen."""

    key: str
    title: str
    widget: widgets.Widget


class Screen:
    """A screen with a ``message`` area (an ``HTML`` widget) and a root ``widget``."""

    message: widgets.HTML
    widget: widgets.Widget

    def _say(self, text: str, kind: str = "info") -> None:
        """Show ``text`` (several lines allowed) in the message area; ``""`` clears it."""
        say(self.message, text, kind)

    def _guarded(self, action: Any) -> None:
        """Run ``action`` under the one error policy (:func:`guard`), problems in the message
        area."""
        guard(action, lambda text: self._say(text, "error"), f"screen {type(self).__name__}")

    def _debounced(self, action: Any) -> Callable[..., None]:
        """A button callback: ``action`` guarded, and run once per double click."""
        return debounced(lambda *_args: self._guarded(action))

    def _ipython_display_(self) -> None:
        display(self.widget)
