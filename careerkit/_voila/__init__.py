"""How careerkit's participant app is served by Voilà (``make app``, JupyterHub servers).

Three things Voilà does not do by default, set up by :func:`configure` from the config file
``careerkit/_voila/config/voila.py``:

- **Kernels of closed pages are freed.** When a page closes, Voilà's page sends a shutdown
  request for its kernel with the ``_xsrf`` cookie's value; but Voilà's page handler never sets
  that cookie, so every such request was refused ("'_xsrf' argument missing from POST") and the
  kernels stayed. :func:`prelaunch_hook` asks the request for its XSRF token, which makes
  Tornado set the cookie on the page (``RequestHandler.xsrf_token``). As a backstop, kernels
  with no page connected are culled after :data:`CULL_IDLE_SECONDS` idle (jupyter_server's
  ``MappingKernelManager.cull_*`` settings).
- **No request leaves the server**: the ``careerkit`` template (``share/voila/templates``)
  drops the lab template's links to a public CDN; the icon font is in Voilà's own bundle.
- **Text for JupyterLab readers stays there**: cells tagged ``lab-only`` are not shown.

The template is found through ``JUPYTER_PATH``: :func:`environment` gives the variables a
process serving the app needs, and :func:`configure` adds the folder for its own process.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

__all__ = [
    "APP_NOTEBOOK",
    "CONFIG",
    "CULL_IDLE_SECONDS",
    "SHARE",
    "TEMPLATE",
    "configure",
    "environment",
    "prelaunch_hook",
]

HERE = Path(__file__).resolve().parent
#: folder holding ``voila/templates/careerkit`` (for ``JUPYTER_PATH``)
SHARE = HERE / "share"
#: folder holding the Voilà config file (for ``--Voila.config_file_paths``)
CONFIG = HERE / "config"
TEMPLATE = "careerkit"
#: the app, relative to the repository's notebooks folder
APP_NOTEBOOK = "app.ipynb"
#: a kernel with no page connected for this long is shut down
CULL_IDLE_SECONDS = 600
CULL_INTERVAL_SECONDS = 60


def environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """``base`` (default: this process's environment) with ``JUPYTER_PATH`` reaching the
    careerkit template."""
    env = dict(os.environ if base is None else base)
    paths = [p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    if str(SHARE) not in paths:
        paths.insert(0, str(SHARE))
    env["JUPYTER_PATH"] = os.pathsep.join(paths)
    return env


def prelaunch_hook(handler: Any, notebook: Any = None, cwd: str | None = None) -> None:
    """Called by Voilà before it starts a page's kernel: set the ``_xsrf`` cookie (Tornado sets
    it when the token is first read), so the page's shutdown request on close is accepted."""
    handler.xsrf_token  # noqa: B018 - reading it sets the cookie


def configure(c: Any) -> None:
    """Apply careerkit's Voilà settings to the traitlets config ``c``."""
    os.environ["JUPYTER_PATH"] = environment()["JUPYTER_PATH"]
    c.VoilaConfiguration.template = TEMPLATE
    c.VoilaConfiguration.prelaunch_hook = prelaunch_hook
    c.VoilaConfiguration.show_tracebacks = False
    c.MappingKernelManager.cull_idle_timeout = CULL_IDLE_SECONDS
    c.MappingKernelManager.cull_interval = CULL_INTERVAL_SECONDS
    c.MappingKernelManager.cull_connected = False
